import picomatch from 'picomatch';
import { DEFAULT_MAX_FILE_SIZE, type Config } from './model/config';
import type { Finding, Severity, SeveritySetting, Place } from './model/findings';
import { ManifestModel, ReadKey } from './workspace/manifestModel';
import { parseAdr, type AdrDocument, type AdrIndex } from './parse/adr';
import { parseAdrIndexPage } from './parse/adrIndexPage';
import { parseCatalog } from './parse/catalog';
import { parseSource } from './parse/source';
import { parsePolicyFile } from './parse/policies';
import { NO_POLICIES, resolvePolicies, type PolicySet } from './workspace/policySet';
import { policyRule, type PolicyRule } from './rules/policies';
import { parseConfig, type ConfigDocument } from './parse/config';
import { parseManifest, type ManifestDocument } from './parse/manifest';
import type { ParseProblem } from './parse/problem';
import { reparseManifest } from './parse/manifestIncremental';
import { parsePostmortem, parseRunbook } from './parse/operations';
import { RULES, ruleMeta } from './rules';
import { appliesToKinds, type Report, type Rule, type RuleContext, type RuleMeta } from './rules/types';
import { applySuppressions } from './suppressions';
import type { LineIndex } from './text/lineIndex';
import type { Span } from './text/types';
import { joinUri, relativePath } from './text/uri';
import { classify, CONFIG_NAME, documentFolders, type DocumentKind, type Folders } from './workspace/classify';
import { AdrTables, createAdrIndex, shapeKey } from './workspace/adrIndex';
import type { AnalysedDocument, DocumentOfKind, WorkspaceSnapshot } from './workspace/snapshot';
import { compareText } from './text/strings';
import { inElementScope } from './workspace/elementScope';
import { Relocation } from './relocation';
import type { ManifestElement } from './parse/manifest';
import { ELEMENT_SECTION_NAMES, type ElementSection } from './model/manifest';

/**
 * What a rule run read of the workspace besides its own document, recorded as it runs: a bit per document kind,
 * one for whether files exist, and one for the shapes of the ADRs (`adrShapes`: what the ADR index answers from;
 * see AdrShape). A run is reused until a document of a kind it read changes (or its own does). A run that asked
 * the ADR index about other ADRs holds `adrShapes` and the ADRs it was handed (`touched`), not `adr`: it is reused
 * until an ADR's shape changes or one of those ADRs changes.
 */
type ReadKind = DocumentKind | 'files' | 'adrShapes';
const READS: Record<ReadKind, number> = { manifest: 1, config: 2, adr: 4, runbook: 8, postmortem: 16, files: 32, adrShapes: 64, catalog: 128, source: 256, 'adr-index': 512, policies: 1024 };
const READ_KINDS = Object.keys(READS) as ReadKind[];
/** Runs without findings are numbers: revision × RUN_BASE + reads. */
const RUN_BASE = 2048;

/**
 * One rule's findings on one document, kept for reuse. A run without findings (and no ADR handed to it) is kept
 * as a number (its revision times RUN_BASE plus its reads): most runs find nothing, and 10,000 ADRs times their
 * rules add up.
 */
type RuleRun = { findings: Finding[]; failure?: RuleFailure; reads: number; revision: number; touched?: readonly string[] } | number;
/** The findings of a document without any: shared, and frozen so that no caller can add to it. */
const NO_FINDINGS: Finding[] = Object.freeze([]) as unknown as Finding[];

/** The configuration where there is none: one object, so that per-configuration caches hit. */
const NO_CONFIG: Config = Object.freeze({});

/** A document's runs: its parse problems first, then one per rule of its kind (`rulesByKind` order). */
type Runs = RuleRun[];

/**
 * The part of an element-scoped rule's run (RuleMeta.scope) put down to one element, or to the top level: what it
 * found and read. Kept until the element changes or something it read does (ADR 0016).
 */
interface ElementRun {
  /** The top level's: the document's root it ran on (another root: the rule runs whole). */
  value?: unknown;
  findings: Finding[];
  /** The kinds of documents read besides the model (READS), and the ADRs handed. */
  reads: number;
  touched?: string[];
  /** What it read of the model (ReadKey). */
  names: readonly string[];
  revision: number;
}

/** One element of a manifest as the element runs saw it, and its runs by rule (ElementRuns.rules order). */
interface ElementEntry {
  value: unknown;
  node: unknown;
  section: string;
  name: string;
  runs: (ElementRun | undefined)[];
  /** Every key its runs read (made when first needed, dropped when a run is replaced): most edits touch none. */
  reads?: Set<string>;
}

/** The element-scoped rules' runs on one manifest, as of one snapshot: each rule's top level, each element's runs. */
interface ElementRuns {
  snapshot: Snapshot;
  rules: readonly Rule[];
  /** Undefined where the rule must run whole (it failed, or never ran). */
  tops: (ElementRun | undefined)[];
  /** By section and name (an entry is kept only while its value and node are the very same objects). */
  elements: Map<string, ElementEntry>;
}

/** The model keys a run reads, gathered as it runs (a few: a list beats a set), then frozen and shared. */
class KeyList {
  private keys: string[] = [];
  /** Past a few keys (a path read whole), a set answers whether one is there. */
  private many?: Set<string>;
  /** Lists of up to four keys, shared. */
  private static shared = new Map<string, readonly string[]>();
  add(key: string): void {
    if (this.many) {
      if (this.many.has(key)) return;
      this.many.add(key);
    } else if (this.keys.includes(key)) return;
    else if (this.keys.length === 16) this.many = new Set(this.keys).add(key);
    this.keys.push(key);
  }
  /** Starts again, from these keys. */
  reset(keys: readonly string[] = NO_KEYS): void {
    this.keys = [...keys];
    this.many = keys.length > 16 ? new Set(keys) : undefined;
  }
  /** The keys, as one list shared by every run that read the same ones (a list of its own, exactly sized, past four). */
  freeze(): readonly string[] {
    const keys = this.keys;
    if (keys.length === 0) return NO_KEYS;
    // Pushed to, a list keeps room for 16 more: a copy holds only its keys (10,000 components: 17,000 lists).
    if (keys.length > 4) return keys.slice();
    // One map for all shared lists, by their keys length-prefixed (no separator a name could hold).
    let id = '';
    for (const key of keys) id += `${key.length}:${key}`;
    let list = KeyList.shared.get(id);
    if (!list) {
      // Names come and go over a long session: past this many lists, sharing starts afresh.
      if (KeyList.shared.size >= 200_000) KeyList.shared.clear();
      KeyList.shared.set(id, (list = keys.slice()));
    }
    return list;
  }
}
const NO_KEYS: readonly string[] = Object.freeze([]);

/**
 * The model keys changed since the element runs were last checked (at the previous snapshot): every run kept then was
 * valid then, so only these can make it stale. Few, so a run's keys are checked against them, once per shared list.
 */
class ChangedKeys {
  private readonly keys: string[] = [];
  private readonly answers = new WeakMap<readonly string[], boolean>();
  constructor(changedAt: ReadonlyMap<string, number>, since: number) {
    for (const [key, revision] of changedAt) if (revision > since) this.keys.push(key);
  }
  /** Did a key of these change? */
  touches(names: readonly string[]): boolean {
    if (this.keys.length === 0 || names.length === 0) return false;
    let answer = this.answers.get(names);
    if (answer === undefined) {
      answer = this.keys.length < names.length ? this.keys.some((key) => names.includes(key)) : names.some((key) => this.keys.includes(key));
      this.answers.set(names, answer);
    }
    return answer;
  }
  /** Did any key of this set change? */
  touchesAny(reads: ReadonlySet<string>): boolean {
    return this.keys.some((key) => reads.has(key));
  }
}

/** Every model key an element's runs read. */
function readsOf(entry: ElementEntry): Set<string> {
  const reads = new Set<string>();
  for (const run of entry.runs) if (run) for (const key of run.names) reads.add(key);
  return reads;
}

/** A kept run, its findings moved to where their text now is (undefined: they cannot be moved). */
function relocated(run: ElementRun, relocation: Relocation): ElementRun | undefined {
  if (run.findings.length === 0) return run;
  let findings: Finding[] | undefined;
  for (let i = 0; i < run.findings.length; i++) {
    const moved = relocation.finding(run.findings[i]);
    if (!moved) return undefined;
    if (moved !== run.findings[i]) (findings ??= run.findings.slice())[i] = moved;
  }
  return findings ? { ...run, findings } : run;
}

