import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const manifest = (...decisions: string[]) => lines('archframe: 1', 'system: shop', 'components:', '  api:', '    kind: service', `    decisions: [${decisions.join(', ')}]`);
const adr = (n: number, title: string, status: string) => lines(`# ${n}. ${title}`, '', 'Date: 2024-01-05', '', '## Status', '', status, '', '## Context', '', 'x', '', '## Decision', '', 'y', '', '## Consequences', '', 'z');
const adrs = {
  'docs/adr/0007-use-kafka.md': adr(7, 'Use Kafka', 'Superseded by [8. Use NATS](0008-use-nats.md)'),
  'docs/adr/0008-use-nats.md': adr(8, 'Use NATS', 'Accepted\n\nSupersedes [7. Use Kafka](0007-use-kafka.md)'),
  'docs/adr/0009-use-soap.md': adr(9, 'Use SOAP', 'Rejected'),
};

ruleTests('decision-status', {
  valid: [
    { name: 'accepted ADRs by number and by workspace-relative path', files: { 'architecture.yaml': manifest('ADR-0008', '8', 'docs/adr/0008-use-nats.md'), ...adrs } },
    {
      name: 'a manifest in a subfolder refers to an ADR by workspace-relative path',
      files: { 'services/shop.arch.yaml': manifest('docs/adr/0008-use-nats.md'), ...adrs },
    },
  ],
  invalid: [
    {
      name: 'a superseded ADR names its successor',
      files: { 'architecture.yaml': manifest('ADR-7'), ...adrs },
      findings: [{ text: 'ADR-7', severity: 'warning', message: /ADR-0007 \(Use Kafka\) is superseded by ADR-0008 \(Use NATS\)/ }],
    },
    { name: 'a rejected ADR', files: { 'architecture.yaml': manifest('ADR-0009'), ...adrs }, findings: [{ text: 'ADR-0009', message: /rejected/ }] },
    {
      name: 'references that resolve to nothing are errors',
      files: { 'architecture.yaml': lines('archframe: 1', 'system: shop', 'decisions: [ADR-42]', 'datastores:', '  db:', '    decisions:', '      - docs/adr/0001-missing.md'), ...adrs },
      findings: [
        { text: 'ADR-42', severity: 'error', message: /resolves to no ADR/ },
        { text: 'docs/adr/0001-missing.md', message: /'docs\/adr\/0001-missing\.md' resolves to no ADR in the workspace/, severity: 'error' },
      ],
    },
  ],
});
