import { lineBefore } from '../lineContext';
import { entryById } from '../../knowledge';
import { sectionAt, visibleText, type MarkdownHeading } from '../../parse/markdown';
import type { PostmortemDocument, RunbookDocument } from '../../parse/operations';
import { issuePartSnippet, postmortemSectionSnippet, runbookIssueSnippet, runbookSectionSnippet, dependencyText } from '../../templates/operations';
import { SnippetBuilder } from '../../templates/snippet';
import type { Span } from '../../text/types';
import type { WorkspaceSnapshot } from '../../workspace/snapshot';
import type { Completion, Hover, DocumentFeatures } from '../types';
import { ISSUE_PARTS, POSTMORTEM_SECTIONS, RUNBOOK_SECTIONS, type IssuePart, type PostmortemSection, type RunbookSection } from '../../model/operations';
import { runbookComponent } from '../../workspace/runbooks';
import { BLAME_PATTERNS } from '../../knowledge/blamelessLanguage';

/**
 * Runbook- and postmortem-specific editor features; markdownFeatures merges
 * them with what all Markdown documents get (framework terms, manifest names).
 *
 * - Hover over a section heading, an issue part or a flagged phrase: what
 *   belongs there and why, from the framework (Part XXIV §3, Appendix D §2-3,
 *   Part XXVII §3), in our own words.
 * - Completion of the shape's section headings (with their template text),
 *   of issue parts, and of component names in a runbook's Dependencies.
 */

const RUNBOOK_HELP: Record<RunbookSection, string> = {
  Overview: 'What the service does, who owns it and how to reach them, and where its dashboards, logs and traces are: the first thing on-call reads.',
  Dependencies: 'What the service calls or reads. During an incident the first question is often whether the fault is here or in something it depends on. `runbook-drift` compares this list with the manifest\'s `dependsOn`.',
  'Common Issues': 'One `### Issue: <name>` per known problem, each with **Symptoms** (how it shows), **Diagnosis** (how to find the cause) and **Resolution** (how to restore service). `runbook-sections` checks each issue has all three.',
};

const PART_HELP: Record<IssuePart, string> = {
  Symptoms: 'How the problem shows: the alert that fires, the dashboard panel, what users report. Written so that on-call can recognise the issue quickly.',
  Diagnosis: 'How to tell the possible causes apart: the queries, traces and checks to run, in order.',
  Resolution: 'The steps that restore service, safest first. Mitigation comes before root-cause analysis (Part X §3, Incident Management).',
};

const POSTMORTEM_HELP: Record<PostmortemSection, string> = {
  Summary: 'What failed, for how long, and how service was restored, in a few sentences.',
  Impact: 'Who was affected and how much: users, failed requests, revenue, data, and how much of the error budget it used (Appendix D §1).',
  Timeline: 'The events in the order they happened, with timestamps: detection, triage, mitigation, resolution. `timeline-order` reports entries that go backwards.',
  'Root Cause': 'The conditions in the system that allowed the failure, and why no safeguard caught it. Systems, not people: ask "What allowed this to happen?"',
  'What Went Well': 'What helped: alerts that fired, tools and runbooks that worked. Worth keeping on purpose.',
  'What Went Poorly': 'What slowed detection or recovery, or made the impact larger.',
  'Action Items': 'What will change, each with an owner and a due date (Part XXVII §3); assigned within two weeks and tracked to completion (Appendix D §3). `action-item-owner` checks both.',
};

function sectionHover(heading: MarkdownHeading, title: string, text: string, reference: string): Hover {
  return { markdown: `**${title}** · ${reference}\n\n${text}`, span: heading.textSpan };
}

function inside(span: Span, offset: number): boolean {
  return offset >= span[0] && offset <= span[1];
}

