import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const base = ['archframe: 1', 'system: shop', 'style: layered', 'teams:', '  payments-team: {}', 'components:', '  payments: { kind: service, owner: payments-team, layer: domain }'];

ruleTests('unknown-reference', {
  valid: [
    {
      name: 'every name resolves, across manifests',
      files: {
        'architecture.yaml': lines(...base, '  checkout: { kind: service, layer: application, dependsOn: [payments, ledger, orders-db, events] }', 'datastores:', '  orders-db: { owner: checkout }', 'channels:', '  events: { kind: topic, deadLetter: events-dlq }', '  events-dlq: { kind: queue }'),
        'ledger.arch.yaml': lines('archframe: 1', 'system: ledger', 'components:', '  ledger: { kind: service, layer: anything }'),
      },
    },
    {
      name: 'ADR references are not this rule\'s',
      manifest: lines(...base, '    # an ADR that does not exist', 'decisions: [ADR-0999]'),
    },
  ],
  invalid: [
    {
      name: 'a misspelt target, with a fix',
      manifest: lines(...base, '  checkout:', '    kind: service', '    dependsOn:', '      - target: paymnets', '        timeout: 1s'),
      findings: [{ text: 'paymnets', message: /^'paymnets' names no component, datastore or channel in the workspace\. Did you mean 'payments'\?$/ }],
      fixed: lines(...base, '  checkout:', '    kind: service', '    dependsOn:', '      - target: payments', '        timeout: 1s'),
    },
    {
      name: 'a bare target that names nothing near anything',
      manifest: lines(...base, '  checkout: { kind: service, dependsOn: [fraud-scoring] }'),
      findings: [{ text: 'fraud-scoring', message: /^'fraud-scoring' names no component, datastore or channel in the workspace\.$/ }],
    },
    {
      name: 'an unknown owner team, with a fix',
      manifest: lines(...base, '  checkout: { kind: service, owner: payment-team }'),
      findings: [{ text: 'payment-team', message: /^'payment-team' names no team in the workspace\. Did you mean 'payments-team'\?$/ }],
      fixed: lines(...base, '  checkout: { kind: service, owner: payments-team }'),
    },
    {
      name: 'a layer outside the style\'s default layers',
      manifest: lines(...base, '  checkout: { kind: service, layer: aplication }'),
      findings: [{ text: 'aplication', message: /^'aplication' names no layer of this manifest \(presentation, application, domain, infrastructure\)\. Did you mean 'application'\?$/ }],
      fixed: lines(...base, '  checkout: { kind: service, layer: application }'),
    },
    {
      name: 'an unknown dead-letter channel and datastore owner',
      manifest: lines(...base, 'datastores:', '  payments-db: { owner: paymets }', 'channels:', '  events: { kind: topic, deadLetter: events-dead }'),
      findings: [
        { text: 'paymets', message: /^'paymets' names no component in the workspace\. Did you mean 'payments'\?$/ },
        { text: 'events-dead', message: /^'events-dead' names no channel in the workspace\.$/ },
      ],
      fixed: lines(...base, 'datastores:', '  payments-db: { owner: payments }', 'channels:', '  events: { kind: topic, deadLetter: events-dead }'),
    },
  ],
});
