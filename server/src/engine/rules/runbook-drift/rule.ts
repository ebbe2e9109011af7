import { runbookComponent } from '../../workspace/runbooks';
import type { DependencyEdge } from '../../workspace/manifestModel';
import type { RunbookDependency, RunbookDocument } from '../../parse/operations';
import { dependencyText } from '../../templates/operations';
import { kebabCase } from '../../text/strings';
import type { WorkspaceSnapshot } from '../../workspace/snapshot';
import { at } from '../kit';
import { defineRule } from '../types';
import { contentEnd, insertAt } from '../../fixes/markdownEdits';

const MANIFEST_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The manifest element a Dependencies item names: its lead name, else the
 * first of its words that is a declared dependency, else one that is some
 * other element of the manifest. `unknown` when it leads with a name in the
 * manifest's own style that the manifest does not have.
 */
function resolveItem(workspace: WorkspaceSnapshot, declared: ReadonlySet<string>, item: RunbookDependency): { name: string; known: boolean } | undefined {
  const lead = kebabCase(item.name.text);
  if (workspace.manifests.element(lead)) return { name: lead, known: true };
  const words = item.words.map((w) => w.text.toLowerCase());
  const dependency = words.find((w) => declared.has(w));
  if (dependency) return { name: dependency, known: true };
  const other = words.find((w) => workspace.manifests.element(w));
  if (other) return { name: other, known: true };
  return MANIFEST_NAME.test(item.name.text) ? { name: item.name.text, known: false } : undefined;
}

export const rule = defineRule<RunbookDocument>({
  meta: {
    id: 'runbook-drift',
    category: 'runbook',
    severity: 'info',
    summary: 'A runbook\'s Dependencies list what the manifest declares for its component: nothing left out, nothing extra.',
    reference: 'Part XXIV §3, Runbook Structure',
    appliesTo: 'runbook',
    knowledge: ['runbook'],
    fixable: true,
  },
  check({ document, workspace, report }) {
    const component = runbookComponent(workspace, document);
    const section = document.sections.Dependencies;
    if (!component || !section) return;
    const edges = workspace.manifests.dependenciesOf(component.name);
    const declared = new Set(edges.map((e) => e.spec.target));
    const listed = new Set<string>();
    const place = (span: readonly [number, number]) => ({ uri: document.uri, lines: document.lines, span });
    for (const item of document.dependencies) {
      const resolved = resolveItem(workspace, declared, item);
      if (!resolved) continue;
      listed.add(resolved.name);
      if (declared.has(resolved.name)) continue;
      const lineStart = document.lines.offset({ line: document.lines.position(item.item.span[0]).line, character: 0 });
      const lineEnd = document.lines.offset({ line: document.lines.position(item.item.span[1]).line + 1, character: 0 });
      report({
        at: place(item.name.span),
        message: resolved.known
          ? `The runbook lists '${resolved.name}' as a dependency of ${component.name}, but the manifest's dependsOn does not have it: one of the two has drifted.`
          : `The runbook lists '${resolved.name}' as a dependency of ${component.name}, but the workspace's manifests have no element of that name.`,
        related: [{ at: at(component, ['dependsOn']), message: `${component.name}'s dependsOn` }],
        fixes: [{ title: `Remove '${resolved.name}' from Dependencies`, edits: [{ uri: document.uri, range: document.lines.range([lineStart, Math.min(lineEnd, document.text.length)]), newText: '' }] }],
        element: `dependencies.${resolved.name}`,
      });
    }
    const missing = edges.filter((e) => !listed.has(e.spec.target));
    missing.forEach((edge: DependencyEdge) => {
      const last = document.dependencies[document.dependencies.length - 1];
      const insert = last ? insertAt(document, contentEnd(document.text, last.item.span), `\n- ${dependencyText(edge.spec)}`) : insertAt(document, contentEnd(document.text, section.span), `\n\n- ${dependencyText(edge.spec)}`);
      report({
        at: place(section.heading.textSpan),
        message: `Dependencies leaves out '${edge.spec.target}', which ${component.name} depends on in the manifest (${dependencyText(edge.spec)}).`,
        related: [{ at: at(component, ['dependsOn', edge.index]), message: `${component.name} depends on ${edge.spec.target}` }],
        fixes: [{ title: `Add '${edge.spec.target}' to Dependencies`, edits: [insert], isPreferred: true }],
        element: `dependencies.${edge.spec.target}`,
      });
    });
  },
});
