/// <reference types="mocha" />
// Runs one mocha suite inside the extension host and records its outcome.
// Both hosts (desktop VS Code through @vscode/test-electron, and the web
// workbench of code-server) load the bundled entry as CommonJS and call its
// `run(): Promise<void>`; a rejected promise means "tests failed".
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

/**
 * The results file, beside the bundle: `.e2e/results/<name>.log`. The runners
 * print it, whatever the host does with the extension host's console.
 */
function resultsFile(name: string): string {
  const folder = join(__dirname, '..', 'results');
  mkdirSync(folder, { recursive: true });
  return join(folder, `${name}.log`);
}

/** A plain reporter: one line per case, then `e2e <name>: N passed, N failed`. */
function reporterFor(name: string, file: string): typeof Mocha.reporters.Base {
  return class LineReporter extends Mocha.reporters.Base {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
      super(runner, options);
      const out = (line: string) => {
        console.log(line);
        appendFileSync(file, line + '\n');
      };
      let passed = 0;
      let failed = 0;
      runner.on('pass', (test) => {
        passed++;
        out(`  ✔ ${test.fullTitle()} (${test.duration ?? 0} ms)`);
      });
      runner.on('fail', (test, error: Error) => {
        failed++;
        out(`  ✘ ${test.fullTitle()}\n      ${String(error?.message ?? error).split('\n').join('\n      ')}`);
      });
      runner.once('end', () => out(`e2e ${name}: ${passed} passed, ${failed} failed`));
    }
  };
}

export async function runMocha(name: string, register: () => void): Promise<void> {
  const file = resultsFile(name);
  writeFileSync(file, '');
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: reporterFor(name, file) });
  // The cases are bundled with this file: give them mocha's globals (describe,
  // it, before...) the way mocha does for each file it loads itself.
  mocha.suite.emit('pre-require', globalThis, name, mocha);
  register();
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} e2e case(s) failed in '${name}'`);
}
