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

  it('the benchmark starts the server with the Node options the client uses', () => {
    const options = (file: string, name: string) => {
      const match = new RegExp(`const ${name} = (\\[[^\\]]*\\])`).exec(readFileSync(join(ROOT, file), 'utf8'));
      assert.ok(match, `${name} in ${file}`);
      return JSON.parse(match[1].replace(/'/g, '"')) as string[];
    };
    const client = options('client/src/extension.ts', 'SERVER_NODE_OPTIONS');
    assert.ok(client.length > 0);
    assert.deepEqual(options('scripts/bench/run.ts', 'CLIENT_EXEC_ARGV'), client);
  });
});
