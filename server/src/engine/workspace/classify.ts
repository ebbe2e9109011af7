import { DEFAULT_FOLDERS, type Config } from '../model/config';
import { hasAdrShape, isAdrAuxiliaryName } from '../parse/adr';
import { isTemplateName } from '../parse/adrPlaceholders';
import { mentionsBackstage } from '../catalog/entities';

/** Every kind of document the engine reads. */
export const DOCUMENT_KINDS = ['manifest', 'config', 'adr', 'runbook', 'postmortem', 'catalog', 'source', 'adr-index', 'policies'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const MANIFEST_NAME = /(^|\/)(architecture\.ya?ml|[^/]+\.arch\.ya?ml)$/;
export const CONFIG_NAME = '.archframe.yaml';

export function isManifestPath(path: string): boolean {
  return MANIFEST_NAME.test(path);
}

function folderList(value: string | readonly string[] | undefined, defaults: readonly string[]): string[] {
  if (value === undefined) return [...defaults];
  return (typeof value === 'string' ? [value] : [...value]).map((f) => f.replace(/^\.\/|\/+$/g, ''));
}

export interface Folders {
  adr: string[];
  runbooks: string[];
  postmortems: string[];
  /** `.archframe.yaml` `sources:`: files and folders the manifest is compared with (drift). */
  sources: string[];
  /** The files `extends:` reaches from `.archframe.yaml` (workspace-relative): shared policies. */
  policies: readonly string[];
}

/** The folders that hold each kind of document, from the configuration, `.adr-dir`, then the defaults. */
export function documentFolders(config: Config, adrDir?: string, policies: readonly string[] = []): Folders {
  const adr = config.folders?.adr !== undefined ? folderList(config.folders.adr, []) : adrDir ? [adrDir.trim().replace(/^\.\/|\/+$/g, '')] : [...DEFAULT_FOLDERS.adr];
  return {
    adr,
    runbooks: folderList(config.folders?.runbooks, DEFAULT_FOLDERS.runbooks),
    postmortems: folderList(config.folders?.postmortems, DEFAULT_FOLDERS.postmortems),
    sources: folderList(config.sources, []),
    policies,
  };
}

/** Is a workspace-relative path one of the `sources:` (a file named, or a file under a folder named)? */
export function isSourcePath(path: string, sources: string | readonly string[] | undefined): boolean {
  if (sources === undefined) return false;
  return folderList(sources, []).some((source) => source === '' || source === '.' || path === source || path.startsWith(source + '/'));
}

function under(path: string, folders: readonly string[]): boolean {
  return folders.some((folder) => folder === '' || path.startsWith(folder + '/') || path.includes('/' + folder + '/'));
}

const INDEX_MARKER_LINE = /^[ \t]*<!--[ \t]*archframe:adr-index:/m;

const FRONT_MATTER_TYPE = /^---\r?\n(?:[^\n]*\n)*?type:\s*['"]?(adr|runbook|postmortem)['"]?\s*\r?\n/i;

/**
 * What a workspace file is, from its workspace-relative path and (for Markdown)
 * its first lines. Undefined for files archframe does not analyse.
 */
export function classify(path: string, text: string | undefined, folders: Folders): DocumentKind | undefined {
  if (path === CONFIG_NAME) return 'config';
  if (isManifestPath(path)) return 'manifest';
  // Any other YAML file is a Backstage catalog when a document of it says so: hosts read it to know (text undefined).
  if (/\.ya?ml$/i.test(path)) {
    if (folders.policies.includes(path)) return 'policies';
    if (text === undefined || mentionsBackstage(text)) return 'catalog';
    return isSourcePath(path, folders.sources) ? 'source' : undefined;
  }
  if (!/\.(md|markdown)$/i.test(path)) return undefined;
  // A README (or index) holding the index markers that `archframe adr index` writes between.
  if (text !== undefined && /^(?:readme|index)\.(?:md|markdown)$/i.test(path.slice(path.lastIndexOf('/') + 1)) && INDEX_MARKER_LINE.test(text)) return 'adr-index';
  const head = text?.slice(0, 2048) ?? '';
  const declared = FRONT_MATTER_TYPE.exec(head)?.[1]?.toLowerCase();
  if (declared) return declared as DocumentKind;
  if (under(path, folders.adr)) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    // A template is read (its collection learns from it), and parsed as one: no rule checks it.
    if (isTemplateName(name)) return 'adr';
    return isAdrAuxiliaryName(name) && !auxiliaryIsAdr(path, text) ? undefined : 'adr';
  }
  if (under(path, folders.runbooks)) return 'runbook';
  if (under(path, folders.postmortems)) return 'postmortem';
  if (/^#\s+.*\bRunbook\s*$/m.test(head.split(/\r?\n/).find((line) => line.startsWith('# ')) ?? '')) return 'runbook';
  if (text !== undefined && looksLikeAdr(path, text)) return 'adr';
  return undefined;
}

/** A dated or numbered folder (`2024-01-05-some-decision/README.md`, `0007-x/index.md`) holding one ADR. */
const ADR_FOLDER = /(?:^|\/)(?:\d{4}-?\d\d-?\d\d|(?:adr[-_]?)?\d{1,6})[-_][^/]+\/[^/]+$/i;

/** README/index/template files in an ADR folder are ADRs only when they have an ADR's shape (and a real title). */
function auxiliaryIsAdr(path: string, text: string | undefined): boolean {
  if (text === undefined) return true; // decided once the text is known
  if (ADR_FOLDER.test(path) && /^(readme|index)\./i.test(path.slice(path.lastIndexOf('/') + 1))) return true;
  const body = text.replace(/^---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/, '');
  const title = /^#[ \t]+(.*)$/m.exec(body)?.[1] ?? '';
  return hasAdrShape(text) && !/[{[<]|\btitle\b/i.test(title);
}

/** Outside the ADR folders: an `adr-NNN-…` file name, or an ADR's title and sections. */
function looksLikeAdr(path: string, text: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (isAdrAuxiliaryName(name)) return auxiliaryIsAdr(path, text) && (ADR_FOLDER.test(path) || hasAdrShape(text));
  return /^adr[-_]?\d{1,6}[-_. ]/i.test(name) || hasAdrShape(text);
}

/**
 * The root a file opened outside every workspace folder is analysed in (single-file mode): the folder above a
 * document folder of the defaults when the file sits in one (`/p` for `/p/docs/adr/0007-x.md`, so that it is an ADR
 * of a collection as in a workspace), else the file's own folder.
 */
export function singleFileRoot(uri: string): string {
  const folder = uri.slice(0, uri.lastIndexOf('/'));
  const known = [...DEFAULT_FOLDERS.adr, ...DEFAULT_FOLDERS.runbooks, ...DEFAULT_FOLDERS.postmortems].sort((a, b) => b.length - a.length);
  for (const documents of known) {
    if (folder.endsWith('/' + documents) && folder.length > documents.length + 1) {
      const root = folder.slice(0, folder.length - documents.length - 1);
      // Not above the scheme and authority (file:///adr is its own root).
      if (/^[a-z][\w+.-]*:\/\/[^/]*\/./i.test(root + '/')) return root;
    }
  }
  return folder;
}
