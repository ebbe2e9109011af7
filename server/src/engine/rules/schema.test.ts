import { lines } from '../../../../test/helpers/engine';
import { ruleTests } from '../../../../test/helpers/ruleTester';

/** The parsers' schema problems, through the RuleTester like any rule. */

const HEADER = ['archframe: 1', 'system: shop'];
const TOP_LEVEL = 'archframe, system, description, phase, style, layers, decisions, radar, teams, components, datastores, channels';

ruleTests('schema-unknown-key', {
  valid: [
    { name: 'every top-level key the format has', manifest: lines(...HEADER, 'phase: growth', 'teams: {}', 'components: {}', 'datastores: {}', 'channels: {}') },
  ],
  invalid: [
    {
      name: 'a misspelt section: the nearest key and every allowed one, element maps included',
      manifest: lines(...HEADER, 'componets:', '  api: { kind: service }'),
      findings: [{ text: 'componets', message: new RegExp(`^Unknown key 'componets' at the top level\\. Did you mean 'components'\\? Allowed: ${TOP_LEVEL}\\.$`) }],
      fixed: lines(...HEADER, 'components:', '  api: { kind: service }'),
    },
    {
      name: 'the fix replaces the key alone, in a flow map, keeping the value and the comment',
      manifest: lines(...HEADER, 'components:', '  api:', '    kind: service', '    dependsOn:', '      - { target: db, timout: 2s }  # the slow one', 'datastores:', '  db: {}'),
      findings: [{ text: 'timout', message: /Did you mean 'timeout'\?/ }],
      fixed: lines(...HEADER, 'components:', '  api:', '    kind: service', '    dependsOn:', '      - { target: db, timeout: 2s }  # the slow one', 'datastores:', '  db: {}'),
      fixTitle: /^Change to 'timeout'$/,
    },
    {
      name: 'no renaming fix when the meant key is there already (it would make a duplicate)',
      manifest: lines(...HEADER, 'components:', '  api:', '    kind: service', '    replicas: 2', '    replica: 3'),
      findings: [{ text: 'replica', message: /Did you mean 'replicas'\?/ }],
      noFix: true,
    },
    {
      name: 'a singular for a plural',
      manifest: lines(...HEADER, 'team:', '  payments: {}', 'datastore:', '  db: {}'),
      findings: [
        { text: 'team', message: /Did you mean 'teams'\?.* Allowed: .*teams, components, datastores, channels/ },
        { text: 'datastore', message: /Did you mean 'datastores'\?/ },
      ],
    },
    {
      name: 'one letter left out',
      manifest: lines(...HEADER, 'chanels:', '  events: { kind: topic }'),
      findings: [{ text: 'chanels', message: /Did you mean 'channels'\?/ }],
      fixed: lines(...HEADER, 'channels:', '  events: { kind: topic }'),
    },
    {
      name: 'another case',
      manifest: lines(...HEADER, 'Components:', '  api: { kind: service }'),
      findings: [{ text: 'Components', message: /Did you mean 'components'\?/ }],
    },
    {
      name: 'a nested key names its path and its own allowed keys',
      manifest: lines(...HEADER, 'components:', '  api:', '    kind: service', '    dependsOn:', '      - { target: db, timout: 2s }', '    technology: { langauge: go }', 'datastores:', '  db: { replication: { replica: 2 } }'),
      findings: [
        { text: 'timout', message: /^Unknown key 'timout' in components\.api\.dependsOn\[0\]\. Did you mean 'timeout'\? Allowed: target, via, access, .*, tls\.$/ },
        { text: 'langauge', message: /^Unknown key 'langauge' in components\.api\.technology\. Did you mean 'language'\? Allowed: language, framework, runtime\.$/ },
        { text: 'replica', message: /^Unknown key 'replica' in datastores\.db\.replication\. Did you mean 'replicas'\?/ },
      ],
    },
    {
      name: 'a key with no near miss names where it is and what is allowed',
      manifest: lines(...HEADER, 'components:', '  api:', '    kind: service', "    slack: '#api'"),
      findings: [{ text: 'slack', message: /^Unknown key 'slack' in components\.api\. Allowed: kind, layer, owner, .*, dependsOn\.$/ }],
    },
  ],
});

ruleTests('schema-enum', {
  valid: [{ name: 'a value the enum has', manifest: lines(...HEADER, 'components:', '  api: { kind: service, exposure: internal }') }],
  invalid: [
    {
      name: 'a near miss is the preferred fix, written over the value',
      manifest: lines(...HEADER, 'components:', '  api:', '    kind: "servce"', '    exposure: internal'),
      findings: [{ text: '"servce"', message: /^"servce" is not a valid 'kind'\. Did you mean 'service'\? Allowed: 'service', 'frontend'/ }],
      fixed: lines(...HEADER, 'components:', '  api:', '    kind: service', '    exposure: internal'),
      fixTitle: /^Change to 'service'$/,
    },
    {
      name: 'a value near nothing gets the list and no fix',
      manifest: lines(...HEADER, 'components:', '  api: { kind: service, exposure: everyone }'),
      findings: [{ text: 'everyone', message: /^"everyone" is not a valid 'exposure'\. Allowed: 'public', 'internal', 'private'\.$/ }],
      noFix: true,
    },
  ],
});
