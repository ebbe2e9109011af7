import type { ManifestDocument } from '../parse/manifest';
import type { DeclaredPolicy } from '../parse/policies';
import { elementsOf } from '../parse/policies';
import { dependencyAt, dependencyElement, ownEdges } from '../graph/dependencies';
import { POLICY_SECTIONS, type Selector } from '../model/policies';
import { fieldValue, matchesSelector } from '../workspace/selectors';
import { at, ownElements } from './kit';
import type { Report, Rule } from './types';

/**
 * A team's policy as a rule: built from its declaration, run like every other rule (per manifest, its reads
 * recorded, its findings reused), reported with the code `policy/<id>`, the policy's severity and message.
 */
export interface PolicyRule extends Rule<ManifestDocument> {
  declared: DeclaredPolicy;
  /** Equal keys, equal findings: the definition and where it is declared (its findings point there). */
  key: string;
}

export function policyRule(declared: DeclaredPolicy): PolicyRule {
  const { policy } = declared;
  const line = declared.lines.position(declared.idSpan[0]).line + 1;
  const declaredHere = { at: { uri: declared.uri, lines: declared.lines, span: declared.idSpan }, message: `policy ${policy.id} is declared here` };
  return {
    declared,
    key: `${declared.uri}#${declared.idSpan[0]}:${declared.key}`,
    meta: {
      id: declared.ruleId,
      category: 'policy',
      severity: policy.severity,
      summary: policy.message,
      reference: `Team policy, declared in ${declared.uri.slice(declared.uri.lastIndexOf('/') + 1)} line ${line}`,
      appliesTo: 'manifest',
    },
    check({ document, workspace, report }) {
      const found = (finding: Omit<Report, 'related'>) => report({ ...finding, related: [declaredHere] });
      if (policy.forbid) {
        const { from, to, via } = policy.forbid;
        const vias = via === undefined ? undefined : Array.isArray(via) ? via : [via];
        for (const edge of ownEdges(workspace, document)) {
          if (!edge.target || (vias && !vias.includes(edge.spec.via as never))) continue;
          if (!matchesSelector(edge.source, from as Selector) || !matchesSelector(edge.target, to as Selector)) continue;
          found({
            at: dependencyAt(edge),
            message: `${policy.message} ('${edge.source.name}' depends on ${edge.target.section.slice(0, -1)} '${edge.target.name}'${edge.spec.via ? ` via ${edge.spec.via}` : ''}.)`,
            element: dependencyElement(edge),
          });
        }
      }
      if (policy.require) {
        const { of, fields } = policy.require;
        for (const kind of elementsOf(of as Selector)) {
          for (const element of ownElements(workspace, document, POLICY_SECTIONS[kind])) {
            if (!matchesSelector(element, of as Selector)) continue;
            const missing = fields.filter((field) => fieldValue(element, field) === undefined);
            if (missing.length === 0) continue;
            found({
              at: at(element),
              message: `${policy.message} ('${element.name}' does not set ${missing.join(', ')}.)`,
              element: `${element.section}.${element.name}`,
            });
          }
        }
      }
    },
  };
}

/** The policy as its author wrote it (a list item), its indentation removed: for `archframe explain` and SARIF's help. */
export function definitionText(declared: DeclaredPolicy): string {
  const { lines, span } = declared;
  const start = lines.lineStart(lines.position(span[0]).line);
  const text = lines.text.slice(start, span[1]).replace(/\s+$/, '');
  const indent = text.length - text.trimStart().length;
  return text
    .split('\n')
    .map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length)))
    .join('\n');
}

/** Where a policy is declared, for people: `.archframe.yaml` line 4 (the file's name as its URI ends). */
export function declaredAt(declared: DeclaredPolicy, display: (uri: string) => string = (uri) => uri.slice(uri.lastIndexOf('/') + 1)): string {
  return `${display(declared.uri)}:${declared.lines.position(declared.idSpan[0]).line + 1}`;
}
