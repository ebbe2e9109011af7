import * as fs from 'node:fs';
import * as path from 'node:path';
import { adrCollections, planAdrIndex } from '../../engine/commands/adrIndexPage';
import { applyEdits } from '../../engine/fixes/yamlEdits';
import { fileUri, fsPathOf, isInside } from '../../engine/text/uri';
import { defineCommand } from '../command';
import { UsageError } from '../io';
import { replaceFile } from '../replaceFile';
import { display, load } from '../workspace';
import { writeNewFile } from '../writeNewFile';

const USAGE = `Usage: archframe adr index [options] [folders…]

Writes the index of each ADR collection under the folders (default: the
current folder) into the collection's README.md: a table of its ADRs
(number, title, status, date, links) and a Mermaid graph of the decisions
that supersede, amend or refer to one another. Only the text between

  <!-- archframe:adr-index:start -->
  <!-- archframe:adr-index:end -->

is written, each file atomically; a README without these markers is left
alone (add them where the index should go), and a collection without a
README gets a new one. The rule adr-index reports an index that is out of date.

Options:
      --check  write nothing; exit 1 when an index is out of date
  -h, --help   this help

Exit code: 0 written or up to date, 1 (--check) an index is out of date,
2 bad usage, or a README whose markers are missing or malformed (nothing is
written to it).`;

export const adr = defineCommand({
  name: 'adr',
  summary: "Write each ADR collection's index (table and decision graph) into its README.",
  usage: USAGE,
  options: {
    check: { type: 'boolean' },
  },
  run({ values, positionals, io }) {
    const [action, ...paths] = positionals;
    if (action !== 'index') throw new UsageError(action === undefined ? "name what to do: 'archframe adr index'." : `unknown adr command '${action}': the only one is 'archframe adr index'.`);
    const named = (paths.length > 0 ? paths : ['.']).map((given) => {
      const folder = path.resolve(io.cwd, given);
      if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new UsageError(`not a folder: ${given}`);
      return folder;
    });
    // Inside the current folder, it is the workspace (its .archframe.yaml, its ADR folders); elsewhere each folder is.
    const inside = named.every((folder) => folder === io.cwd || folder.startsWith(io.cwd + path.sep));
    const folders = inside ? [io.cwd] : named;
    const { engine } = load({ folders, scopeFolders: [], scopeFiles: [] }, io.cwd);
    const workspace = engine.snapshot();
    const scope = named.map(fileUri);
    const roots = named.map((folder) => fs.realpathSync(folder));
    const collections = adrCollections(workspace).filter((collection) => scope.some((folder) => collection === folder || isInside(folder, collection)));
    if (collections.length === 0) {
      io.stderr(`archframe adr index: no ADRs under ${named.map((f) => display(f, io.cwd)).join(', ')}: nothing to index.\n`);
      return 0;
    }
    let refused = 0;
    let outdated = 0;
    const pages = new Set(workspace.documents('adr-index').map((page) => page.uri.slice(0, page.uri.lastIndexOf('/'))));
    for (const collection of collections) {
      // In --check, only the collections that keep an index are checked.
      if (values.check && !pages.has(collection)) continue;
      const plan = planAdrIndex(workspace, collection);
      const where = display(fsPathOf(collection), io.cwd);
      if (!plan.ok) {
        refused++;
        io.stderr(`archframe adr index: ${plan.message}\n`);
        continue;
      }
      const target = plan.file ?? (plan.edits.length > 0 ? { uri: plan.edits[0].uri } : undefined);
      if (!target) {
        if (!values.check) io.stderr(`archframe adr index: ${where}: up to date.\n`);
        continue;
      }
      const file = fsPathOf(target.uri);
      if (values.check) {
        outdated++;
        io.stderr(`archframe adr index: ${display(file, io.cwd)} is out of date: run 'archframe adr index'.\n`);
        continue;
      }
      try {
        // Only inside the folders named (their real paths: no link leads the write elsewhere).
        const real = fs.realpathSync(path.dirname(file));
        if (!roots.some((root) => real === root || real.startsWith(root + path.sep))) throw new Error(`${display(path.dirname(file), io.cwd)} lies outside the folders named`);
        if (plan.file) writeNewFile(file, plan.file.text);
        else {
          const page = workspace.document(target.uri)!;
          replaceFile(file, page.text, applyEdits(page.text, page.lines, plan.edits));
        }
      } catch (error) {
        refused++;
        const code = (error as NodeJS.ErrnoException).code;
        io.stderr(`archframe adr index: cannot write ${display(file, io.cwd)}: ${code === 'EEXIST' ? 'it appeared meanwhile' : (error as Error).message}; nothing written to it.\n`);
        continue;
      }
      const count = workspace.adrs.collection(target.uri).length;
      io.stderr(`archframe adr index: ${plan.file ? 'wrote' : 'updated'} ${display(file, io.cwd)} (${count} ADR${count === 1 ? '' : 's'}).\n`);
    }
    return refused > 0 ? 2 : outdated > 0 ? 1 : 0;
  },
});