const elementKey = (element: ManifestElement) => `${element.section}\u0000${element.name}`;

interface Analysis {
  snapshot: Snapshot;
  findings: Map<string, Finding[]>;
  failures: RuleFailure[];
}

/** What the engine needs from its host: nothing but whether a file exists. */
export interface EngineHost {
  exists(uri: string): boolean;
}

export interface EngineSettings {
  /** Editor settings (`archframe.rules`): apply where `.archframe.yaml` is silent. */
  rules?: Record<string, SeveritySetting>;
  maxFileSize?: number;
}

export interface EngineOptions {
  /** Workspace folder URIs. */
  folders: string[];
  host: EngineHost;
  settings?: EngineSettings;
  /** The rules to run (default: the registry); tests add their own. */
  rules?: readonly Rule[];
}

/** A rule that threw on a document: reported there as `internal-error`, and handed to the host for its log. */
export interface RuleFailure {
  ruleId: string;
  uri: string;
  error: string;
}

interface FileEntry {
  uri: string;
  text: string;
  kind: DocumentKind | undefined;
  /** Parsed lazily and kept until the text changes. */
  parsed?: AnalysedDocument;
  /** The manifest as it was before this text, for re-parsing only what an edit touched. */
  previous?: ManifestDocument;
  /** A reason the file is not analysed, reported as its only finding. */
  refusal?: { ruleId: string; message: string };
  /** The file's size when the host handed over only its beginning (it was over the size limit). */
  size?: number;
  /** The host found bytes that are not UTF-8: reported, and the text (with U+FFFD for them) is analysed all the same. */
  invalidUtf8?: boolean;
  /** The engine's revision when this text was set. */
  revision: number;
}

/**
 * The analysis façade: documents in, findings out. Pure: it reads nothing
 * itself; the language server and the CLI feed it files and ask for findings.
 */
export class Engine {
  private readonly files = new Map<string, FileEntry>();
  private settings: EngineSettings;
  private folders: string[];
  /** Documents outside every folder (an untitled buffer): the editor's language id says what they are. */
  private readonly languages = new Map<string, string>();
  /** Per folder; null where the folder has no `.archframe.yaml` (cleared whenever one comes or goes). */
  private configDocuments = new Map<string, ConfigDocument | null>();
  /** URI → its workspace folder and path in it: asked for every document by every rule, and URI parsing is not free. */
  private placeCache = new Map<string, { folder: string | undefined; relative: string | undefined }>();
  /** The workspace model, rebuilt on demand after a change; editor features need only this. */
  private cachedSnapshot?: Snapshot;
  /** The rules' findings over that snapshot, computed only when someone asks for findings. */
  private cached?: Analysis;
  /** Counts changes to files; a rule run remembers the revision it ran at. */
  private revision = 0;
  /** The revision at which a document of each kind (or a file's existence) last changed. */
  private readonly changedAt: Record<ReadKind, number> = { manifest: 0, config: 0, adr: 0, runbook: 0, postmortem: 0, files: 0, adrShapes: 0, catalog: 0, source: 0, 'adr-index': 0, policies: 0 };
  /** Edited ADRs whose new shape is not known yet (it is, once parsed): each with the shape that rule runs saw. */
  private readonly shapesBefore = new Map<string, string>();
  /** The ADR index's tables, kept for the next snapshots until an ADR's shape changes. */
  private adrTables?: { tables: AdrTables; revision: number };
  /** The URIs of the files in the order snapshots list documents; kept until a file comes, goes or changes kind. */
  private orderedUris?: string[];
  /** Rule runs per document and rule id; a new text is a new document, so its runs go with the old one. */
  private runs = new WeakMap<AnalysedDocument, Runs>();
  /** The rules with a check, by the kind of document they check. */
  private readonly rulesByKind = new Map<DocumentKind, Rule[]>();
  /** The team policies in force per workspace folder, resolved on demand and kept until a file they come from changes. */
  private readonly policySets = new Map<string, PolicySet>();
  /** Each policy set's rules, built once per set. */
  private readonly policyRules = new WeakMap<PolicySet, PolicyRule[]>();
  /** Policy runs per manifest, by the policy's key: a policy edited or added runs anew, the others keep theirs. */
  private policyRuns = new WeakMap<AnalysedDocument, Map<string, RuleRun>>();
  /** Every rule id the engine knows: what `rules:` in `.archframe.yaml` may name. */
  private readonly ruleIds: readonly string[];
  /** Element-scoped rules' runs per manifest URI. */
  private elementRuns = new Map<string, ElementRuns>();
  /**
   * Manifests whose element-scoped rules ran whole, as any rule, in their first analysis: the findings sooner, nothing
   * recorded per element. Their element runs are built by elementRunSteps, or by the next analysis that needs them.
   */
  private readonly ranWhole = new Set<string>();
  /** The model the element runs were last checked against, and when each of its read keys (ReadKey) last changed. */
  private lastModel?: ManifestModel;
  private readonly keyChangedAt = new Map<string, number>();
  /** The manifest rules run per element (RuleMeta.scope). */
  private readonly elementScopedRules: readonly Rule[];
  /** Element runs re-made and kept in the last analysis (for tests and the benchmark). */
  readonly elementRunStatistics = { ran: 0, kept: 0, whole: [] as string[] };

  constructor(private readonly options: EngineOptions) {
    this.settings = options.settings ?? {};
    this.folders = [...options.folders];
    const rules = options.rules ?? RULES;
    this.ruleIds = RULES === rules ? RULES.map((rule) => rule.meta.id) : [...new Set([...RULES, ...rules].map((rule) => rule.meta.id))];
    this.elementScopedRules = rules.filter((rule) => rule.check && rule.meta.scope === 'element' && appliesToKinds(rule.meta).includes('manifest'));
    for (const rule of rules) {
      if (!rule.check) continue;
      for (const kind of appliesToKinds(rule.meta)) {
        const list = this.rulesByKind.get(kind);
        if (list) list.push(rule);
        else this.rulesByKind.set(kind, [rule]);
      }
    }
  }

  setSettings(settings: EngineSettings): void {
    // The editor sends the settings again after a change to any setting, ours or not: equal ones change nothing.
    if (JSON.stringify(settings) === JSON.stringify(this.settings)) return;
    const limitChanged = settings.maxFileSize !== this.settings.maxFileSize;
    this.settings = settings;
    this.runs = new WeakMap();
    this.policyRuns = new WeakMap();
    this.elementRuns = new Map();
    // A new size limit may refuse or admit files already read.
    if (limitChanged) this.reclassify();
    else this.invalidate();
  }

  /**
   * What a document outside every folder is, by the editor's language (`archframe-manifest`, `markdown`, `yaml`):
   * an untitled buffer has no file name to go by. Inside a folder, the name and the folder decide as always.
   */
  setLanguage(uri: string, languageId: string | undefined): void {
    if ((languageId ?? undefined) === this.languages.get(uri)) return;
    if (languageId === undefined) this.languages.delete(uri);
    else this.languages.set(uri, languageId);
    const existing = this.files.get(uri);
    if (!existing) return;
    const entry = this.entry(uri, existing.text, existing.size, existing.invalidUtf8);
    this.files.set(uri, entry);
    this.changed(existing.kind, entry.kind, existing.kind !== entry.kind);
    if (existing.kind === 'adr' || entry.kind === 'adr') this.adrChanged(uri, existing, entry);
    this.invalidate();
  }

  /** The kind of a file the engine holds (undefined: held but not analysed, or not held). */
  kindOf(uri: string): DocumentKind | undefined {
    return this.files.get(uri)?.kind;
  }