function runbookHover(workspace: WorkspaceSnapshot, document: RunbookDocument, offset: number): Hover | undefined {
  if (document.title && inside(document.title.span, offset)) {
    const component = runbookComponent(workspace, document);
    const about = component
      ? `This runbook belongs to the component \`${component.name}\`${component.value?.owner ? ` (owner: ${component.value.owner})` : ''}; its Dependencies are compared with the manifest.`
      : 'No component of the manifests matches this runbook (by its `runbook:` path or by this title), so its Dependencies are not compared with a manifest.';
    return sectionHover(document.title, 'Runbook', `${entryById('runbook')?.summary ?? ''}\n\n${about}`.trim(), 'Part XXIV §3, Runbook Structure');
  }
  for (const name of RUNBOOK_SECTIONS) {
    const section = document.sections[name];
    if (!section || !inside(section.heading.span, offset)) continue;
    let text = RUNBOOK_HELP[name];
    if (name === 'Dependencies') {
      const component = runbookComponent(workspace, document);
      const edges = component ? workspace.manifests.dependenciesOf(component.name) : [];
      if (component) text += `\n\nThe manifest declares for \`${component.name}\`:\n\n${edges.length ? edges.map((e) => `- ${dependencyText(e.spec)}`).join('\n') : '- nothing'}`;
    }
    return sectionHover(section.heading, name, text, 'Part XXIV §3, Runbook Structure');
  }
  for (const issue of document.issues) {
    if (inside(issue.heading.span, offset)) {
      const missing = ISSUE_PARTS.filter((p) => !issue.parts[p]);
      const status = missing.length ? `Missing: ${missing.join(', ')}.` : 'Symptoms, Diagnosis and Resolution are all there.';
      return sectionHover(issue.heading, `Issue: ${issue.name}`, `${RUNBOOK_HELP['Common Issues']}\n\n${status}`, 'Part XXIV §3, Runbook Structure');
    }
    for (const part of ISSUE_PARTS) {
      const span = issue.parts[part];
      // The label is the start of the paragraph or the sub-heading: hover on its first word.
      if (span && offset >= span[0] && offset <= span[0] + part.length + 4) {
        return { markdown: `**${part}** · Part XXIV §3, Runbook Structure\n\n${PART_HELP[part]}`, span: [span[0], Math.min(span[1], span[0] + part.length + 4)] };
      }
    }
  }
  return undefined;
}

/** The blame phrase at an offset, as `blameless-language` finds it. */
function blameAt(document: PostmortemDocument, offset: number): { span: Span; phrase: string; why: string } | undefined {
  const paragraph = [...document.markdown.paragraphs.map((p) => p.span), ...document.markdown.headings.map((h) => h.textSpan)].find((s) => inside(s, offset));
  const cell = document.markdown.tables.flatMap((t) => [t.header, ...t.rows].flatMap((r) => r.cells.map((c) => c.span))).find((s) => inside(s, offset));
  const block = paragraph ?? cell;
  if (!block) return undefined;
  const text = visibleText(document.markdown, block);
  for (const { pattern, why } of BLAME_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const span: Span = [block[0] + match.index, block[0] + match.index + match[0].length];
      if (inside(span, offset)) return { span, phrase: match[0], why };
    }
  }
  return undefined;
}

function postmortemHover(document: PostmortemDocument, offset: number): Hover | undefined {
  const blame = blameAt(document, offset);
  if (blame) {
    const entry = entryById('blameless-postmortem');
    return {
      markdown: `**Blameless language** · ${entry?.reference ?? 'Appendix D §3, Blameless Culture'}\n\n'${blame.phrase}' ${blame.why}. A postmortem asks **"What allowed this to happen?"**, not "Who caused this?": the useful findings are the missing check, the misleading signal, the step that made the mistake easy. Blame also teaches people to hide mistakes, and then nothing is learnt.`,
      span: blame.span,
    };
  }
  if (document.title && inside(document.title.span, offset)) {
    const missing = POSTMORTEM_SECTIONS.filter((s) => !document.sections[s]);
    return sectionHover(document.title, 'Postmortem', `${entryById('postmortem')?.summary ?? ''}\n\n${missing.length ? `Missing sections: ${missing.join(', ')}.` : 'All seven sections are there.'}`.trim(), 'Appendix D §3, Postmortem Process');
  }
  for (const name of POSTMORTEM_SECTIONS) {
    const section = document.sections[name];
    if (section && inside(section.heading.span, offset)) return sectionHover(section.heading, name, POSTMORTEM_HELP[name], 'Appendix D §3, Postmortem Process');
  }
  return undefined;
}

// ------------------------------------------------------------------ completion

