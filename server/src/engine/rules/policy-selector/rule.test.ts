import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const MANIFEST = lines('archframe: 1', 'system: shop', 'components:', '  web: { kind: frontend, owner: shop, dependsOn: [db] }', 'datastores:', '  db: { engine: postgresql, owner: web }');
const config = (from: string, to: string) => lines('policies:', '  - id: no-db', '    severity: error', '    message: No.', '    forbid:', `      from: ${from}`, `      to: ${to}`);

ruleTests('policy-selector', {
  valid: [
    { name: 'both selectors match an element', files: { '.archframe.yaml': config('{ kind: frontend }', '{ element: datastore }'), 'architecture.yaml': MANIFEST } },
    { name: 'no manifest yet: nothing to warn about', files: { '.archframe.yaml': config('{ kind: gateway }', '{ element: channel }') } },
  ],
  invalid: [
    {
      name: 'a selector whose values match no element',
      files: { '.archframe.yaml': config('{ kind: gateway }', '{ engine: [postgresql, mysql] }'), 'architecture.yaml': MANIFEST },
      findings: [{ file: '.archframe.yaml', text: '{ kind: gateway }', message: /^The from selector of policy 'no-db' matches no element of the manifests: the policy checks nothing there\./, severity: 'warning' }],
    },
    {
      name: 'a field no element of the named kind has',
      files: { '.archframe.yaml': config('{ kind: frontend }', '{ element: datastore, kind: service }'), 'architecture.yaml': MANIFEST },
      findings: [{ file: '.archframe.yaml', text: '{ element: datastore, kind: service }', message: /^The to selector of policy 'no-db'/ }],
    },
    {
      name: 'in an extended file, reported there',
      files: { '.archframe.yaml': lines('extends: shared.yaml'), 'shared.yaml': config('{ name: "api-*" }', '{ element: datastore }'), 'architecture.yaml': MANIFEST },
      findings: [{ file: 'shared.yaml', text: '{ name: "api-*" }', message: /matches no element/ }],
    },
  ],
});
