import assert from 'node:assert/strict';
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

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm), ...text.matchAll(/require\(['"]([^'"]+)['"]\)/g)].map((m) => m[1]);
}

describe('architecture invariants (ARCHITECTURE.md)', () => {
  it('the engine imports nothing from VS Code, the LSP libraries, the file system or the process', () => {
    const forbidden = /^(vscode|vscode-languageserver.*|vscode-languageclient.*|vscode-jsonrpc|node:.*|fs|path|child_process|os)$/;
    const offenders = sources(join(ROOT, 'server/src/engine')).flatMap((file) =>
      imports(file)
        .filter((m) => forbidden.test(m))
        .map((m) => `${relative(ROOT, file)} imports ${m}`),
    );
    assert.deepEqual(offenders, []);
    const processUse = sources(join(ROOT, 'server/src/engine')).filter((file) => /\bprocess\.|\bconsole\./.test(readFileSync(file, 'utf8')));
    assert.deepEqual(processUse.map((f) => relative(ROOT, f)), []);
  });

  it('only the lsp adapter imports vscode-languageserver; only the client imports vscode', () => {
    const offenders: string[] = [];
    for (const file of [...sources(join(ROOT, 'server/src')), ...sources(join(ROOT, 'client/src'))]) {
      const where = relative(ROOT, file);
      for (const m of imports(file)) {
        if (/^vscode-languageserver/.test(m) && !where.startsWith('server/src/lsp/')) offenders.push(`${where} imports ${m}`);
        if (m === 'vscode' && !where.startsWith('client/')) offenders.push(`${where} imports ${m}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('the benchmark starts the server with the options and environment the client uses, from one module', () => {
    // test/client/launch.test.ts checks what the client passes; this, that the benchmark reads the same module.
    const source = readFileSync(join(ROOT, 'scripts/bench/run.ts'), 'utf8');
    assert.match(source, /import \{[^}]*\bSERVER_NODE_OPTIONS\b[^}]*\bserverEnvironment\b[^}]*\} from '\.\.\/\.\.\/client\/src\/serverProcess'/);
    assert.match(source, /\[\.\.\.SERVER_NODE_OPTIONS,[\s\S]{0,300}serverEnvironment\(\)/);
  });
});
