import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = resolve(__dirname, '..');

function sources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = join(directory, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('architecture invariants (ARCHITECTURE.md)', () => {
  it('the import rules of ARCHITECTURE.md hold: layers, no cycles, pure engine, one protocol (dependency-cruiser, no exceptions)', () => {
    const depcruise = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
    const result = spawnSync(process.execPath, [depcruise, '--config', '.dependency-cruiser.cjs', '--output-type', 'json', 'server/src', 'client/src'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.equal(result.error, undefined);
    const report = JSON.parse(result.stdout) as { summary: { violations: { rule: { name: string }; from: string; to: string }[]; totalCruised: number; optionsUsed: Record<string, unknown> } };
    assert.deepEqual(report.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`), []);
    // It looked at the code (a wrong path would find nothing and pass), and no rule was waived.
    assert.ok(report.summary.totalCruised > 200, `${report.summary.totalCruised} modules cruised`);
    const config = readFileSync(join(ROOT, '.dependency-cruiser.cjs'), 'utf8');
    assert.doesNotMatch(config, /\ballowed\b|severity: '(warn|info|ignore)'/);
  });

  it('the engine uses neither the process nor the console', () => {
    const processUse = sources(join(ROOT, 'server/src/engine')).filter((file) => /\bprocess\.|\bconsole\./.test(readFileSync(file, 'utf8')));
    assert.deepEqual(processUse.map((f) => relative(ROOT, f)), []);
  });

  it('the benchmark starts the server with the options and environment the client uses, from one module', () => {
    // test/client/launch.test.ts checks what the client passes; this, that the benchmark reads the same module.
    const source = readFileSync(join(ROOT, 'scripts/bench/run.ts'), 'utf8');
    assert.match(source, /import \{[^}]*\bSERVER_NODE_OPTIONS\b[^}]*\bserverEnvironment\b[^}]*\} from '\.\.\/\.\.\/client\/src\/serverProcess'/);
    assert.match(source, /\[\.\.\.SERVER_NODE_OPTIONS,[\s\S]{0,300}serverEnvironment\(\)/);
  });
});