function headingCompletions<N extends string>(names: readonly N[], present: Partial<Record<N, unknown>>, body: (b: SnippetBuilder, name: N) => string, help: Record<N, string>, replace: Span, level: number): Completion[] {
  return names
    .filter((name) => !present[name])
    .map((name, i) => {
      const b = new SnippetBuilder();
      return {
        label: `${'#'.repeat(level)} ${name}`,
        kind: 'snippet' as const,
        detail: 'section of the template',
        documentation: help[name],
        insertText: `${'#'.repeat(level)} ${name}\n\n${body(b, name)}\n$0`,
        snippet: true,
        replace,
        sortText: String(i).padStart(2, '0'),
        filterText: `${'#'.repeat(level)} ${name}`,
      };
    });
}

function runbookCompletions(workspace: WorkspaceSnapshot, document: RunbookDocument, offset: number): Completion[] {
  const line = lineBefore(document.text, offset);
  const replace: Span = [line.start, offset];
  const heading = /^(#{1,3})\s*[\w ]*$/.exec(line.text);
  if (heading) {
    const level = heading[1].length;
    if (level === 3) {
      const b = new SnippetBuilder();
      return [{ label: '### Issue: …', kind: 'snippet', detail: 'a common issue with Symptoms, Diagnosis and Resolution', documentation: RUNBOOK_HELP['Common Issues'], insertText: `${runbookIssueSnippet(b)}\n$0`, snippet: true, replace, filterText: '### Issue' }];
    }
    return headingCompletions(RUNBOOK_SECTIONS, document.sections, (b, name) => runbookSectionSnippet(b, name), RUNBOOK_HELP, replace, 2);
  }
  const section = sectionAt(document.markdown, offset);
  const issue = document.issues.find((i) => i.section === section || (section && i.section.children.includes(section)));
  if (issue && /^\**[A-Za-z]*$/.test(line.text)) {
    return ISSUE_PARTS.filter((p) => !issue.parts[p]).map((part, i) => {
      const b = new SnippetBuilder();
      return { label: `**${part}:**`, kind: 'snippet', detail: `issue part (Part XXIV §3)`, documentation: PART_HELP[part], insertText: `${issuePartSnippet(b, part)}\n$0`, snippet: true, replace, sortText: String(i), filterText: `**${part}` };
    });
  }
  const item = /^(\s*[-*+]\s+)(\S*)$/.exec(line.text);
  if (item && section && section === document.sections.Dependencies) {
    const component = runbookComponent(workspace, document);
    const declared = component ? workspace.manifests.dependenciesOf(component.name) : [];
    const listed = new Set(document.dependencies.map((d) => d.name.text.toLowerCase()));
    const out: Completion[] = [];
    const wordStart = line.start + item[1].length;
    for (const edge of declared) {
      if (listed.has(edge.spec.target)) continue;
      out.push({ label: edge.spec.target, kind: 'reference', detail: `declared in ${component!.name}'s dependsOn`, insertText: dependencyText(edge.spec), replace: [wordStart, offset], sortText: `0${edge.spec.target}` });
    }
    for (const element of workspace.manifests.allElements()) {
      if (element.section === 'teams' || element.name === component?.name || declared.some((e) => e.spec.target === element.name) || listed.has(element.name)) continue;
      out.push({ label: element.name, kind: 'reference', detail: `${element.section.replace(/s$/, '')} (not in ${component ? `${component.name}'s dependsOn` : 'a dependsOn of this runbook\'s component'})`, insertText: element.name, replace: [wordStart, offset], sortText: `1${element.name}` });
    }
    return out;
  }
  return [];
}

function postmortemCompletions(document: PostmortemDocument, offset: number): Completion[] {
  const line = lineBefore(document.text, offset);
  const heading = /^(#{1,2})\s*[\w ']*$/.exec(line.text);
  if (!heading) return [];
  return headingCompletions(POSTMORTEM_SECTIONS, document.sections, (b, name) => postmortemSectionSnippet(b, name), POSTMORTEM_HELP, [line.start, offset], 2);
}

export const operationsFeatures: DocumentFeatures<RunbookDocument | PostmortemDocument> = {
  hover(workspace, document, offset) {
    return document.kind === 'runbook' ? runbookHover(workspace, document, offset) : postmortemHover(document, offset);
  },
  completions(workspace, document, offset) {
    return document.kind === 'runbook' ? runbookCompletions(workspace, document, offset) : postmortemCompletions(document, offset);
  },
};
