import type { ConfigDocument } from '../../parse/config';
import type { PolicyFileDocument } from '../../parse/policies';
import { defineRule } from '../types';

export const rule = defineRule<ConfigDocument | PolicyFileDocument>({
  meta: {
    id: 'policy-reference',
    category: 'policy',
    severity: 'error',
    summary: '`extends:` names readable policy files of the workspace without a cycle; a policy id is declared once; `rules:` names declared policies.',
    reference: 'archframe team policies (docs/policies.md)',
    appliesTo: ['config', 'policies'],
    fixable: true,
  },
  check({ document, workspace, report }) {
    for (const problem of workspace.policies(document.uri).problems) {
      if (problem.uri !== document.uri) continue;
      const at = { uri: problem.uri, lines: problem.lines, span: problem.span };
      const fixes = problem.suggestion
        ? [{ title: `Change to '${problem.suggestion}'`, isPreferred: true, edits: [{ uri: problem.uri, range: problem.lines.range(problem.span), newText: problem.suggestion }] }]
        : undefined;
      report({ at, message: problem.message, fixes, element: `policies.${document.lines.position(problem.span[0]).line + 1}` });
    }
  },
});
