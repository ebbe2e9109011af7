
import type { AdrDocument } from '../../parse/adr';
import { closestMatch } from '../../text/strings';
import { resolveRelative, relativeLink } from '../../text/uri';
import type { WorkspaceSnapshot } from '../../workspace/snapshot';
import { defineRule } from '../types';
import { replaceEdit } from '../../fixes/markdownEdits';

/** Where a relative link points, or undefined when it reaches a file that exists (with or without `.md`, or a folder's README). */
function missingLinkTarget(workspace: WorkspaceSnapshot, adr: AdrDocument, destination: string): string | undefined {
  const path = destination.split(/[#?]/)[0];
  if (path === '') return undefined;
  const uri = path.startsWith('/') ? workspace.resolveWorkspacePath(adr.uri, path.replace(/^\/+/, '')) : resolveRelative(adr.uri, path);
  const candidates = [uri];
  if (!/\.[a-z0-9]{1,8}$/i.test(path)) candidates.push(`${uri.replace(/\/$/, '')}.md`, `${uri.replace(/\/$/, '')}/README.md`);
  if (candidates.some((c) => workspace.adrs.get(c) !== undefined || workspace.exists(c))) return undefined;
  return uri;
}

export const rule = defineRule<AdrDocument>({
  meta: {
    id: 'adr-links',
    category: 'adr',
    severity: 'error',
    summary: 'Every relative link of an ADR reaches a file that exists.',
    reference: 'Part XIV §1, Architecture Decision Records',
    appliesTo: 'adr',
    fixable: true,
  },
  check({ document: adr, workspace, report }) {
    // An untitled buffer (or a file of no folder) has nothing its relative links could be checked against.
    if (workspace.folderOf(adr.uri) === undefined) return;
    for (const link of adr.relativeLinks) {
      const target = missingLinkTarget(workspace, adr, link.destination);
      if (!target) continue;
      // Outside every workspace folder (another folder of a multi-root workspace is inside).
      if (workspace.folderOf(target) === undefined) {
        report({
          at: { uri: adr.uri, lines: adr.lines, span: link.destinationSpan },
          message: `'${link.destination}' points outside the workspace: archframe checks links within it only, and readers of the repository will not find the file.`,
          element: `link.${link.destination}`,
        });
        continue;
      }
      // A renamed ADR: offer the ADR of the collection whose file name is closest.
      const siblings = workspace.adrs.collection(adr.uri).filter((a) => a !== adr);
      const name = decodeURIComponent(target.slice(target.lastIndexOf('/') + 1)).replace(/\.(md|markdown)$/i, '');
      const number = /^(?:adr[-_]?)?0*(\d+)[-_]/i.exec(name)?.[1];
      const byNumber = number !== undefined ? siblings.find((a) => a.number === Number(number)) : undefined;
      const closest = byNumber ?? siblings.find((a) => a.stem === closestMatch(name, siblings.map((s) => s.stem)));
      const fragment = link.destination.includes('#') ? link.destination.slice(link.destination.indexOf('#')) : '';
      report({
        at: { uri: adr.uri, lines: adr.lines, span: link.destinationSpan },
        message: /^www\./i.test(link.destination)
          ? `'${link.destination}' is read as a file path, and there is no such file: a web address needs 'https://'.`
          : `'${link.destination}' does not exist${closest ? `: did you mean ${closest.fileName}?` : '.'}`,
        fixes: /^www\./i.test(link.destination) ? [{ title: `Link to https://${link.destination}`, edits: [replaceEdit(adr, link.destinationSpan, `https://${link.destination}`)], isPreferred: true }] : closest ? [{ title: `Link to ${closest.fileName}`, edits: [replaceEdit(adr, link.destinationSpan, relativeLink(adr.uri, closest.uri) + fragment)], isPreferred: true }] : [],
        element: `link.${link.destination}`,
      });
    }
  },
});
