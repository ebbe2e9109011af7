
import type { Fix } from '../../model/findings';
import { STATUS_WORDS, type AdrDocument } from '../../parse/adr';
import { closestMatch } from '../../text/strings';
import { defineRule } from '../types';
import { addStatusWordFix } from '../../fixes/configEdits';
import { CONFIG_NAME } from '../../workspace/classify';
import type { WorkspaceSnapshot } from '../../workspace/snapshot';
import { insertEdit, insertStatusEdit, replaceEdit } from '../../fixes/markdownEdits';

const VOCABULARY = STATUS_WORDS.join(', ');

export const rule = defineRule<AdrDocument>({
  meta: {
    id: 'adr-status',
    category: 'adr',
    severity: 'error',
    summary: 'An ADR states its status with a word of the vocabulary (proposed, accepted, rejected, deprecated, superseded, draft, amended, or a synonym).',
    reference: 'Part XIV §1, Architecture Decision Records',
    appliesTo: 'adr',
    knowledge: ['adr'],
    fixable: true,
  },
  check({ document: adr, workspace, config, report }) {
    const place = (span: readonly [number, number]) => ({ uri: adr.uri, lines: adr.lines, span });
    if (adr.statusSpan && adr.status !== undefined) {
      // Only a word outside the standard vocabulary asks what the project, its template and its collection say.
      const extra = adr.statusKnown ? [] : [...(config.adr?.statuses ?? []).map((w) => w.toLowerCase()), ...(workspace.adrs.template(adr.uri)?.templateStatuses ?? [])];
      if (!adr.statusKnown && !extra.includes(adr.status)) {
        const suggestion = closestMatch(adr.status, [...STATUS_WORDS, ...extra]);
        const users = workspace.adrs.collectionShapes(adr.uri).filter((shape) => shape.customStatus === adr.status).length;
        const addWord = configFix(workspace, adr.uri, adr.status);
        // A word several ADRs of the collection use is the team's own (a copied typo is one letter off: it takes three).
        if (users >= (suggestion ? 3 : 2)) {
          report({
            at: place(adr.statusSpan),
            severity: 'info',
            message: `'${adr.statusWord}' is not a standard status, but ${users} ADRs of this collection use it: the team's own word. Add it to \`adr.statuses\` in .archframe.yaml to say so (the standard ones: ${VOCABULARY}).`,
            fixes: addWord ? [{ ...addWord, isPreferred: true }] : [],
            element: 'status.team',
          });
          return;
        }
        const fixes: Fix[] = suggestion ? [{ title: `Change to '${capitalise(suggestion, adr.statusWord)}'`, edits: [replaceEdit(adr, adr.statusSpan, capitalise(suggestion, adr.statusWord))], isPreferred: true }] : [];
        if (addWord) fixes.push(addWord);
        report({
          at: place(adr.statusSpan),
          message: `'${adr.statusWord}' is not a status${suggestion ? `: did you mean '${suggestion}'?` : '.'} Use one of ${VOCABULARY} (or add the word to \`adr.statuses\` in .archframe.yaml).`,
          fixes,
          element: 'status',
        });
      } else if (/^supercede/i.test(adr.statusWord ?? '')) {
        report({
          at: place(adr.statusSpan),
          severity: 'hint',
          message: `'${adr.statusWord}' is adr-tools' spelling; the standard one is '${adr.statusWord!.replace(/erce/i, (m) => (m[0] === 'E' ? 'ERSE' : 'erse'))}'. Both are read.`,
          fixes: [{ title: 'Use the standard spelling', edits: [replaceEdit(adr, adr.statusSpan, adr.statusWord!.replace(/erce/, 'erse').replace(/ERCE/, 'ERSE'))] }],
          element: 'status.spelling',
        });
      }
      return;
    }
    if (adr.statusEmptySpan) {
      report({ at: place(adr.statusEmptySpan), message: `The status is empty: write one of ${VOCABULARY}.`, element: 'status' });
      return;
    }
    // A file of an ADR folder that matches no format is checked only where it writes a status.
    if (adr.format === 'unknown' && !config.adr?.format) return;
    const omitted = workspace.adrs.collectionOmitsStatus(adr.uri);
    const fix: Fix =
      adr.frontMatter && adr.frontMatter.data
        ? { title: "Add 'status: proposed' to the front matter", edits: [insertEdit(adr, adr.frontMatter.bodySpan[0], `status: proposed${adr.text.includes('\r\n') ? '\r\n' : '\n'}`)] }
        : { title: 'Add a Status section (Proposed)', edits: [insertStatusEdit(adr, 'Proposed')] };
    report({
      at: place(adr.heading?.span ?? adr.titleSpan ?? [0, 0]),
      severity: omitted ? 'info' : 'warning',
      message: omitted
        ? 'No status. Most ADRs of this folder do without one; a status tells readers whether the decision is still in force.'
        : 'No status: say whether this decision is proposed, accepted, deprecated or superseded (a Status section, a `Status:` line, or front matter `status:`).',
      fixes: [fix],
      element: 'status',
    });
  },
});

/** The fix adding a word to `adr.statuses` in the `.archframe.yaml` of the ADR's workspace folder (created if missing). */
function configFix(workspace: WorkspaceSnapshot, uri: string, word: string): Fix | undefined {
  const folder = workspace.folderOf(uri);
  if (folder === undefined) return undefined;
  const configUri = `${folder}/${CONFIG_NAME}`;
  const config = workspace.document(configUri);
  if (config?.kind === 'config') return addStatusWordFix(configUri, config.text, word);
  // A configuration the engine refused (too large, binary) is not edited.
  return workspace.exists(configUri) ? undefined : addStatusWordFix(configUri, undefined, word);
}

function capitalise(word: string, like: string | undefined): string {
  if (!like) return word;
  if (like === like.toUpperCase()) return word.toUpperCase();
  if (like[0] === like[0].toUpperCase()) return word[0].toUpperCase() + word.slice(1);
  return word;
}
