import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseManifest } from '../parse/manifest';
import { snippetFiles, TEMPLATES, type Template } from './index';
import { escapeSnippet, expandSnippet, parseSnippet, snippetStops, SNIPPET_VARIABLES } from './snippet';

const ROOT = join(__dirname, '../../../..');
const SPEC_MARKDOWN = ['adr', 'adr-nygard', 'adr-madr', 'runbook', 'runbook-issue', 'postmortem', 'incident-update', 'action-item'];
const SPEC_MANIFEST = ['component', 'dependency', 'datastore', 'channel', 'slo'];

describe('snippet syntax', () => {
  it('expands fields to their defaults, choices to their first option, mirrors to the field they repeat', () => {
    assert.equal(expandSnippet('${1:name}: ${2|a,b|} ${1} $3.$0'), 'name: a name .');
    assert.equal(expandSnippet('dl: ${2:${1}-dlq} of ${1:orders}'), 'dl: orders-dlq of orders');
  });

  it('reads escapes and resolves variables from what the caller gives', () => {
    assert.equal(expandSnippet('cost \\$5 \\} \\\\ ${1:a\\}b}'), 'cost $5 } \\ a}b');
    assert.equal(expandSnippet('$CURRENT_YEAR-${CURRENT_MONTH}-${UNKNOWN:x}', { CURRENT_YEAR: '2025', CURRENT_MONTH: '06' }), '2025-06-x');
    assert.equal(expandSnippet(escapeSnippet('a $1 {x} \\ y')), 'a $1 {x} \\ y');
  });

  it('reports unclosed fields and empty choices', () => {
    assert.deepEqual(parseSnippet('${1:open').errors.length, 1);
    assert.deepEqual(parseSnippet('${1|a,,b|}').errors.length, 1);
    assert.deepEqual(parseSnippet('${1|a,b').errors.length, 1);
    assert.deepEqual(parseSnippet('fine ${1:x} $0').errors, []);
  });
});

describe('snippet files', () => {
  const files = snippetFiles();

  it('are generated from the engine templates and committed up to date (npm run build regenerates them)', () => {
    for (const name of ['markdown.json', 'manifest.json'] as const) {
      const committed: unknown = JSON.parse(readFileSync(join(ROOT, 'snippets', name), 'utf8'));
      assert.deepEqual(committed, files[name], `snippets/${name} is stale: run npm run build`);
    }
  });

  it('are declared in package.json for Markdown and manifests', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { snippets?: { language: string; path: string }[] } };
    const declared = (pkg.contributes.snippets ?? []).map((s) => `${s.language} ${s.path}`).sort();
    assert.deepEqual(declared, ['archframe-manifest ./snippets/manifest.json', 'markdown ./snippets/markdown.json']);
  });

  it('hold every snippet of the spec, in the right file, with prefix, body and description', () => {
    const prefixes = (name: 'markdown.json' | 'manifest.json') => Object.values(files[name]).map((s) => s.prefix);
    assert.deepEqual(prefixes('markdown.json').sort(), [...SPEC_MARKDOWN].sort());
    assert.deepEqual(prefixes('manifest.json').sort(), [...SPEC_MANIFEST].sort());
    for (const entries of Object.values(files)) {
      for (const [name, entry] of Object.entries(entries)) {
        assert.ok(name.length > 0 && entry.prefix.length > 0, name);
        assert.ok(entry.body.length > 0 && entry.body.join('').trim().length > 0, `${name} has a body`);
        assert.ok(entry.description.length >= 40, `${name} has a description that says what it holds`);
      }
    }
  });

  for (const template of TEMPLATES) {
    it(`${template.id}: well-formed tab stops, numbered 1..n without gaps, each reachable, choices well-formed`, () => {
      const parsed = parseSnippet(template.body);
      assert.deepEqual(parsed.errors, []);
      const stops = snippetStops(parsed.nodes);
      const numbers = [...new Set(stops.map((s) => s.index).filter((n) => n > 0))].sort((a, b) => a - b);
      assert.ok(numbers.length > 0, 'has tab stops');
      assert.deepEqual(numbers, numbers.map((_, i) => i + 1), 'tab stops are numbered 1..n without gaps');
      for (const n of numbers) {
        // Reachable: a field (placeholder or choice) or a plain tab stop defines it at the top level or inside
        // a field the user passes through; a number defined only as a mirror would never get the cursor.
        assert.ok(stops.some((s) => s.index === n && s.depth <= 1), `$${n} is reachable`);
        const definitions = stops.filter((s) => s.index === n && s.type !== 'tabstop');
        assert.ok(definitions.length <= 1, `$${n} is defined once (mirrors repeat it with \${${n}})`);
      }
      assert.ok(stops.filter((s) => s.index === 0).length <= 1, 'at most one final $0');
      const walk = (nodes: typeof parsed.nodes): void => {
        for (const node of nodes) {
          if (node.type === 'choice') {
            assert.ok(node.options.length >= 2, `choice $${node.index} offers a choice`);
            assert.equal(new Set(node.options).size, node.options.length, `choice $${node.index} has no repeated option`);
            assert.ok(node.options.every((o) => o.trim() === o && o.length > 0), `choice $${node.index} options are trimmed words`);
          } else if (node.type === 'placeholder') walk(node.children);
          else if (node.type === 'variable') assert.ok((SNIPPET_VARIABLES as readonly string[]).includes(node.name), `$${node.name} is a variable the editor knows`);
        }
      };
      walk(parsed.nodes);
    });
  }

  it('offer the framework\'s vocabularies as choices: status words, severities, deployment strategies, consistency models', () => {
    const choices = (id: string) => {
      const out: string[][] = [];
      const walk = (nodes: ReturnType<typeof parseSnippet>['nodes']) => {
        for (const node of nodes) {
          if (node.type === 'choice') out.push(node.options);
          if (node.type === 'placeholder') walk(node.children);
        }
      };
      walk(parseSnippet(TEMPLATES.find((t) => t.id === id)!.body).nodes);
      return out;
    };
    assert.ok(choices('adr').some((c) => c.includes('Proposed') && c.includes('Accepted') && c.includes('Superseded')));
    assert.ok(choices('adr-madr').some((c) => c.includes('proposed') && c.includes('accepted')));
    assert.ok(choices('postmortem').some((c) => c.join() === 'SEV1,SEV2,SEV3,SEV4'));
    assert.ok(choices('incident-update').some((c) => c.join() === 'SEV1,SEV2,SEV3,SEV4'));
    assert.ok(choices('component').some((c) => c.includes('blue-green') && c.includes('canary') && c[0] !== 'recreate'));
    assert.ok(choices('datastore').some((c) => c.join() === 'strong,eventual,causal,session'));
    assert.ok(choices('channel').some((c) => c[0] === 'at-least-once' && c.includes('exactly-once')));
  });
});

