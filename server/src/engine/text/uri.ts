import { URI, Utils } from 'vscode-uri';

/** URI helpers on strings, so the engine never touches the file system. */

export function joinUri(base: string, ...segments: string[]): string {
  return Utils.joinPath(URI.parse(base), ...segments.map(wellFormed)).toString();
}

/** Resolves a relative reference (a Markdown link, a manifest path) against a document's folder. */
export function resolveRelative(fromDocument: string, reference: string): string {
  const [pathPart] = reference.split('#');
  return Utils.resolvePath(Utils.dirname(URI.parse(fromDocument)), wellFormed(decodeSafe(pathPart))).toString();
}

/** The path of a URI below a folder URI, with '/' separators, or undefined when it is outside. */
export function relativePath(folder: string, uri: string): string | undefined {
  const base = URI.parse(folder).path.replace(/\/+$/, '');
  const target = URI.parse(uri);
  if (URI.parse(folder).scheme !== target.scheme) return undefined;
  if (target.path === base) return '';
  return target.path.startsWith(base + '/') ? target.path.slice(base.length + 1) : undefined;
}

export function isInside(folder: string, uri: string): boolean {
  return relativePath(folder, uri) !== undefined;
}

export function fsPathOf(uri: string): string {
  return URI.parse(uri).fsPath;
}

export function fileUri(fsPath: string): string {
  return URI.file(fsPath).toString();
}

/** Lone surrogates (a half-typed emoji) replaced by U+FFFD: URI encoding throws on them. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A relative link from one document to another (`0003-x.md`, `../other/0003-x.md`). */
export function relativeLink(fromUri: string, toUri: string): string {
  const from = fromUri.split('/').slice(0, -1);
  const to = toUri.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const ups = from.length - common;
  return [...Array<string>(ups).fill('..'), ...to.slice(common)].join('/');
}
