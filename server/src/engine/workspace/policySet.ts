import { POLICY_PREFIX } from '../model/policies';
import type { ConfigDocument } from '../parse/config';
import type { DeclaredPolicy, PolicyFileDocument, PolicySource } from '../parse/policies';
import type { LineIndex } from '../text/lineIndex';
import { closestMatch } from '../text/strings';
import type { Span } from '../text/types';
import { relativePath, resolveRelative } from '../text/uri';

/** A problem of the policies as a whole: an `extends:` entry that cannot be followed, an id declared twice. */
export interface PolicyProblem {
  uri: string;
  lines: LineIndex;
  span: Span;
  message: string;
  suggestion?: string;
}

/** The policies in force in a workspace folder: `.archframe.yaml`'s, then those of the files it extends. */
export interface PolicySet {
  policies: readonly DeclaredPolicy[];
  problems: readonly PolicyProblem[];
  /** The workspace-relative paths `extends:` reaches, directly or not, whether or not they could be read. */
  files: readonly string[];
}

/** How deep a chain of `extends:` is followed; real ones are two or three files deep. */
const MAX_EXTENDS_DEPTH = 32;

export const NO_POLICIES: PolicySet = Object.freeze({ policies: [], problems: [], files: [] });

/** What the resolver asks the engine about a file `extends:` names. */
export type PolicyFileLookup = (uri: string) => { document: PolicyFileDocument } | { missing: string };

type Source = PolicySource & { uri: string; lines: LineIndex };

/**
 * Follows `extends:` from the configuration, depth first in the order written (a file reached twice is read
 * once; a file that extends one of the files that led to it is a cycle, refused on the entry that closes it).
 * The configuration's own policies come first; an id declared again is left out where it is declared again.
 */
export function resolvePolicies(folder: string, config: ConfigDocument, lookup: PolicyFileLookup): PolicySet {
  const policies: DeclaredPolicy[] = [];
  const problems: PolicyProblem[] = [];
  const files: string[] = [];
  const seen = new Set<string>([config.uri]);
  const byId = new Map<string, DeclaredPolicy>();
  const name = (uri: string) => relativePath(folder, uri) ?? uri;
  const take = (source: Source) => {
    for (const declared of source.policies) {
      const first = byId.get(declared.policy.id);
      if (first) {
        const line = first.lines.position(first.idSpan[0]).line + 1;
        problems.push({ uri: declared.uri, lines: declared.lines, span: declared.idSpan, message: `Policy '${declared.policy.id}' is already declared in ${name(first.uri)}:${line}; this one is left out. Give it another id.` });
      } else {
        byId.set(declared.policy.id, declared);
        policies.push(declared);
      }
    }
  };
  const visit = (source: Source, chain: string[]) => {
    take(source);
    for (const entry of source.extends) {
      const uri = resolveRelative(source.uri, entry.path);
      const path = relativePath(folder, uri);
      const report = (message: string) => problems.push({ uri: source.uri, lines: source.lines, span: entry.span, message });
      if (path === undefined) {
        report(`'${entry.path}' is outside the workspace folder: extends names files of this workspace (copy the shared file in, or add it as a submodule).`);
        continue;
      }
      if (chain.length > MAX_EXTENDS_DEPTH) {
        report(`extends goes more than ${MAX_EXTENDS_DEPTH} files deep here: '${entry.path}' is not followed.`);
        continue;
      }
      if (chain.includes(uri)) {
        report(`extends cycle: ${[...chain, uri].map(name).join(' → ')}. A file cannot extend a file that extends it; remove one of these entries.`);
        continue;
      }
      if (!files.includes(path)) files.push(path);
      if (seen.has(uri)) continue;
      seen.add(uri);
      const found = lookup(uri);
      if ('missing' in found) {
        report(`'${entry.path}' ${found.missing}: its policies do not apply.`);
        continue;
      }
      const { document } = found;
      const errors = document.problems.length;
      if (errors > 0) {
        const first = document.problems[0];
        const line = document.lines.position(first.span[0]).line + 1;
        report(`'${entry.path}' has ${errors === 1 ? 'a problem' : `${errors} problems`} (line ${line}: ${first.message}); only its valid policies apply.`);
      } else if (document.policies.length === 0 && document.extends.length === 0) {
        report(`'${entry.path}' declares no policies: a file extends names holds policies: (a list).`);
      }
      visit(document, [...chain, uri]);
    }
  };
  visit(config, [config.uri]);
  for (const key of config.policyRuleKeys) {
    const id = key.id.slice(POLICY_PREFIX.length);
    if (byId.has(id)) continue;
    const guess = closestMatch(id, [...byId.keys()]);
    problems.push({
      uri: config.uri,
      lines: config.lines,
      span: key.span,
      message: `'${key.id}' names no policy of this workspace.${guess ? ` Did you mean '${POLICY_PREFIX}${guess}'?` : ''}`,
      suggestion: guess && POLICY_PREFIX + guess,
    });
  }
  return { policies, problems, files };
}