/** A manifest with the expanded snippet put where it belongs, indented as the editor would. */
function placed(template: Template): string {
  const text = expandSnippet(template.body);
  const at = (spaces: number) => text.split('\n').map((line) => (line ? ' '.repeat(spaces) + line : line)).join('\n');
  const head = 'archframe: 1\nsystem: test\n';
  switch (template.host) {
    case 'components':
    case 'datastores':
    case 'channels':
      return `${head}${template.host}:\n${at(2)}`;
    case 'dependsOn':
      return `${head}components:\n  caller:\n    kind: service\n    dependsOn:\n${at(6)}`;
    case 'component':
      return `${head}components:\n  caller:\n    kind: service\n${at(4)}`;
    default:
      throw new Error(`${template.id} has no host`);
  }
}

describe('manifest snippets expanded with their defaults', () => {
  for (const template of TEMPLATES.filter((t) => t.language === 'manifest')) {
    it(`${template.id}: parses under ${template.host} without YAML or schema problems`, () => {
      const manifest = parseManifest('file:///w/architecture.yaml', placed(template));
      assert.deepEqual(manifest.problems.map((p) => `${p.ruleId}: ${p.message} (${manifest.text.slice(p.span[0], p.span[1])})`), []);
    });
  }

  const model = (id: string) => parseManifest('file:///w/architecture.yaml', placed(TEMPLATES.find((t) => t.id === id)!));

  it('component: owner, SLO, health check, runbook named after the component, a dependency with timeout, exponential backoff with jitter and a breaker', () => {
    const component = model('component').elements.components.get('component-name')?.value;
    assert.ok(component);
    assert.equal(component.owner, 'team-name');
    assert.equal(component.runbook, 'docs/runbooks/component-name.md');
    assert.deepEqual(component.slo, { availability: 99.9, latencyP99: '300ms', errorRate: 1 });
    assert.ok(component.observability?.healthCheck && component.observability.traces);
    assert.ok((component.replicas ?? 0) >= 2);
    assert.notEqual(component.deployment, 'recreate');
    const [dependency] = component.dependsOn ?? [];
    assert.ok(dependency && typeof dependency === 'object');
    assert.equal(dependency.timeout, '500ms');
    assert.deepEqual({ backoff: dependency.retry?.backoff, jitter: dependency.retry?.jitter }, { backoff: 'exponential', jitter: true });
    assert.ok(dependency.circuitBreaker?.failureThreshold);
  });

  it('datastore: owner, consistency, encryption at rest, 3-2-1 backups, RPO and RTO', () => {
    const store = model('datastore').elements.datastores.get('datastore-name')?.value;
    assert.ok(store);
    assert.equal(store.owner, 'owning-component');
    assert.equal(store.consistency, 'strong');
    assert.equal(store.encryption?.atRest, true);
    assert.deepEqual(store.backup, { copies: 3, media: 2, offsite: 1, schedule: 'daily' });
    assert.deepEqual([store.rpo, store.rto], ['15m', '1h']);
  });

  it('channel: a dead-letter channel named after it, delivery guarantee, outbox', () => {
    const channel = model('channel').elements.channels.get('channel-name')?.value;
    assert.ok(channel);
    assert.equal(channel.deadLetter, 'channel-name-dlq');
    assert.equal(channel.delivery, 'at-least-once');
    assert.equal(channel.outbox, true);
  });
});
