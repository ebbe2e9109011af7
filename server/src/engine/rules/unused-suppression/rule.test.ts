import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const head = ['archframe: 1', 'system: shop', 'datastores:'];
const store = '  db: { engine: postgresql, backup: { copies: 3, media: 2, offsite: 1 } }';

ruleTests('unused-suppression', {
  valid: [
    { name: 'a suppression that silences its finding', manifest: lines(...head, '  # archframe-disable-next-line recovery-objectives -- a cache we rebuild', store) },
    { name: 'a file-level suppression that silences something', manifest: lines('# archframe-disable recovery-objectives -- prototype', ...head, store) },
  ],
  invalid: [
    {
      name: 'nothing to silence on the next line',
      manifest: lines(...head, '  # archframe-disable-next-line backup-3-2-1 -- replicated elsewhere', store),
      findings: [{ text: 'backup-3-2-1', severity: 'info', message: /Nothing to silence: 'backup-3-2-1' reports nothing on line 5/ }],
    },
    {
      name: 'a misspelt rule id gets a suggestion, the right one is used',
      manifest: lines(...head, '  # archframe-disable-next-line recovery-objectivs, recovery-objectives -- rebuilt nightly', store),
      findings: [{ text: 'recovery-objectivs', message: /not a rule id \(did you mean 'recovery-objectives'\?\)/ }],
    },
    {
      name: 'a file-level directive below the first key',
      manifest: lines(...head, '  # archframe-disable recovery-objectives -- prototype', store),
      findings: [{ text: '# archframe-disable recovery-objectives -- prototype', message: /only at its top/ }],
    },
    {
      name: 'a required reason that is missing',
      files: { 'architecture.yaml': lines(...head, '  # archframe-disable-next-line recovery-objectives', store), '.archframe.yaml': lines('suppressions: { requireReason: true }') },
      findings: [{ text: '# archframe-disable-next-line recovery-objectives', severity: 'warning', message: /requires one/ }],
    },
  ],
});
