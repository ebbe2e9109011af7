import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const hexagonal = (...rest: string[]) => lines('archframe: 1', 'system: pricing', 'style: hexagonal', 'layers: [adapters, domain]', ...rest);

ruleTests('core-independence', {
  valid: [
    {
      name: 'adapters reach the datastore, the core uses only the core',
      manifest: hexagonal(
        'components:',
        '  pricing: { kind: library, layer: domain, dependsOn: [{ target: rules, via: library }] }',
        '  rules: { kind: library, layer: domain }',
        '  pricing-api: { kind: service, layer: adapters, dependsOn: [{ target: pricing, via: library }, { target: prices-db, via: database, timeout: 1s }] }',
        'datastores:',
        '  prices-db: { owner: pricing-api }',
      ),
    },
    {
      name: 'a layered system is not judged by this rule',
      manifest: lines('archframe: 1', 'system: s', 'style: layered', 'components:', '  a: { kind: service, layer: domain, dependsOn: [{ target: db, timeout: 1s }] }', 'datastores:', '  db: { owner: a }'),
    },
  ],
  invalid: [
    {
      name: 'the core depending on a datastore and on an adapter',
      manifest: hexagonal(
        'components:',
        '  pricing:',
        '    kind: service',
        '    layer: domain',
        '    dependsOn:',
        '      - { target: prices-db, via: database, timeout: 1s }',
        '      - pricing-api',
        '  pricing-api: { kind: service, layer: adapters }',
        'datastores:',
        '  prices-db: { owner: pricing-api }',
      ),
      findings: [
        { text: 'prices-db', line: 10, message: /^Core component 'pricing' \(layer domain\) depends on 'prices-db', a datastore: the core must not depend on infrastructure\. Declare a port/ },
        { text: 'pricing-api', line: 11, message: /depends on 'pricing-api', a component of layer adapters:/ },
      ],
    },
    {
      name: 'a layer named core counts as the core too, and channels are outside it',
      manifest: lines('archframe: 1', 'system: s', 'style: hexagonal', 'components:', '  engine: { kind: service, layer: core, dependsOn: [{ target: events, via: event, access: write }] }', 'channels:', '  events: { kind: topic }'),
      findings: [{ text: 'events', line: 5, message: /'events', a channel:/ }],
    },
  ],
});
