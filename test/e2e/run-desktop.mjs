// npm run test:e2e — the e2e suite in desktop VS Code through
// @vscode/test-electron, which downloads VS Code 1.100.3 (the version the
// offline runner serves) into .e2e/vscode-test on first use. Where that
// service cannot be reached it says so within seconds and exits 2: use
// `npm run test:e2e:offline` there. On Linux without a display it starts
// Xvfb when installed.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { e2eDir, log, prepare, readResults, root, runDir, USER_SETTINGS } from './prepare.mjs';

const VERSION = process.env.E2E_VSCODE_VERSION ?? '1.100.3';
// An idle timeout for each request, and a bound on the whole download.
const REQUEST_TIMEOUT_MS = 10_000;
const DOWNLOAD_TIMEOUT_MS = Number(process.env.E2E_DOWNLOAD_TIMEOUT_MS ?? 900_000);

function within(ms, promise, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms))),
  ]);
}

const started = Date.now();
let executable = process.env.E2E_VSCODE_EXECUTABLE;
if (!executable) {
  try {
    executable = await within(
      DOWNLOAD_TIMEOUT_MS,
      downloadAndUnzipVSCode({ version: VERSION, cachePath: join(e2eDir, 'vscode-test'), timeout: REQUEST_TIMEOUT_MS }),
      `downloading VS Code ${VERSION}`,
    );
  } catch (error) {
    console.error(`e2e: desktop VS Code ${VERSION} cannot be downloaded here (${error.message}).`);
    console.error('e2e: where the VS Code download service cannot be reached, run `npm run test:e2e:offline` (code-server + chromium, nothing downloaded) instead.');
    process.exit(2);
  }
}

const suites = await prepare();
const userData = join(runDir, 'desktop-user-data');
mkdirSync(join(userData, 'User'), { recursive: true });
writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2) + '\n');

let xvfb;
const env = { ...process.env };
if (process.platform === 'linux' && !env.DISPLAY) {
  if (spawnSync('sh', ['-c', 'command -v Xvfb'], { stdio: 'ignore' }).status === 0) {
    xvfb = spawn('Xvfb', [':99', '-screen', '0', '1280x800x24'], { stdio: 'ignore' });
    env.DISPLAY = ':99';
  } else {
    console.error('e2e: desktop VS Code needs a display: set DISPLAY, run under xvfb-run, or install Xvfb (apt-get install xvfb)');
    process.exit(2);
  }
}

const totals = [0, 0];
let failed = false;
try {
  for (const suite of suites) {
    log(`suite '${suite.name}' in ${suite.workspace} (VS Code ${VERSION})`);
    let code;
    try {
      code = await runTests({
        vscodeExecutablePath: executable,
        extensionDevelopmentPath: root,
        extensionTestsPath: suite.testsPath,
        extensionTestsEnv: env,
        launchArgs: [
          suite.workspace,
          '--disable-extensions',
          '--disable-workspace-trust',
          '--skip-welcome',
          '--skip-release-notes',
          '--disable-gpu',
          `--user-data-dir=${userData}`,
          ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        ],
      });
    } catch (error) {
      code = 1;
      console.error(`e2e: suite '${suite.name}': ${error.message ?? error}`);
    }
    const counts = readResults(suite.name);
    if (counts) {
      totals[0] += counts[0];
      totals[1] += counts[1];
    } else {
      totals[1] += 1;
      console.error(`e2e: suite '${suite.name}' wrote no results (exit code ${code})`);
    }
    if (code !== 0) failed = true;
  }
} finally {
  xvfb?.kill();
}
log(`finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`e2e: ${totals[0]} passed, ${totals[1]} failed`);
process.exit(failed || totals[1] > 0 ? 1 : 0);
