import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const system = (...components: string[]) => lines('archframe: 1', 'system: shop', 'components:', ...components);

ruleTests('stable-dependencies', {
  valid: [
    {
      name: 'everyone depends on a stable core',
      manifest: system('  web: { kind: frontend, dependsOn: [api] }', '  admin: { kind: frontend, dependsOn: [api] }', '  api: { kind: service, dependsOn: [core] }', '  core: { kind: library }'),
    },
    {
      name: 'datastores and channels do not count: I(api) = 0 with only a datastore below it',
      manifest: system('  web: { kind: frontend, dependsOn: [api] }', '  api: { kind: service, dependsOn: [{ target: db, timeout: 1s }, { target: jobs, via: queue, access: write }] }', 'datastores:', '  db: { owner: api }', 'channels:', '  jobs: { kind: queue }'),
    },
    {
      name: 'a difference of exactly 0.25 is tolerated',
      // I(a) = 2/4 = 0.5 (callers x, y; calls b, c); I(b) = 3/4 = 0.75 (caller a; calls d, e, f)
      manifest: system(
        '  x: { kind: service, dependsOn: [a] }',
        '  y: { kind: service, dependsOn: [a] }',
        '  a: { kind: service, dependsOn: [b, c] }',
        '  b: { kind: service, dependsOn: [d, e, f] }',
        '  c: { kind: library }',
        '  d: { kind: library }',
        '  e: { kind: library }',
        '  f: { kind: library }',
      ),
    },
  ],
  invalid: [
    {
      name: 'a widely used component depending on a volatile one',
      // I(core) = 1 / (3 + 1) = 0.25; I(pricing) = 3 / (1 + 3) = 0.75
      manifest: system(
        '  web: { kind: frontend, dependsOn: [core] }',
        '  admin: { kind: frontend, dependsOn: [core] }',
        '  batch: { kind: job, dependsOn: [core] }',
        '  core: { kind: library, dependsOn: [pricing] }',
        '  pricing: { kind: service, dependsOn: [rates, tax, fx] }',
        '  rates: { kind: service }',
        '  tax: { kind: service }',
        '  fx: { kind: service }',
      ),
      findings: [
        {
          text: 'pricing',
          line: 7,
          message: /^'core' \(I = 0\.25 = 1 \/ \(3 \+ 1\)\) depends on 'pricing' \(I = 0\.75 = 3 \/ \(1 \+ 3\)\), which is less stable than itself by more than 0\.25:/,
        },
      ],
    },
  ],
});
