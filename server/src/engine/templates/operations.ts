import { ISSUE_PARTS, POSTMORTEM_SECTIONS, RUNBOOK_SECTIONS, type IssuePart, type PostmortemSection, type RunbookSection } from '../model/operations';
import { dateSnippet, SnippetBuilder } from './snippet';

/**
 * Runbook (Part XXIV §3), postmortem (Appendix D §3, Part XXVII §3) and
 * incident-communication (Appendix D §2) templates. Each template is written
 * once, in snippet syntax; a fill replaces fields by known values (the New
 * Runbook command fills it from the manifest), and `expandSnippet` turns what
 * is left into plain text for files and quick fixes.
 */

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;

// ---------------------------------------------------------------- runbooks

export interface RunbookIssueFill {
  name: string;
  symptoms?: string;
  /** Steps, written as a numbered list. */
  diagnosis?: string[];
  resolution?: string[];
}

export interface RunbookFill {
  /** The service's display name, as in `# <name>: Runbook`. */
  name?: string;
  overview?: string;
  /** Texts of the Dependencies list items. */
  dependencies?: string[];
  issues?: RunbookIssueFill[];
}

const GUIDANCE = {
  overview: 'What the service does, which team owns it and how to reach its on-call, where its dashboards, logs and traces are.',
  dependency: 'component',
  symptoms: 'What on-call sees first: the alert that fires, the dashboard panel, what users report.',
  diagnosis: 'First check: the dashboard or query that tells the likely causes apart.',
  resolution: 'The steps that restore service, safest first.',
  issue: 'High latency',
} as const;

/** A dependency line as runbooks list it: `catalog (http, 300ms timeout)`. */
export function dependencyText(dependency: { target: string; via?: string; timeout?: string; fallback?: string; access?: string }): string {
  const details = [dependency.via, dependency.access && dependency.access !== 'read-write' ? dependency.access : undefined, dependency.timeout && `${dependency.timeout} timeout`].filter(Boolean);
  const fallback = dependency.fallback ? `; fallback: ${dependency.fallback}` : '';
  return details.length > 0 || fallback ? `${dependency.target} (${details.join(', ')}${fallback})`.replace('(; ', '(') : dependency.target;
}

function steps(b: SnippetBuilder, given: readonly string[] | undefined, fallback: string): string {
  if (given && given.length > 0) return given.map((step, i) => `${i + 1}. ${b.text(step)}`).join('\n');
  return `1. ${b.field(fallback)}`;
}

/** The body of one issue part: `**Symptoms:** text`, or a label with numbered steps. */
export function issuePartSnippet(b: SnippetBuilder, part: IssuePart, fill?: RunbookIssueFill): string {
  switch (part) {
    case 'Symptoms':
      return `**Symptoms:** ${b.value(fill?.symptoms, GUIDANCE.symptoms)}`;
    case 'Diagnosis':
      return `**Diagnosis:**\n\n${steps(b, fill?.diagnosis, GUIDANCE.diagnosis)}`;
    case 'Resolution':
      return `**Resolution:**\n\n${steps(b, fill?.resolution, GUIDANCE.resolution)}`;
  }
}

export function runbookIssueSnippet(b: SnippetBuilder, fill?: RunbookIssueFill): string {
  return [`### Issue: ${b.value(fill?.name, GUIDANCE.issue)}`, ...ISSUE_PARTS.map((part) => issuePartSnippet(b, part, fill))].join('\n\n');
}

/** The body of a runbook section (what follows its heading). */
export function runbookSectionSnippet(b: SnippetBuilder, section: RunbookSection, fill: RunbookFill = {}): string {
  switch (section) {
    case 'Overview':
      return b.value(fill.overview, GUIDANCE.overview);
    case 'Dependencies':
      if (fill.dependencies) return fill.dependencies.length > 0 ? fill.dependencies.map((d) => `- ${b.text(d)}`).join('\n') : b.text('None.');
      return `- ${b.field(GUIDANCE.dependency)} (${b.choice(['http', 'grpc', 'graphql', 'database', 'event', 'queue'])}, ${b.field('300ms')} timeout)`;
    case 'Common Issues': {
      const issues = fill.issues && fill.issues.length > 0 ? fill.issues : [undefined];
      return issues.map((issue) => runbookIssueSnippet(b, issue)).join('\n\n');
    }
  }
}

