
import type { RunbookDocument, RunbookIssue } from '../../parse/operations';
import { issuePartSnippet, runbookSectionSnippet, type RunbookFill } from '../../templates/operations';
import { defineRule } from '../types';
import { runbookFill } from '../../templates/runbookFill';
import { ISSUE_PARTS, RUNBOOK_SECTIONS, type IssuePart } from '../../model/operations';
import { contentEnd, insertAt, insertSection, templateText } from '../../fixes/markdownEdits';
import { runbookComponent } from '../../workspace/runbooks';

/** Where a missing part of an issue goes: before the next part that is there, else at the end of the issue. */
function insertPart(document: RunbookDocument, issue: RunbookIssue, part: IssuePart) {
  const text = templateText((b) => issuePartSnippet(b, part));
  const later = ISSUE_PARTS.slice(ISSUE_PARTS.indexOf(part) + 1).map((p) => issue.parts[p]).find(Boolean);
  if (later) return insertAt(document, later[0], `${text}\n\n`);
  return insertAt(document, contentEnd(document.text, issue.section.span), `\n\n${text}`);
}

export const rule = defineRule<RunbookDocument>({
  meta: {
    id: 'runbook-sections',
    category: 'runbook',
    severity: 'warning',
    summary: 'A runbook has Overview, Dependencies and Common Issues, and every issue its Symptoms, Diagnosis and Resolution.',
    reference: 'Part XXIV §3, Runbook Structure',
    appliesTo: 'runbook',
    knowledge: ['runbook'],
    fixable: true,
  },
  check({ document, workspace, report }) {
    const titleSpan = document.title?.textSpan ?? ([0, 0] as const);
    let fill: RunbookFill | undefined;
    for (const section of RUNBOOK_SECTIONS) {
      if (document.sections[section]) continue;
      // Filled from the manifest when the runbook is about a known component, as New Runbook fills it.
      const component = runbookComponent(workspace, document);
      fill ??= component?.value ? runbookFill(workspace, component) : {};
      const body = templateText((b) => runbookSectionSnippet(b, section, fill));
      report({
        at: { uri: document.uri, lines: document.lines, span: titleSpan },
        message: `This runbook has no '${section}' section; a runbook gives ${section === 'Overview' ? 'an overview of the service' : section === 'Dependencies' ? 'the service\'s dependencies' : 'its common issues, each with symptoms, diagnosis and resolution'} (Part XXIV §3).`,
        fixes: [{ title: `Add a '${section}' section`, edits: [insertSection(document, RUNBOOK_SECTIONS, document.sections, section, body)], isPreferred: true }],
        element: `sections.${section}`,
      });
    }
    for (const issue of document.issues) {
      const missing = ISSUE_PARTS.filter((part) => !issue.parts[part]);
      for (const part of missing) {
        report({
          at: { uri: document.uri, lines: document.lines, span: issue.heading.textSpan },
          message: `Issue '${issue.name}' has no ${part}: whoever is paged needs its symptoms, how to diagnose it and how to resolve it.`,
          fixes: [{ title: `Add ${part} to '${issue.name}'`, edits: [insertPart(document, issue, part)], isPreferred: true }],
          element: `issues.${issue.name}.${part}`,
        });
      }
    }
  },
});
