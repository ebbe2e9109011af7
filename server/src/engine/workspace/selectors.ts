import picomatch from 'picomatch';
import { POLICY_SECTIONS, type PolicyElement, type Selector } from '../model/policies';
import type { ManifestElement } from '../parse/manifest';

/**
 * How a policy's selector matches an element: `element` names its section, `name` is a glob of its name, any
 * other key a dotted path to one of its fields; every key must hold, and a list holds when any of its values does.
 */

const globs = new Map<string, (name: string) => boolean>();

function globMatches(glob: string, name: string): boolean {
  let matcher = globs.get(glob);
  if (!matcher) {
    // Every half-typed glob of an editing session passes here once: keep the cache small.
    if (globs.size >= 500) globs.clear();
    globs.set(glob, (matcher = glob === '' ? () => false : picomatch(glob, { dot: true })));
  }
  return matcher(name);
}

const anyOf = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** The value of a dotted path of an element (`observability.traces`), undefined where it is not set. */
export function fieldValue(element: ManifestElement, path: string): unknown {
  let value: unknown = element.value;
  for (const segment of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

export function matchesSelector(element: ManifestElement, selector: Selector): boolean {
  if (element.section === 'teams' || !element.value) return false;
  for (const [key, expected] of Object.entries(selector)) {
    if (key === 'element') {
      if (!anyOf(expected).some((kind) => POLICY_SECTIONS[kind as PolicyElement] === element.section)) return false;
    } else if (key === 'name') {
      if (!anyOf(expected).some((glob) => globMatches(String(glob), element.name))) return false;
    } else {
      const actual = fieldValue(element, key);
      if (actual === undefined || actual === null || typeof actual === 'object') return false;
      if (!anyOf(expected).some((value) => String(value) === String(actual))) return false;
    }
  }
  return true;
}