export function runbookSnippet(fill: RunbookFill = {}): string {
  const b = new SnippetBuilder();
  const title = `# ${b.value(fill.name, 'Service Name')}: Runbook`;
  const sections = RUNBOOK_SECTIONS.map((section) => `## ${section}\n\n${runbookSectionSnippet(b, section, fill)}`);
  return [title, ...sections].join('\n\n') + '\n$0';
}

// ------------------------------------------------------------- postmortems

export interface PostmortemFill {
  title?: string;
  /** `YYYY-MM-DD`; the editor's date variables otherwise. */
  date?: string;
  severity?: string;
}

/** The body of a postmortem section (what follows its heading). */
export function postmortemSectionSnippet(b: SnippetBuilder, section: PostmortemSection): string {
  switch (section) {
    case 'Summary':
      return b.field('What failed, for how long, and how service was restored, in two or three sentences.');
    case 'Impact':
      return b.field('Who was affected and how much: users, failed requests, revenue, data; how much of the error budget it used.');
    case 'Timeline':
      return [
        'All times UTC.',
        '',
        `- ${b.field('HH:MM')} Detection: ${b.field('how the incident was noticed (alert, customer report).')}`,
        `- ${b.field('HH:MM')} Mitigation: ${b.field('what restored service.')}`,
        `- ${b.field('HH:MM')} Resolution: ${b.field('the underlying problem is fixed.')}`,
      ].join('\n');
    case 'Root Cause':
      return b.field('The conditions in the system that allowed this to happen, and why no safeguard caught it in time.');
    case 'What Went Well':
      return `- ${b.field('What helped: alerts, tools, runbooks, people working together.')}`;
    case 'What Went Poorly':
      return `- ${b.field('What slowed detection or recovery.')}`;
    case 'Action Items':
      return ['| Action | Owner | Due |', '|---|---|---|', actionItemSnippet(b)].join('\n');
  }
}

/** A row of the Action Items table. */
export function actionItemSnippet(b: SnippetBuilder): string {
  return `| ${b.field('What will prevent this or shorten it next time')} | ${b.field('@owner')} | ${b.field('YYYY-MM-DD')} |`;
}

export function postmortemSnippet(fill: PostmortemFill = {}): string {
  const b = new SnippetBuilder();
  const head = [
    `# ${b.value(fill.title, 'Incident title')}`,
    '',
    `- Date: ${dateSnippet(fill.date)}`,
    `- Severity: ${fill.severity !== undefined ? b.text(fill.severity) : b.choice(SEVERITIES)}`,
    `- Status: ${b.choice(['Draft', 'In review', 'Final'])}`,
  ].join('\n');
  const sections = POSTMORTEM_SECTIONS.map((section) => `## ${section}\n\n${postmortemSectionSnippet(b, section)}`);
  return [head, ...sections].join('\n\n') + '\n$0';
}

/** The status update of Appendix D §2, in a text block to paste into chat or a status page. */
export function incidentUpdateSnippet(): string {
  const b = new SnippetBuilder();
  return [
    '```text',
    `[INCIDENT] ${b.field('Service')} ${b.choice(['degraded', 'down', 'recovering', 'resolved'])}`,
    '',
    `Severity: ${b.choice(SEVERITIES)}`,
    `Impact: ${b.field('10% of requests failing')}`,
    `Start time: ${b.field('HH:MM')} UTC`,
    `Current status: ${b.choice(['Investigating', 'Identified', 'Mitigating', 'Monitoring', 'Resolved'])}`,
    '',
    `Next update: ${b.field('HH:MM')} UTC`,
    '```',
    '$0',
  ].join('\n');
}
