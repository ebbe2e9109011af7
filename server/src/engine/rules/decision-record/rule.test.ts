import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const head = ['archframe: 1', 'system: shop'];

ruleTests('decision-record', {
  valid: [
    {
      name: 'every hard choice names its ADR',
      manifest: lines(...head, 'style: layered', 'decisions: [ADR-1]', 'components:', '  api:', '    kind: service', '    technology: { language: go, framework: gin }', '    decisions: [ADR-2]', 'datastores:', '  db: { engine: postgresql, decisions: [ADR-3] }', 'channels:', '  events: { kind: topic, technology: nats, decisions: [3] }'),
    },
    { name: 'a runtime alone is not a hard-to-reverse choice', manifest: lines(...head, 'components:', '  api:', '    kind: service', '    technology: { runtime: node }') },
  ],
  invalid: [
    {
      name: 'style, language and engine without ADRs',
      manifest: lines(...head, 'style: hexagonal', 'components:', '  api:', '    kind: service', '    technology: { language: go, framework: gin }', 'datastores:', '  db: { engine: postgresql }', 'channels:', '  events: { kind: topic, technology: kafka }'),
      findings: [
        { text: 'hexagonal', message: /style 'hexagonal' is a hard-to-reverse choice.*top-level `decisions`/ },
        { text: 'go', message: /uses language go and framework gin/ },
        { text: 'postgresql', message: /The engine postgresql of 'db' is a hard-to-reverse choice with no decision record/ },
        { text: 'kafka', message: /The technology kafka of 'events' is a hard-to-reverse choice/ },
      ],
    },
    {
      name: 'top-level decisions do not cover a component',
      manifest: lines(...head, 'decisions: [ADR-1]', 'components:', '  api:', '    kind: service', '    technology:', '      framework: spring'),
      findings: [{ text: 'spring', message: /'api' uses framework spring, which is a hard-to-reverse choice/ }],
    },
  ],
});
