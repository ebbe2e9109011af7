import { adrSnippet } from './adr';
import { channelSnippet, componentSnippet, datastoreSnippet, dependencySnippet, sloSnippet, type ManifestSnippetHost } from './manifest';
import { actionItemSnippet, incidentUpdateSnippet, postmortemSnippet, runbookIssueSnippet, runbookSnippet } from './operations';
import { SnippetBuilder } from './snippet';

/**
 * Every template archframe offers, in one list: the snippet files
 * (`snippets/*.json`, generated from this list by the build), the Insert
 * Template command and completion all read it.
 */

/** The kinds of file a template fits. `markdown` is a Markdown file archframe does not otherwise recognise. */
export type TemplateTarget = 'adr' | 'runbook' | 'postmortem' | 'markdown' | 'manifest';

export interface Template {
  /** The snippet prefix, typed to trigger it. */
  id: string;
  /** Shown in the quick pick and as the snippet's name. */
  label: string;
  description: string;
  language: 'markdown' | 'manifest';
  /** Files it belongs in; Insert Template offers it there. */
  fits: readonly TemplateTarget[];
  /** A whole document, rather than a part of one. */
  wholeFile?: boolean;
  /** For manifest snippets: where the text goes. */
  host?: ManifestSnippetHost;
  /** Snippet syntax. */
  body: string;
}

function part(write: (b: SnippetBuilder) => string): string {
  return write(new SnippetBuilder()) + '\n$0';
}

export const TEMPLATES: readonly Template[] = [
  {
    id: 'adr',
    label: 'ADR (framework format)',
    description: 'Architecture decision record in the framework\'s format (Part XIV §1): ADR-NNN title, Status, Context, Decision, Consequences with Positive and Negative items.',
    language: 'markdown',
    fits: ['adr', 'markdown'],
    wholeFile: true,
    body: adrSnippet('framework'),
  },
  {
    id: 'adr-nygard',
    label: 'ADR (Nygard / adr-tools)',
    description: 'Architecture decision record in Michael Nygard\'s format, as adr-tools writes it: "N. Title", Date, Status, Context, Decision, Consequences.',
    language: 'markdown',
    fits: ['adr', 'markdown'],
    wholeFile: true,
    body: adrSnippet('nygard'),
  },
  {
    id: 'adr-madr',
    label: 'ADR (MADR)',
    description: 'Markdown Architectural Decision Record (MADR 4): front matter, Context and Problem Statement, Decision Drivers, Considered Options, Decision Outcome, Pros and Cons.',
    language: 'markdown',
    fits: ['adr', 'markdown'],
    wholeFile: true,
    body: adrSnippet('madr'),
  },
  {
    id: 'runbook',
    label: 'Runbook',
    description: 'Service runbook (Part XXIV §3): Overview, Dependencies, and Common Issues, each with Symptoms, Diagnosis and Resolution.',
    language: 'markdown',
    fits: ['runbook', 'markdown'],
    wholeFile: true,
    body: runbookSnippet(),
  },
  {
    id: 'runbook-issue',
    label: 'Runbook issue',
    description: 'One entry of a runbook\'s Common Issues: "### Issue: name" with Symptoms, Diagnosis and Resolution (Part XXIV §3).',
    language: 'markdown',
    fits: ['runbook', 'markdown'],
    body: part((b) => runbookIssueSnippet(b)),
  },
  {
    id: 'postmortem',
    label: 'Postmortem',
    description: 'Blameless postmortem (Appendix D §3): Summary, Impact, Timeline, Root Cause, What Went Well, What Went Poorly, and Action Items with owner and due date.',
    language: 'markdown',
    fits: ['postmortem', 'markdown'],
    wholeFile: true,
    body: postmortemSnippet(),
  },
  {
    id: 'incident-update',
    label: 'Incident status update',
    description: 'Incident communication (Appendix D §2): service and state, severity SEV1-SEV4, impact, start time, current status, time of the next update.',
    language: 'markdown',
    fits: ['runbook', 'postmortem', 'markdown'],
    body: incidentUpdateSnippet(),
  },
  {
    id: 'action-item',
    label: 'Postmortem action item',
    description: 'A row of a postmortem\'s Action Items table: the action, its owner and its due date (Part XXVII §3: action items have owners and deadlines).',
    language: 'markdown',
    fits: ['postmortem', 'markdown'],
    body: part((b) => actionItemSnippet(b)),
  },
  {
    id: 'component',
    label: 'Component',
    description: 'A component (under components:) with one owner, replicas, a safe deployment strategy, authentication, observability, an SLO, a runbook and a dependency with timeout, retries (exponential backoff, jitter) and a circuit breaker.',
    language: 'manifest',
    fits: ['manifest'],
    host: 'components',
    body: componentSnippet(),
  },
  {
    id: 'dependency',
    label: 'Dependency',
    description: 'An item of dependsOn: a synchronous call with a timeout, retries with exponential backoff and jitter (Part VII §2) and a circuit breaker.',
    language: 'manifest',
    fits: ['manifest'],
    host: 'dependsOn',
    body: part((b) => dependencySnippet(b)),
  },
  {
    id: 'datastore',
    label: 'Datastore',
    description: 'A datastore (under datastores:) with its owning component, consistency model (Part V §2), classification, encryption at rest, replication, 3-2-1 backups and RPO/RTO (Part XXIII §2).',
    language: 'manifest',
    fits: ['manifest'],
    host: 'datastores',
    body: datastoreSnippet(),
  },
  {
    id: 'channel',
    label: 'Channel',
    description: 'A queue, topic or stream (under channels:) with its delivery guarantee, ordering, a dead-letter channel and a transactional outbox for producers.',
    language: 'manifest',
    fits: ['manifest'],
    host: 'channels',
    body: channelSnippet(),
  },
  {
    id: 'slo',
    label: 'SLO',
    description: 'A component\'s service level objectives (Appendix D §1): availability, P99 latency and error rate.',
    language: 'manifest',
    fits: ['manifest'],
    host: 'component',
    body: part((b) => sloSnippet(b)),
  },
];

export function templateById(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/** The templates that fit a file, whole-document ones last when the file already has content. */
export function templatesFor(target: TemplateTarget, options: { empty?: boolean } = {}): Template[] {
  const fitting = TEMPLATES.filter((t) => t.fits.includes(target));
  if (options.empty) return fitting;
  return [...fitting.filter((t) => !t.wholeFile), ...fitting.filter((t) => t.wholeFile)];
}

interface SnippetFileEntry {
  prefix: string;
  body: string[];
  description: string;
  isFileTemplate?: boolean;
}

/**
 * The contents of `snippets/markdown.json` and `snippets/manifest.json`
 * (VS Code's snippet format), keyed by file name. The build writes them; a
 * test checks the committed files are current.
 */
export function snippetFiles(): Record<'markdown.json' | 'manifest.json', Record<string, SnippetFileEntry>> {
  const file = (language: Template['language']) =>
    Object.fromEntries(
      TEMPLATES.filter((t) => t.language === language).map((t) => [
        t.label,
        { prefix: t.id, body: t.body.split('\n'), description: t.description, ...(t.wholeFile ? { isFileTemplate: true } : {}) },
      ]),
    );
  return { 'markdown.json': file('markdown'), 'manifest.json': file('manifest') };
}