  /**
   * Adds or updates a file. Files that archframe does not analyse are ignored.
   * `size`: the file's full length when `text` is only its beginning (hosts do
   * not read a file over `maxFileSize` whole); it is then refused as too large.
   */
  setFile(uri: string, text: string, size?: number, invalidUtf8 = false): void {
    const existing = this.files.get(uri);
    if (existing && existing.text === text && existing.size === size && Boolean(existing.invalidUtf8) === invalidUtf8) return;
    const path = this.relative(uri);
    if (path === CONFIG_NAME || path === '.adr-dir') {
      const entry: FileEntry = { uri, text, kind: path === CONFIG_NAME ? 'config' : undefined, size, revision: this.revision + 1 };
      // The configuration's own size is judged by the editor settings' limit: it cannot set the limit for itself.
      if (entry.kind === 'config') entry.refusal = this.refusal(text, size, this.settings.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
      this.files.set(uri, entry);
      this.changed(existing?.kind, 'config', !existing);
      if (entry.kind === 'config' && this.onlyPoliciesChanged(entry)) return;
      this.reclassify();
      return;
    }
    const entry = this.entry(uri, text, size, invalidUtf8);
    if (entry.kind !== 'manifest') this.elementRuns.delete(uri);
    const before = existing?.parsed ?? existing?.previous;
    const policies = this.policyFolder(uri, existing);
    if (entry.kind === 'manifest' && before?.kind === 'manifest') entry.previous = before;
    this.files.set(uri, entry);
    this.changed(existing?.kind, entry.kind, !existing);
    if (existing?.kind === 'adr' || entry.kind === 'adr') this.adrChanged(uri, existing, entry);
    if (policies !== undefined) this.policiesChanged(policies);
    this.invalidate();
  }

  deleteFile(uri: string): void {
    const existing = this.files.get(uri);
    if (!existing) {
      // A file the engine does not keep (a script a runbook names, say) is gone: exists() answers differently.
      this.fileNoted();
      return;
    }
    const policies = this.policyFolder(uri, existing);
    this.files.delete(uri);
    // Its element runs hold the snapshot they were made on, and with it the whole old document.
    this.elementRuns.delete(uri);
    this.ranWhole.delete(uri);
    this.changed(existing.kind, undefined, true);
    if (policies !== undefined) this.policiesChanged(policies);
    if (existing.kind === 'adr') this.adrChanged(uri, existing, undefined);
    const path = this.relative(uri);
    if (path === CONFIG_NAME || path === '.adr-dir') this.reclassify();
    else this.invalidate();
  }

  /** A file the engine does not analyse was created or changed on disk: what exists() answers may differ. */
  fileNoted(): void {
    this.changed(undefined, undefined, true);
    this.invalidate();
  }

  /**
   * `.archframe.yaml` changed, but only in its policies (or `extends:`): nothing that decides what a file is or
   * how a rule reports changed, so every run is kept; the policies are resolved anew and the policy runs whose
   * policy is unchanged are kept too (ADR 0015). Settings, severities, folders or anything else: false.
   */
  private onlyPoliciesChanged(entry: FileEntry): boolean {
    const folder = this.folderOf(entry.uri);
    const before = folder === undefined ? undefined : this.configDocuments.get(folder);
    if (!before || entry.refusal) return false;
    const after = parseConfig(entry.uri, entry.text, this.ruleIds);
    const rest = (config: Config) => JSON.stringify({ ...config, policies: undefined, extends: undefined });
    if (rest(before.config) !== rest(after.config)) return false;
    entry.parsed = after;
    this.configDocuments.set(folder!, after);
    this.policiesChanged(folder!);
    this.invalidate();
    return true;
  }

  /** The folder whose policies a file's change may change: it is one of the files they come from, or was. */
  private policyFolder(uri: string, existing: FileEntry | undefined): string | undefined {
    const folder = this.folderOf(uri);
    if (folder === undefined) return undefined;
    if (existing?.kind === 'policies') return folder;
    const path = this.relative(uri);
    return path !== undefined && this.policySets.get(folder)?.files.includes(path) ? folder : undefined;
  }

  /**
   * A file the policies come from changed: they are resolved again, and the files that `extends:` now reaches, or
   * no longer reaches, are classified again (as policies, or as what they are otherwise).
   */
  private policiesChanged(folder: string): void {
    const before = this.policySets.get(folder)?.files ?? [];
    this.policySets.delete(folder);
    const after = this.policySet(folder).files;
    for (const path of new Set([...before, ...after])) {
      if (before.includes(path) && after.includes(path)) continue;
      const uri = joinUri(folder, path);
      const entry = this.files.get(uri);
      if (!entry) continue;
      const next = this.entry(uri, entry.text, entry.size, entry.invalidUtf8);
      if (next.kind === entry.kind) continue;
      this.files.set(uri, next);
      this.changed(entry.kind, next.kind, false);
      this.policySets.delete(folder);
    }
    this.changedAt.policies = this.revision;
  }

  /** The policies in force in a workspace folder (none without `.archframe.yaml`). */
  policySet(folder: string | undefined): PolicySet {
    if (folder === undefined) return NO_POLICIES;
    let set = this.policySets.get(folder);
    if (set) return set;
    const config = this.configDocument(folder);
    set = !config
      ? NO_POLICIES
      : resolvePolicies(folder, config, (uri) => {
          const entry = this.files.get(uri);
          if (!entry) return { missing: this.options.host.exists(uri) ? 'is not read (an ignore: glob excludes it?)' : 'does not exist' };
          if (entry.refusal) return { missing: `is not read: ${entry.refusal.message}` };
          const document = entry.kind === 'policies' ? this.parse(entry) : undefined;
          return { document: document?.kind === 'policies' ? document : parsePolicyFile(uri, entry.text, this.ruleIds) };
        });
    this.policySets.set(folder, set);
    return set;
  }

  /** The rules of the policies in force where a document is. */
  private policyRulesOf(uri: string): readonly PolicyRule[] {
    const set = this.policySet(this.folderOf(uri));
    let rules = this.policyRules.get(set);
    if (!rules) this.policyRules.set(set, (rules = set.policies.map(policyRule)));
    return rules;
  }

  /** The rules of the team policies of every workspace folder. */
  policyRulesInForce(): PolicyRule[] {
    return this.folders.flatMap((folder) => this.policyRulesOf(`${folder}/`));
  }

  /** A rule's metadata, the policies in force at a URI included (`policy/<id>`). */
  ruleMeta(id: string, uri?: string): RuleMeta | undefined {
    const builtin = ruleMeta(id);
    if (builtin) return builtin;
    const folders = uri === undefined ? this.folders : [this.folderOf(uri)];
    for (const folder of folders) {
      const rule = this.policyRulesOf(`${folder ?? ''}/`).find((r) => r.meta.id === id);
      if (rule) return rule.meta;
    }
    return undefined;
  }

  private changed(before: DocumentKind | undefined, after: DocumentKind | undefined, existence: boolean): void {
    const revision = ++this.revision;
    this.changedAt[before ?? 'files'] = revision;
    this.changedAt[after ?? 'files'] = revision;
    if (existence) this.changedAt.files = revision;
    if (existence || before !== after) this.orderedUris = undefined;
  }

  /**
   * An ADR's text changed, or the ADR came or went. Whether its shape changed is known only once the new text is
   * parsed: until then the shape that rule runs saw is kept (that of the first of several edits in a row).
   */
  private adrChanged(uri: string, before: FileEntry | undefined, after: FileEntry | undefined): void {
    const shape = this.shapesBefore.get(uri) ?? (before?.parsed?.kind === 'adr' ? shapeKey(before.parsed) : undefined);
    if (after?.kind === 'adr' && !after.refusal && shape !== undefined) this.shapesBefore.set(uri, shape);
    else {
      this.shapesBefore.delete(uri);
      this.changedAt.adrShapes = this.revision;
    }
  }

  /** Compares the edited ADRs' shapes with those rule runs saw: a difference is a change of every ADR's context. */
  private settleShapes(): void {
    for (const [uri, shape] of this.shapesBefore) {
      const entry = this.files.get(uri);
      const document = entry && this.parse(entry);
      if (document?.kind !== 'adr' || shapeKey(document) !== shape) this.changedAt.adrShapes = this.revision;
    }
    this.shapesBefore.clear();
  }

  hasFile(uri: string): boolean {
    return this.files.has(uri);
  }

  /** Would the engine analyse a file at this URI (judging by its path and its first lines)? */
  wouldAnalyse(uri: string, text?: string): boolean {
    const path = this.relative(uri);
    if (path === undefined || this.isIgnored(path)) return false;
    return classify(path, text, this.foldersFor(uri)) !== undefined;
  }

  /** The parsed document, if the engine analyses this file. */
  document(uri: string): AnalysedDocument | undefined {
    const entry = this.files.get(uri);
    return entry ? this.parse(entry) : undefined;
  }

  /** The workspace as the rules see it. */
  snapshot(): WorkspaceSnapshot {
    return (this.cachedSnapshot ??= new Snapshot(this));
  }

  /** Findings for every analysed document (documents without findings map to []). */
  findings(): ReadonlyMap<string, Finding[]> {
    return this.analyse().findings;
  }

  findingsFor(uri: string): Finding[] {
    return this.analyse().findings.get(uri) ?? [];
  }

  /** The rules that threw during the last analysis (the engine does no logging itself). */
  ruleFailures(): readonly RuleFailure[] {
    return this.analyse().failures;
  }

  /** The configuration in force for a folder (defaults where `.archframe.yaml` is absent or invalid). */
  configFor(uri?: string): Config {
    const folder = uri ? this.folderOf(uri) : this.folders[0];
    return (folder && this.configDocument(folder)?.config) || NO_CONFIG;
  }

  /**
   * The analysis of findings() in steps (a step is one rule run on one document), so that a host
   * can run it in slices, answer requests in between, and drop the rest when a newer change makes it stale. The
   * engine keeps no timers: the host decides when to step. Finished, the result is cached as findings() caches it.
   */
  *analysisSteps(): Generator<void, ReadonlyMap<string, Finding[]>> {
    return (yield* this.analysing()).findings;
  }

  private analyse(): Analysis {
    const run = this.analysing();
    for (;;) {
      const step = run.next();
      if (step.done) return step.value;
    }
  }

  private *analysing(): Generator<void, Analysis> {
    if (this.cached) return this.cached;
    // Building the snapshot settled the edited ADRs' shapes (tablesFor), before any run is judged current.
    const snapshot = (this.cachedSnapshot ??= new Snapshot(this));
    const findings = new Map<string, Finding[]>();
    const failures: RuleFailure[] = [];
    const add = (finding: Finding) => {
      const list = findings.get(finding.uri);
      if (list && list !== NO_FINDINGS) list.push(finding);
      else findings.set(finding.uri, [finding]);
    };
    for (const entry of this.files.values()) {
      if (!entry.kind) continue;
      // One shared empty list for the many documents without findings (10,000 ADRs: 10,000 arrays per edit).
      findings.set(entry.uri, findings.get(entry.uri) ?? NO_FINDINGS);
      if (entry.refusal) {
        const severity = this.severity(this.configFor(entry.uri), entry.refusal.ruleId);
        if (severity) add({ ruleId: entry.refusal.ruleId, severity, message: entry.refusal.message, uri: entry.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, span: [0, 0] });
        continue;
      }
      const document = this.parse(entry);
      if (!document) continue;
      const runs = this.runsOf(document);
      let run = runs[0];
      if (run === undefined) {
        const config = this.configFor(entry.uri);
        const problems: Finding[] = [];
        for (const problem of document.problems) {
          const severity = this.severity(config, problem.ruleId);
          if (!severity) continue;
          problems.push(problemFinding(problem, entry.uri, document.lines, severity));
        }
        const encoding = entry.invalidUtf8 ? this.severity(config, 'file-encoding') : undefined;
        if (encoding) problems.unshift(encodingFinding(entry.uri, document.text, document.lines, encoding));
        run = keep(problems, undefined, 0, snapshot.revision);
        runs[0] = run;
      }
      if (typeof run === 'object') for (const finding of run.findings) add(finding);
    }
    yield;
    // Document by document, so that a document's configuration and runs are looked up once for all its rules.
    const tracking = new ReadTracking(snapshot, snapshot.adrs);
    this.noteModelChanges(snapshot);
    this.elementRunStatistics.ran = this.elementRunStatistics.kept = 0;
    this.elementRunStatistics.whole = [];
    // Per set of reads, the latest change to any kind in it; per configuration, each rule's severity.
    const latest: number[] = [];
    for (const [kind, rules] of this.rulesByKind) {
      const severities = new Map<Config, (Severity | undefined)[]>();
      for (const document of snapshot.documents(kind)) {
        const config = this.configFor(document.uri);
        let severity = severities.get(config);
        if (!severity) severities.set(config, (severity = rules.map((rule) => this.severity(config, rule.meta.id))));
        const runs = this.runsOf(document);
        const elementScoped = kind === 'manifest' && this.elementScopedRules.length > 0 ? this.elementScopedRules : undefined;
        const byElement = elementScoped !== undefined && this.byElement(document.uri, elementScoped, rules, severity, runs, latest);
        if (byElement) {
          const own = elementScoped.map((rule) => severity![rules.indexOf(rule)]);
          // Their whole runs, if any, are done with: what they found is in the element runs now.
          for (const rule of elementScoped) delete runs[rules.indexOf(rule) + 1];
          yield* this.checkByElement(elementScoped, own, document as ManifestDocument, snapshot, tracking, config, latest, add, failures);
        } else if (elementScoped) this.ranWhole.add(document.uri);
        for (let i = 0; i < rules.length; i++) {
          const rule = rules[i];
          const configured = severity[i];
          if (!configured) continue;
          if (byElement && elementScoped.includes(rule)) continue;
          let run = runs[i + 1];
          if (run === undefined || !this.current(run, latest)) {
            run = this.check(rule, document, tracking, config, configured);
            runs[i + 1] = run;
            yield;
          }
          if (typeof run === 'number') continue;
          for (const finding of run.findings) add(finding);
          if (run.failure) failures.push(run.failure);
        }
      }
    }
    for (const document of snapshot.documents('manifest')) {
      const policies = this.policyRulesOf(document.uri);
      if (policies.length === 0 && !this.policyRuns.has(document)) continue;
      const config = this.configFor(document.uri);
      const before = this.policyRuns.get(document);
      const runs = new Map<string, RuleRun>();
      this.policyRuns.set(document, runs);
      for (const rule of policies) {
        const severity = this.severity(config, rule.meta.id, rule.meta.severity);
        if (!severity) continue;
        const key = rule.key;
        let run = before?.get(key);
        if (run === undefined || !this.current(run, latest)) {
          run = this.check(rule as Rule, document, tracking, config, severity);
          yield;
        }
        runs.set(key, run);
        if (typeof run === 'number') continue;
        for (const finding of run.findings) add(finding);
        if (run.failure) failures.push(run.failure);
      }
    }
    // Element runs of manifests no longer analysed (gone, refused, another kind) let go of their snapshot.
    for (const uri of this.elementRuns.keys()) if (snapshot.document(uri)?.kind !== 'manifest') this.elementRuns.delete(uri);
    for (const uri of this.ranWhole) if (snapshot.document(uri)?.kind !== 'manifest') this.ranWhole.delete(uri);
    applySuppressions(findings, {
      workspace: snapshot,
      severity: (uri, ruleId, preferred) => {
        const config = this.configFor(uri);
        const configured = this.severity(config, ruleId, this.ruleMeta(ruleId, uri)?.severity);
        const explicit = config.rules?.[ruleId] ?? this.settings.rules?.[ruleId];
        return configured && !explicit && preferred ? preferred : configured;
      },
      requireReason: (uri) => this.configFor(uri).suppressions?.requireReason === true,
      isRule: (id) => this.ruleMeta(id) !== undefined,
      ruleIds: () => [...this.ruleIds, ...this.folders.flatMap((folder) => this.policyRulesOf(`${folder}/`).map((rule) => rule.meta.id))],
    });
    for (const list of findings.values()) if (list.length > 1) list.sort(compareFindings);
    const analysis = { snapshot, findings, failures };
    // A change while the steps ran made this analysis stale: return it to whoever still asks, but do not keep it.
    if (this.cachedSnapshot === snapshot) this.cached = analysis;
    return analysis;
  }

  /**
   * Whether a manifest's element-scoped rules run per element in this analysis. Not in its first: run whole, without
   * noting what each element reads, they cost about a third less (2,000 components: 340 instead of 550 ms), and the
   * first findings are what a user waits for. Afterwards, per element: from the element runs when there are some
   * (elementRunSteps built them, or an earlier analysis), unless the whole runs are all still valid.
   */
  private byElement(uri: string, elementScoped: readonly Rule[], rules: readonly Rule[], severity: readonly (Severity | undefined)[], runs: Runs, latest: number[]): boolean {
    if (this.elementRuns.has(uri)) return true;
    if (!this.ranWhole.has(uri)) return false;
    return !elementScoped.every((rule) => {
      const i = rules.indexOf(rule);
      const run = runs[i + 1];
      return !severity[i] || (run !== undefined && this.current(run, latest));
    });
  }

  /**
   * Builds the element runs that the first analysis of a manifest left out (see byElement), on the snapshot of the
   * latest analysis, so that the first edit re-runs only what it touches. In steps, like analysisSteps; the host runs
   * it when it has time (the server, after a publication) and stops asking when something changes.
   */
  *elementRunSteps(): Generator<void, void> {
    const analysis = this.cached;
    if (!analysis) return;
    const { snapshot } = analysis;
    const rules = this.elementScopedRules;
    const statistics = { ...this.elementRunStatistics, whole: [...this.elementRunStatistics.whole] };
    try {
      for (const document of snapshot.documents('manifest')) {
        if (this.cached !== analysis) return;
        if (this.elementRuns.has(document.uri) || !this.ranWhole.has(document.uri)) continue;
        const config = this.configFor(document.uri);
        const severities = rules.map((rule) => this.severity(config, rule.meta.id));
        // Findings and failures are those the analysis published already.
        const steps = this.checkByElement(rules, severities, document as ManifestDocument, snapshot, new ReadTracking(snapshot, snapshot.adrs), config, [], () => undefined, []);
        for (;;) {
          // A change since: what was built stays (the next analysis takes it from there), the rest is left undone.
          if (this.cached !== analysis) return;
          if (steps.next().done) break;
          yield;
        }
      }
    } finally {
      Object.assign(this.elementRunStatistics, statistics);
    }
  }

  /**
   * The element-scoped rules (RuleMeta.scope) on a manifest. Of their last runs, the parts whose element is the same
   * and whose reads are unchanged are kept, their findings moved to where their text now is; a rule runs again on a
   * copy of the document that holds only its other elements. A rule's top level (what it does outside its loops over
   * elements) runs whenever the rule runs; when what that read changed, the rule runs whole (ADR 0016).
   */
  private *checkByElement(
    rules: readonly Rule[],
    severities: readonly (Severity | undefined)[],
    document: ManifestDocument,
    snapshot: Snapshot,
    tracking: ReadTracking,
    config: Config,
    latest: number[],
    add: (finding: Finding) => void,
    failures: RuleFailure[],
  ): Generator<void, void> {
    const previous = this.elementRuns.get(document.uri);
    const relocation = previous && previous.snapshot !== snapshot ? new Relocation((uri) => previous.snapshot.document(uri), (uri) => snapshot.document(uri)) : undefined;
    const changed = new ChangedKeys(this.keyChangedAt, previous?.snapshot.revision ?? 0);
    const valid = (run: ElementRun) => this.current(run, latest) && !changed.touches(run.names);
    const now: ElementRuns = { snapshot, rules, tops: [], elements: new Map() };
    const sameRules = previous?.rules === rules;
    // Per rule: runs whole (its top level is stale), or only on the elements whose runs are stale.
    const whole = rules.map((_, i) => {
      const top = sameRules ? previous!.tops[i] : undefined;
      if (!top || top.value !== document.root || !valid(top)) return true;
      const moved = relocation ? relocated(top, relocation) : top;
      if (!moved) return true;
      now.tops[i] = moved;
      return false;
    });
    for (let i = 0; i < rules.length; i++) if (whole[i] && severities[i]) this.elementRunStatistics.whole.push(rules[i].meta.id);
    // Per rule, the elements to run it on and their entries, side by side.
    const stale: ManifestElement[][] = rules.map(() => []);
    const staleEntries: ElementEntry[][] = rules.map(() => []);
    for (const section of ELEMENT_SECTION_NAMES) {
      for (const element of document.elements[section].values() as Iterable<ManifestElement>) {
        const key = elementKey(element);
        const before = sameRules ? previous!.elements.get(key) : undefined;
        const same = before !== undefined && before.value === element.value && before.node === element.node && before.section === element.section && before.name === element.name;
        // The same element keeps its entry (its runs are updated in place): 10,000 elements, 10,000 arrays less per edit.
        const entry: ElementEntry = same ? before : { value: element.value, node: element.node, section: element.section, name: element.name, runs: new Array(rules.length) };
        now.elements.set(key, entry);
        const untouched = same && !changed.touchesAny((entry.reads ??= readsOf(entry)));
        for (let i = 0; i < rules.length; i++) {
          if (!severities[i]) {
            entry.runs[i] = undefined;
            continue;
          }
          let run = same && !whole[i] ? entry.runs[i] : undefined;
          if (run && !(untouched ? this.current(run, latest) : valid(run))) run = undefined;
          if (run !== entry.runs[i]) entry.reads = undefined;
          if (run && relocation) run = relocated(run, relocation);
          entry.runs[i] = run;
          if (run) this.elementRunStatistics.kept++;
          else {
            stale[i].push(element);
            staleEntries[i].push(entry);
          }
        }
      }
    }
    this.elementRuns.set(document.uri, now);
    for (let i = 0; i < rules.length; i++) {
      const configured = severities[i];
      if (!configured) continue;
      if (whole[i] || stale[i].length > 0) {
        this.elementRunStatistics.ran += stale[i].length;
        const only = (section: ElementSection) => new Map(stale[i].filter((e) => e.section === section).map((e) => [e.name, e]));
        const focused: ManifestDocument = whole[i] ? document : { ...document, elements: { teams: only('teams'), components: only('components'), datastores: only('datastores'), channels: only('channels') } as ManifestDocument['elements'] };
        const made = this.runElementScoped(rules[i], document, focused, tracking, snapshot, config, configured);
        if (made.failure) {
          // Its findings now: the internal error alone; it runs whole next time.
          now.tops[i] = undefined;
          for (const finding of made.top.findings) add(finding);
          for (const entry of now.elements.values()) entry.runs[i] = undefined;
          failures.push(made.failure);
          yield;
          continue;
        }
        now.tops[i] = made.top;
        for (let k = 0; k < stale[i].length; k++) {
          const entry = staleEntries[i][k];
          entry.runs[i] = made.elements.get(stale[i][k]) ?? this.quietRun(NO_KEYS, 0, snapshot.revision);
          entry.reads = undefined;
        }
        yield;
      }
      for (const finding of now.tops[i]!.findings) add(finding);
    }
    for (const entry of now.elements.values()) {
      for (const run of entry.runs) if (run && run.findings.length > 0) for (const finding of run.findings) add(finding);
    }
  }

  /** Runs an element-scoped rule, putting what it reads and reports down to the element it is looking at. */
  private runElementScoped(
    rule: Rule,
    document: ManifestDocument,
    focused: ManifestDocument,
    tracking: ReadTracking,
    snapshot: Snapshot,
    config: Config,
    configured: Severity,
  ): { top: ElementRun; elements: Map<ManifestElement, ElementRun>; failure?: RuleFailure } {
    const model = snapshot.manifests;
    const revision = snapshot.revision;
    const explicit = config.rules?.[rule.meta.id] ?? this.settings.rules?.[rule.meta.id];
    let top: ElementRun = { value: document.root, findings: NO_FINDINGS, reads: 0, names: NO_KEYS, revision };
    const elements = new Map<ManifestElement, ElementRun>();
    // What is being gathered: for the top level (no element) or one element. One key list serves them all in turn.
    let element: ManifestElement | undefined;
    let findings: Finding[] = NO_FINDINGS;
    let reads = 0;
    let touched: string[] | undefined;
    const keys = new KeyList();
    const finish = () => {
      reads |= tracking.takeReads();
      const handed = tracking.takeTouched();
      if (handed) touched = touched ? [...new Set([...touched, ...handed])] : handed;
      const names = keys.freeze();
      if (element === undefined) top = { value: document.root, findings, reads, touched, names, revision };
      else elements.set(element, findings.length === 0 && !touched ? this.quietRun(names, reads, revision) : { findings, reads, touched, names, revision });
    };
    const open = (next: ManifestElement | undefined) => {
      element = next;
      // An element met again (a second loop over its section) goes on from what it had.
      const run = next === undefined ? top : elements.get(next);
      findings = run ? (run.findings === NO_FINDINGS ? NO_FINDINGS : [...run.findings]) : NO_FINDINGS;
      reads = run?.reads ?? 0;
      touched = run?.touched;
      keys.reset(run?.names);
    };
    tracking.start(document.uri, true);
    model.recorder = keys;
    const context: RuleContext = {
      document: focused,
      workspace: tracking,
      config,
      report: (report: Report) => {
        const finding = toFinding(rule, report, explicit ? configured : (report.severity ?? configured));
        // Most element runs find one thing: a list of one holds one (a list pushed to keeps room for 16).
        if (findings === NO_FINDINGS) findings = [finding];
        else findings.push(finding);
      },
    };
    let failure: RuleFailure | undefined;
    try {
      inElementScope(
        {
          enter: (next) => {
            finish();
            open(next);
          },
          leave: () => {
            finish();
            open(undefined);
          },
        },
        () => rule.check!(context),
      );
      finish();
    } catch (error) {
      const failed = this.ruleFailed(rule, document.uri, config, error);
      failure = failed.failure;
      top = { value: document.root, findings: failed.findings, reads: 0, names: NO_KEYS, revision };
    } finally {
      model.recorder = undefined;
      tracking.end();
    }
    return { top, elements, failure };
  }

  /** Runs that found nothing and handed no ADR are alike when they read the same: one object per reads and revision. */
  private quietRuns = { revision: -1, runs: new Map<number, WeakMap<readonly string[], ElementRun>>() };
  private quietRun(names: readonly string[], reads: number, revision: number): ElementRun {
    if (this.quietRuns.revision !== revision) this.quietRuns = { revision, runs: new Map() };
    let byNames = this.quietRuns.runs.get(reads);
    if (!byNames) this.quietRuns.runs.set(reads, (byNames = new WeakMap()));
    let run = byNames.get(names);
    if (!run) byNames.set(names, (run = Object.freeze({ findings: NO_FINDINGS, reads, names, revision })));
    return run;
  }

  /**
   * Notes which model keys (ReadKey) changed since the model the element runs last saw: the elements whose value
   * changed, came or went (and who depends on what they named), their sections, the system fields, and `*` for any
   * change at all.
   */
  private noteModelChanges(snapshot: Snapshot): void {
    const model = snapshot.manifests;
    const before = this.lastModel;
    if (before === model) return;
    this.lastModel = model;
    if (!before) return;
    const revision = snapshot.revision;
    let any = false;
    const mark = (key: string) => {
      this.keyChangedAt.set(key, revision);
      any = true;
    };
    const markTargets = (element: ManifestElement | undefined) => {
      if (element?.section !== 'components') return;
      for (const item of (element as ManifestElement<'components'>).value?.dependsOn ?? []) mark(ReadKey.dependents(typeof item === 'string' ? item : item.target));
    };
    for (const section of ELEMENT_SECTION_NAMES) {
      const was = before[section] as Map<string, ManifestElement>;
      const is = model[section] as Map<string, ManifestElement>;
      let changed = false;
      for (const [name, element] of is) {
        const old = was.get(name);
        if (old && old.value === element.value && old.node === element.node) continue;
        mark(ReadKey.element(section, name));
        markTargets(old);
        markTargets(element);
        changed = true;
      }
      for (const [name, old] of was) {
        if (is.has(name)) continue;
        mark(ReadKey.element(section, name));
        markTargets(old);
        changed = true;
      }
      if (changed) mark(ReadKey.section(section));
    }
    const roots = new Map(before.manifests.map((manifest) => [manifest.uri, manifest.root]));
    if (model.manifests.length !== roots.size || model.manifests.some((manifest) => roots.get(manifest.uri) !== manifest.root)) mark(ReadKey.root);
    if (any) this.keyChangedAt.set(ReadKey.all, revision);
  }

  /** A rule threw: the failure for the host's log, and the `internal-error` finding at the top of the file. */
  private ruleFailed(rule: Rule, uri: string, config: Config, error: unknown): { failure: RuleFailure; findings: Finding[] } {
    const failure = { ruleId: rule.meta.id, uri, error: (error as Error)?.stack ?? String(error) };
    const severity = this.severity(config, 'internal-error');
    if (!severity) return { failure, findings: [] };
    const message = `Rule '${rule.meta.id}' failed on this file and was skipped: ${(error as Error)?.message ?? String(error)}`;
    return { failure, findings: [{ ruleId: 'internal-error', severity, message, uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, span: [0, 0] }] };
  }

  /** Runs one rule on one document, recording what it read of the workspace. */
  private check(rule: Rule, document: AnalysedDocument, tracking: ReadTracking, config: Config, configured: Severity): RuleRun {
    const found: Finding[] = [];
    let failure: RuleFailure | undefined;
    const explicit = config.rules?.[rule.meta.id] ?? this.settings.rules?.[rule.meta.id];
    tracking.start(document.uri);
    const context: RuleContext = {
      document,
      workspace: tracking,
      config,
      report: (report: Report) => found.push(toFinding(rule, report, explicit ? configured : (report.severity ?? configured))),
    };
    try {
      rule.check!(context);
    } catch (error) {
      const failed = this.ruleFailed(rule, document.uri, config, error);
      failure = failed.failure;
      // Skipped, as its message says: what it reported before it threw goes too (as for an element-scoped rule).
      found.length = 0;
      found.push(...failed.findings);
    }
    return keep(found, failure, tracking.reads, tracking.revision, tracking.touched);
  }

  /**
   * Is a run still valid: has no document of a kind it read changed since, nor any ADR it was handed? (Its own
   * document is the same object.)
   */
  private current(run: RuleRun, latest: number[]): boolean {
    const reads = typeof run === 'number' ? run % RUN_BASE : run.reads;
    const revision = typeof run === 'number' ? Math.floor(run / RUN_BASE) : run.revision;
    if ((latest[reads] ??= this.latestChange(reads)) > revision) return false;
    if (typeof run === 'number' || !run.touched) return true;
    // A file gone counts as changed (and changed the shapes too).
    return run.touched.every((uri) => (this.files.get(uri)?.revision ?? Infinity) <= revision);
  }

  /** The revision of the latest change to any of the kinds in a set of reads. */
  private latestChange(reads: number): number {
    let latest = 0;
    for (const kind of READ_KINDS) if (reads & READS[kind]) latest = Math.max(latest, this.changedAt[kind]);
    return latest;
  }

  private runsOf(document: AnalysedDocument): Runs {
    let runs = this.runs.get(document);
    if (!runs) this.runs.set(document, (runs = []));
    return runs;
  }

  /** `byDefault`: the severity of a rule the registry does not hold (a policy's). */
  private severity(config: Config, ruleId: string, byDefault?: Severity): Severity | undefined {
    const setting = config.rules?.[ruleId] ?? this.settings.rules?.[ruleId] ?? ruleMeta(ruleId)?.severity ?? byDefault ?? 'error';
    return setting === 'off' ? undefined : setting;
  }

  /** The largest file analysed in the folder of a URI, in characters. */
  maxFileSize(uri: string): number {
    return this.configFor(uri).maxFileSize ?? this.settings.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  }

  /** A file's entry; `revision`: that of the change that brought its text (the next one, for a new text). */
  private entry(uri: string, text: string, size?: number, invalidUtf8?: boolean, revision = this.revision + 1): FileEntry {
    const path = this.relative(uri);
    const language = this.languages.get(uri);
    const kind =
      path === undefined
        ? looseKind(uri, text, language)
        : this.isIgnored(path)
          ? undefined
          : // A file the user set to the manifest language is one, whatever its name.
            (classify(path, text, this.foldersFor(uri)) ?? (language === 'archframe-manifest' ? 'manifest' : undefined));
    const entry: FileEntry = { uri, text, kind, size, revision };
    if (invalidUtf8) entry.invalidUtf8 = true;
    if (kind) entry.refusal = this.refusal(text, size, this.maxFileSize(uri)) ?? (kind === 'manifest' || kind === 'config' || kind === 'catalog' || kind === 'source' || kind === 'policies' ? undefined : tooDeep(text));
    return entry;
  }

  /** Why a file is not analysed: too large (or only its beginning was read), or binary. */
  private refusal(text: string, size: number | undefined, limit: number): FileEntry['refusal'] {
    const length = Math.max(size ?? 0, text.length);
    if (length > limit) {
      return {
        ruleId: 'file-too-large',
        message: `File too large to analyse: ${formatBytes(length)} > ${formatBytes(limit)} limit, configurable with \`maxFileSize\` in .archframe.yaml or the archframe.maxFileSize setting.`,
      };
    }
    if (size !== undefined) {
      // Only the beginning was read, under a lower limit than the one now in force.
      return { ruleId: 'file-too-large', message: `File of ${formatBytes(length)} was over the size limit when it was read: open it, or reload the window, to analyse it under the new limit.` };
    }
    if (text.includes('\u0000')) {
      return { ruleId: 'file-not-text', message: 'This file holds binary data (NUL bytes), not text: it cannot be a manifest or a Markdown document.' };
    }
    return undefined;
  }

  /** Why the engine does not analyse a file it holds, if it does not (too large, binary). */
  refusalOf(uri: string): string | undefined {
    return this.files.get(uri)?.refusal?.message;
  }

  private parse(entry: FileEntry): AnalysedDocument | undefined {
    if (!entry.kind || entry.refusal) return undefined;
    if (!entry.parsed) {
      switch (entry.kind) {
        case 'manifest':
          entry.parsed = entry.previous ? reparseManifest(entry.previous, entry.text) : parseManifest(entry.uri, entry.text);
          entry.previous = undefined;
          break;
        case 'config':
          entry.parsed = parseConfig(entry.uri, entry.text, this.ruleIds);
          break;
        case 'adr':
          entry.parsed = parseAdr(entry.uri, entry.text);
          break;
        case 'runbook':
          entry.parsed = parseRunbook(entry.uri, entry.text);
          break;
        case 'postmortem':
          entry.parsed = parsePostmortem(entry.uri, entry.text);
          break;
        case 'catalog':
          entry.parsed = parseCatalog(entry.uri, entry.text);
          break;
        case 'adr-index':
          entry.parsed = parseAdrIndexPage(entry.uri, entry.text);
          break;
        case 'source':
          entry.parsed = parseSource(entry.uri, this.relative(entry.uri) ?? entry.uri, entry.text);
          break;
        case 'policies':
          entry.parsed = parsePolicyFile(entry.uri, entry.text, this.ruleIds);
          break;
      }
    }
    return entry.parsed;
  }

  private reclassify(): void {
    // Which files are ADRs may change: a change of shapes, at a revision of its own.
    this.changedAt.adrShapes = ++this.revision;
    this.configDocuments.clear();
    this.policySets.clear();
    this.runs = new WeakMap();
    this.policyRuns = new WeakMap();
    this.elementRuns = new Map();
    this.orderedUris = undefined;
    for (const [uri, entry] of this.files) {
      const path = this.relative(uri);
      if (path === CONFIG_NAME) entry.refusal = this.refusal(entry.text, entry.size, this.settings.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
      if (path === CONFIG_NAME || path === '.adr-dir') continue;
      this.files.set(uri, this.entry(uri, entry.text, entry.size, entry.invalidUtf8, entry.revision));
    }
    this.invalidate();
  }

  private invalidate(): void {
    this.cached = undefined;
    this.cachedSnapshot = undefined;
  }

  private configDocument(folder: string): ConfigDocument | undefined {
    let document = this.configDocuments.get(folder);
    if (document === undefined) {
      const entry = this.files.get(joinUri(folder, CONFIG_NAME));
      // A refused configuration (too large, binary) is reported on the file; the defaults apply meanwhile.
      document = entry && !entry.refusal ? parseConfig(entry.uri, entry.text, this.ruleIds) : null;
      this.configDocuments.set(folder, document);
      if (entry && document) entry.parsed = document;
    }
    return document ?? undefined;
  }

  /** The document folders in force for a URI: its workspace folder's configuration, then its `.adr-dir`, then the defaults. */
  foldersFor(uri: string): Folders {
    const folder = this.folderOf(uri);
    const adrDir = folder ? this.files.get(joinUri(folder, '.adr-dir'))?.text.split(/\r?\n/)[0] : undefined;
    return documentFolders(folder ? this.configFor(folder) : {}, adrDir || undefined, this.policySet(folder).files);
  }

  private isIgnored(path: string): boolean {
    const globs = this.configFor().ignore;
    // picomatch throws on an empty pattern, which a half-typed `ignore:` list holds.
    const patterns = globs?.filter((glob) => glob !== '');
    return patterns !== undefined && patterns.length > 0 && picomatch(patterns, { dot: true })(path);
  }

  folderOf(uri: string): string | undefined {
    return this.place(uri).folder;
  }

  relative(uri: string): string | undefined {
    return this.place(uri).relative;
  }

  private place(uri: string): { folder: string | undefined; relative: string | undefined } {
    let place = this.placeCache.get(uri);
    if (!place) {
      let folder: string | undefined;
      for (const candidate of this.folders) {
        if (relativePath(candidate, uri) !== undefined && (!folder || candidate.length > folder.length)) folder = candidate;
      }
      place = { folder, relative: folder === undefined ? undefined : relativePath(folder, uri) };
      this.placeCache.set(uri, place);
    }
    return place;
  }

  /** @internal for the snapshot: the entries sorted by URI (sorting 10,000 URIs on every edit is not free). */
  entries(): FileEntry[] {
    this.orderedUris ??= [...this.files.keys()].sort(compareText);
    return this.orderedUris.map((uri) => this.files.get(uri)!);
  }

  /** @internal for the snapshot */
  parsedDocument(entry: FileEntry): AnalysedDocument | undefined {
    return this.parse(entry);
  }

  /** @internal for the snapshot: the index tables of the last snapshot, if no ADR's shape changed since. */
  tablesFor(documents: readonly AdrDocument[]): AdrTables {
    this.settleShapes();
    if (!this.adrTables || this.changedAt.adrShapes > this.adrTables.revision) this.adrTables = { tables: new AdrTables(documents), revision: this.revision };
    return this.adrTables.tables;
  }

  /** @internal for the snapshot */
  host(): EngineHost {
    return this.options.host;
  }

  /** @internal for the snapshot */
  currentRevision(): number {
    return this.revision;
  }

  /** @internal for the snapshot */
  currentFolders(): readonly string[] {
    return this.folders;
  }
}

class Snapshot implements WorkspaceSnapshot {
  /** The engine's revision when this snapshot was taken. */
  readonly revision: number;
  readonly folders: readonly string[];
  readonly config: Config;
  readonly documentFolders: Folders;
  readonly manifests: ManifestModel;
  readonly adrs: AdrIndex;
  private readonly byKind = new Map<DocumentKind, AnalysedDocument[]>();
  private readonly byUri = new Map<string, AnalysedDocument>();

  constructor(private readonly engine: Engine) {
    this.revision = engine.currentRevision();
    this.folders = engine.currentFolders();
    this.config = engine.configFor();
    const templates: AdrDocument[] = [];
    for (const entry of engine.entries()) {
      const document = engine.parsedDocument(entry);
      if (!document) continue;
      this.byUri.set(document.uri, document);
      // A template is not a decision: no rule checks it, the index learns from it.
      if (document.kind === 'adr' && document.template) {
        templates.push(document);
        continue;
      }
      const list = this.byKind.get(document.kind);
      if (list) list.push(document);
      else this.byKind.set(document.kind, [document]);
    }
    this.documentFolders = engine.foldersFor(this.folders[0] ?? '');
    this.manifests = new ManifestModel(this.documents('manifest'));
    const adrs = this.documents('adr') as AdrDocument[];
    this.adrs = createAdrIndex(
      adrs,
      engine.tablesFor(adrs),
      (uri) => {
        const document = this.byUri.get(uri);
        return document?.kind === 'adr' && !document.template ? document : undefined;
      },
      templates,
    );
  }

  documents<K extends DocumentKind>(kind: K): readonly DocumentOfKind<K>[] {
    return (this.byKind.get(kind) ?? []) as DocumentOfKind<K>[];
  }

  document(uri: string): AnalysedDocument | undefined {
    return this.byUri.get(uri);
  }

  policies(uri: string): PolicySet {
    return this.engine.policySet(this.folderOf(uri));
  }

  /** Answers of the host, kept for the snapshot's life: rules ask about the same files many times. */
  private readonly existing = new Map<string, boolean>();

  exists(uri: string): boolean {
    if (this.engine.hasFile(uri)) return true;
    // Nothing outside the workspace is asked about: a link to ../../../etc/passwd is not the engine's to stat.
    if (this.engine.folderOf(uri) === undefined) return false;
    let answer = this.existing.get(uri);
    if (answer === undefined) {
      answer = this.engine.host().exists(uri);
      this.existing.set(uri, answer);
    }
    return answer;
  }

  folderOf(uri: string): string | undefined {
    return this.engine.folderOf(uri);
  }

  resolveWorkspacePath(fromUri: string, path: string): string {
    const folder = this.folderOf(fromUri) ?? fromUri.slice(0, fromUri.lastIndexOf('/'));
    return joinUri(folder, path.replace(/^\.\//, ''));
  }
}

/** The snapshot as one rule run sees it: the same answers, and a note of which kinds of documents it read. */
class ReadTracking implements WorkspaceSnapshot {
  reads = 0;
  /** The ADRs other than its own that the run was handed (it may have read anything in them). */
  touched: string[] | undefined;
  private own = '';
  readonly adrs: AdrIndex;
  constructor(
    private readonly snapshot: Snapshot,
    index: AdrIndex,
  ) {
    this.adrs = trackedIndex(index, this);
  }
  /** In element mode, reads of the model are the model's to record (ReadKey), not a read of every manifest. */
  private elementMode = false;
  start(uri: string, elementMode = false): void {
    this.reads = 0;
    this.touched = undefined;
    this.own = uri;
    this.elementMode = elementMode;
  }
  end(): void {
    this.elementMode = false;
  }
  /** The kinds read since the last take (or the start); from now on none. */
  takeReads(): number {
    const reads = this.reads;
    this.reads = 0;
    return reads;
  }
  /** The ADRs handed since the last take (or the start); from now on none. */
  takeTouched(): string[] | undefined {
    const touched = this.touched;
    this.touched = undefined;
    return touched;
  }
  /** Notes that the run read the ADRs' shapes, and was handed these ADRs. */
  handed<T extends AdrDocument | readonly AdrDocument[] | undefined>(found: T): T {
    this.reads |= READS.adrShapes;
    if (found === undefined) return found;
    for (const document of Array.isArray(found) ? (found as readonly AdrDocument[]) : [found as AdrDocument]) {
      if (document.uri === this.own) continue;
      if (!this.touched) this.touched = [document.uri];
      else if (!this.touched.includes(document.uri)) this.touched.push(document.uri);
    }
    return found;
  }
  get revision(): number {
    return this.snapshot.revision;
  }
  get folders(): readonly string[] {
    return this.snapshot.folders;
  }
  get config(): Config {
    return this.snapshot.config;
  }
  get documentFolders(): Folders {
    return this.snapshot.documentFolders;
  }
  get manifests(): ManifestModel {
    if (!this.elementMode) this.reads |= READS.manifest;
    return this.snapshot.manifests;
  }
  documents<K extends DocumentKind>(kind: K): readonly DocumentOfKind<K>[] {
    this.reads |= READS[kind];
    return this.snapshot.documents(kind);
  }
  document(uri: string): AnalysedDocument | undefined {
    const document = this.snapshot.document(uri);
    // Absent, it may appear (a file event); present, it may change or go (its kind, and existence, change).
    this.reads |= READS.files;
    if (document?.kind === 'adr') this.handed(document);
    else if (document) this.reads |= READS[document.kind];
    return document;
  }
  exists(uri: string): boolean {
    this.reads |= READS.files;
    return this.snapshot.exists(uri);
  }
  policies(uri: string): PolicySet {
    this.reads |= READS.config | READS.policies;
    return this.snapshot.policies(uri);
  }
  folderOf(uri: string): string | undefined {
    return this.snapshot.folderOf(uri);
  }
  resolveWorkspacePath(fromUri: string, path: string): string {
    return this.snapshot.resolveWorkspacePath(fromUri, path);
  }
}

/**
 * The ADR index as one rule run sees it. Questions about ids, names and relations depend on the ADRs' shapes, plus
 * the ADRs handed back; a whole collection or list is a read of every ADR's content.
 */
function trackedIndex(index: AdrIndex, run: ReadTracking): AdrIndex {
  const everything = () => (run.reads |= READS.adr);
  const shapes = () => (run.reads |= READS.adrShapes);
  return {
    all: () => (everything(), index.all()),
    collection: (uri) => (everything(), index.collection(uri)),
    resolve: (reference, fromUri) => run.handed(index.resolve(reference, fromUri)),
    get: (uri) => run.handed(index.get(uri)),
    numbered: (uri, number, prefix) => run.handed(index.numbered(uri, number, prefix)),
    referencesTo: (adr) => {
      const found = index.referencesTo(adr);
      run.handed(found.map((r) => r.from));
      return found;
    },
    relationsTo: (adr) => {
      const found = index.relationsTo(adr);
      run.handed(found.map((r) => r.from));
      return found;
    },
    collectionOf: (uri) => index.collectionOf(uri),
    collectionOmitsStatus: (uri) => (shapes(), index.collectionOmitsStatus(uri)),
    nextNumber: (collectionUri) => (shapes(), index.nextNumber(collectionUri)),
    collectionShapes: (uri) => (shapes(), index.collectionShapes(uri)),
    template: (uri) => run.handed(index.template(uri)),
  };
}

function keep(findings: Finding[], failure: RuleFailure | undefined, reads: number, revision: number, touched?: readonly string[]): RuleRun {
  return findings.length === 0 && !failure && !touched ? revision * RUN_BASE + reads : { findings, failure, reads, revision, touched };
}

function toFinding(rule: Rule, report: Report, severity: Severity): Finding {
  const place = (at: Place) => ({ uri: at.uri, range: at.lines.range(at.span) });
  return {
    ruleId: rule.meta.id,
    severity,
    message: report.message,
    ...place(report.at),
    span: report.at.span,
    related: report.related?.map((r) => ({ ...place(r.at), message: r.message })),
    tags: report.tags,
    fixes: report.fixes,
    element: report.element,
  };
}

function compareFindings(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || compareText(a.ruleId, b.ruleId);
}

/** Markdown nesting the engine reads; real documents stay under ten levels. */
const MAX_MARKDOWN_DEPTH = 200;

/**
 * A Markdown document nested deeper than MAX_MARKDOWN_DEPTH (lists by indentation, block quotes by `>`): the
 * Markdown parser's time grows with the square of the depth (2,000 levels: about 7 s), so it is not parsed.
 */
/**
 * The kind of a document outside every folder, by the editor's language: a manifest is one because the editor says
 * so (an untitled buffer has no name); Markdown and other YAML by their content, as anywhere.
 */
function looseKind(uri: string, text: string, languageId: string | undefined): DocumentKind | undefined {
  if (languageId === undefined) return undefined;
  if (languageId === 'archframe-manifest') return 'manifest';
  const name = uri.slice(uri.lastIndexOf('/') + 1).replace(/^.*:/, '') || 'untitled';
  if (languageId === 'markdown') return classify(/\.(md|markdown)$/i.test(name) ? name : `${name}.md`, text, documentFolders({}));
  if (languageId === 'yaml') {
    const kind = classify(/\.ya?ml$/i.test(name) ? name : `${name}.yaml`, text, documentFolders({}));
    return kind === 'catalog' ? kind : undefined;
  }
  return undefined;
}

function tooDeep(text: string): FileEntry['refusal'] {
  let line = 0;
  for (let start = 0; start < text.length; line++) {
    let i = start;
    let columns = 0;
    let quotes = 0;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 32) columns++;
      else if (c === 9) columns += 4;
      else if (c === 62 /* > */) quotes++;
      else break;
    }
    const depth = Math.floor(columns / 2) + quotes;
    const blank = i >= text.length || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13;
    if (depth > MAX_MARKDOWN_DEPTH && !blank) {
      return { ruleId: 'file-too-large', message: `Nested more than ${MAX_MARKDOWN_DEPTH} levels deep (lists or block quotes, line ${line + 1}): too deep to analyse; real documents need a few levels.` };
    }
    const next = text.indexOf('\n', i);
    start = next < 0 ? text.length : next + 1;
  }
  return undefined;
}

/** Where the first bytes that were not UTF-8 ended up (as U+FFFD), and what to do about it. */
/** A parser's problem as a finding; a near miss it names becomes the preferred fix, written over the problem's span. */
function problemFinding(problem: ParseProblem, uri: string, lines: LineIndex, severity: Severity): Finding {
  const range = lines.range(problem.span);
  const finding: Finding = { ruleId: problem.ruleId, severity, message: problem.message, uri, range, span: problem.span };
  if (problem.element !== undefined) finding.element = problem.element;
  if (problem.suggestion !== undefined) {
    finding.fixes = [{ title: `Change to '${problem.suggestion}'`, edits: [{ uri, range, newText: problem.suggestion }], isPreferred: true }];
  }
  return finding;
}

function encodingFinding(uri: string, text: string, lines: LineIndex, severity: Severity): Finding {
  const at = Math.max(0, text.indexOf('\uFFFD'));
  const span: Span = [at, Math.min(text.length, at + 1)];
  const { line } = lines.position(at);
  return {
    ruleId: 'file-encoding',
    severity,
    message: `This file is not valid UTF-8 (first at line ${line + 1}): those bytes read as '\uFFFD', so names and text there are not what you wrote. Save the file as UTF-8.`,
    uri,
    range: lines.range(span),
    span,
  };
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

