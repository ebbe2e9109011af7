import { engineFor } from './test/helpers/engine';
function time(label: string, files: Record<string, string>, path: string) {
  const t = performance.now();
  const engine = engineFor(files);
  engine.findingsFor('file:///workspace/' + path);
  console.log(label, Math.round(performance.now() - t), 'ms');
}
for (const n of [1500, 3000, 6000]) {
  const line = 'superseded by [x](y) '.repeat(Math.ceil(n / 21)).slice(0, n);
  time(`status line ${n}`, { 'docs/adr/0001-x.md': `# 1. X\n\n## Status\n\n${line}\n\n## Context\n\nc\n` }, 'docs/adr/0001-x.md');
}
for (const n of [12500, 25000, 50000]) {
  const prose = 'word '.repeat(n / 5) + 'supersedes ADR-1';
  time(`prose ${n}`, { 'docs/adr/0002-x.md': `# 2. X\n\n## Status\n\nAccepted\n\n## Context\n\n${prose}\n` }, 'docs/adr/0002-x.md');
}
