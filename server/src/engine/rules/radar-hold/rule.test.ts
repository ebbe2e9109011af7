import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const head = ['archframe: 1', 'system: shop'];

ruleTests('radar-hold', {
  valid: [
    { name: 'mongodb for eventual, non-transactional data', manifest: lines(...head, 'datastores:', '  catalog: { engine: MongoDB, consistency: eventual }') },
    { name: 'the manifest adopts docker swarm', manifest: lines(...head, 'radar: { adopt: [docker swarm] }', 'components:', '  api:', '    kind: service', '    technology: { runtime: Docker Swarm }') },
    { name: 'a word containing a held name', manifest: lines(...head, 'radar: { hold: [go] }', 'components:', '  api:', '    kind: service', '    technology: { language: typescript, framework: django, runtime: cargo }') },
  ],
  invalid: [
    {
      name: 'the default radar',
      manifest: lines(...head, 'components:', '  api:', '    kind: service', '    technology: { runtime: docker-swarm }', 'datastores:', '  orders: { engine: mongodb, transactions: true }'),
      findings: [{ text: 'docker-swarm', message: /Appendix A, Infrastructure/ }, { text: 'mongodb', message: /ACID workloads/ }],
    },
    {
      name: 'the manifest holds a technology of its own',
      manifest: lines(...head, 'radar:', '  hold: [CoffeeScript, RabbitMQ]', 'components:', '  web:', '    kind: frontend', '    technology: { language: coffeescript }', 'channels:', '  jobs: { kind: queue, technology: RabbitMQ 3.12 }'),
      findings: [{ text: 'coffeescript', message: /manifest's radar holds it/ }, { text: 'RabbitMQ 3.12', message: /'jobs' uses RabbitMQ 3\.12, in the hold ring: the manifest's radar holds it/ }],
    },
  ],
});
