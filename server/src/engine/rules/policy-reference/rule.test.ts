import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const MANIFEST = lines('archframe: 1', 'system: shop', 'components:', '  web: { kind: frontend, owner: shop }');
const SHARED = lines('policies:', '  - { id: owned, severity: error, message: Owned., require: { of: { element: component }, fields: [owner] } }');

ruleTests('policy-reference', {
  valid: [
    {
      name: 'extends a file of policies, and rules: names one of them',
      files: { '.archframe.yaml': lines('extends: policies/shared.yaml', 'rules:', '  policy/owned: warning'), 'policies/shared.yaml': SHARED, 'architecture.yaml': MANIFEST },
    },
    {
      name: 'two files extend the same one (not a cycle)',
      files: { '.archframe.yaml': lines('extends: [a.yaml, b.yaml]'), 'a.yaml': lines('extends: shared.yaml'), 'b.yaml': lines('extends: shared.yaml'), 'shared.yaml': SHARED, 'architecture.yaml': MANIFEST },
    },
  ],
  invalid: [
    {
      name: 'rules: names a policy nobody declares; the fix takes the near one',
      files: { '.archframe.yaml': lines('extends: shared.yaml', 'rules:', '  policy/owend: warning'), 'shared.yaml': SHARED, 'architecture.yaml': MANIFEST },
      findings: [{ file: '.archframe.yaml', text: 'policy/owend', message: /^'policy\/owend' names no policy of this workspace\. Did you mean 'policy\/owned'\?$/ }],
    },
    {
      name: 'extends a file that does not exist',
      files: { '.archframe.yaml': lines('extends: policies/shard.yaml'), 'architecture.yaml': MANIFEST },
      findings: [{ file: '.archframe.yaml', text: 'policies/shard.yaml', message: /^'policies\/shard\.yaml' does not exist: its policies do not apply\.$/ }],
    },
    {
      name: 'extends a file outside the workspace folder',
      files: { '.archframe.yaml': lines('extends: ../elsewhere/policies.yaml'), 'architecture.yaml': MANIFEST },
      findings: [{ file: '.archframe.yaml', text: '../elsewhere/policies.yaml', message: /is outside the workspace folder/ }],
    },
    {
      name: 'a file that extends itself',
      files: { '.archframe.yaml': lines('extends: shared.yaml'), 'shared.yaml': lines('extends: ./shared.yaml') + SHARED, 'architecture.yaml': MANIFEST },
      findings: [{ file: 'shared.yaml', text: './shared.yaml', message: /^extends cycle: \.archframe\.yaml → shared\.yaml → shared\.yaml\./ }],
    },
    {
      name: 'an extended file that holds no policies',
      files: { '.archframe.yaml': lines('extends: shared.yaml'), 'shared.yaml': lines('policies: []'), 'architecture.yaml': MANIFEST },
      findings: [{ file: '.archframe.yaml', text: 'shared.yaml', message: /declares no policies/ }],
    },
  ],
});
