// npm run test:e2e:offline — the e2e suite in the real VS Code workbench that
// code-server serves (VS Code 1.100.3 with a Node extension host), driven by
// Debian's chromium through playwright-core. Downloads nothing: run
// scripts/e2e-setup.sh once first (`.ci/run` does).
//
// Then the screen-level check (screen.mjs) on a fresh window: squiggles drawn,
// the hover widget, and a screenshot (docs/screenshot-editor.png only with
// --screenshot: `npm run screenshot`).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { e2eDir, log, prepare, readResults, root, runDir, screenWorkspace, USER_SETTINGS } from './prepare.mjs';
import { screenCheck } from './screen.mjs';

const CODE_SERVER = join(e2eDir, 'code-server', 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
const SUITE_TIMEOUT_MS = Number(process.env.E2E_SUITE_TIMEOUT_MS ?? 240_000);
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

for (const [what, path] of [['code-server', CODE_SERVER], ['chromium', CHROMIUM]]) {
  if (!existsSync(path)) {
    console.error(`e2e: ${what} is not installed (${path}); run scripts/e2e-setup.sh first`);
    process.exit(2);
  }
}

const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const suites = await prepare();

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const timeout = (ms, what) =>
  new Promise((_, reject) => setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms).unref());

// --- code-server, in a scratch home ------------------------------------------
const port = await freePort();
const home = join(runDir, 'code-server');
const userData = join(home, 'user-data');
for (const dir of ['config', 'data', 'tmp', 'extensions', join('user-data', 'User')]) mkdirSync(join(home, dir), { recursive: true });
writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2) + '\n');
const serverLog = createWriteStream(join(runDir, 'code-server.log'));
const server = spawn(
  CODE_SERVER,
  [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', userData,
    '--extensions-dir', join(home, 'extensions'),
  ],
  {
    cwd: root,
    detached: true, // its own process group: stopped as a whole below
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data'), TMPDIR: join(home, 'tmp') },
  },
);
server.stdout.pipe(serverLog);
server.stderr.pipe(serverLog);
let serverExited = false;
server.once('exit', () => (serverExited = true));
function stopServer() {
  if (!serverExited) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}
process.once('exit', stopServer);

const base = `http://127.0.0.1:${port}`;
async function waitForServer() {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (serverExited) throw new Error(`code-server exited at start; see ${join(runDir, 'code-server.log')}`);
    try {
      const response = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`code-server did not answer on ${base} within 60 s; see ${join(runDir, 'code-server.log')}`);
}

/** The workbench URL for a folder, with the extension under development (and a test module). */
export function workbenchUrl(folder, testsPath) {
  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
  const payload = [['extensionDevelopmentPath', remote(root)], ['skipWelcome', 'true']];
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  return `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

let browser;
let failed = false;
const totals = [0, 0];
try {
  await waitForServer();
  log(`code-server ${base} ready (${seconds()})`);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });

  for (const suite of suites) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const consoleLog = createWriteStream(join(runDir, `browser-${suite.name}.log`));
    const write = (line) => consoleLog.writableEnded || consoleLog.write(line + '\n');
    page.on('console', (message) => write(`[${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => write(`[pageerror] ${error.stack ?? error}`));
    let exitCode;
    const exited = new Promise((resolve) => (exitCode = resolve));
    // The workbench calls this when the test module's run() settles.
    await page.exposeFunction('codeAutomationExit', (code) => exitCode(code));
    log(`suite '${suite.name}' in ${suite.workspace}`);
    await page.goto(workbenchUrl(suite.workspace, suite.testsPath), { timeout: 60_000 });
    let code;
    try {
      code = await Promise.race([exited, timeout(SUITE_TIMEOUT_MS, `suite '${suite.name}'`)]);
    } catch (error) {
      console.error(`e2e: ${error.message}; browser console in ${join(runDir, `browser-${suite.name}.log`)}`);
      code = 1;
    }
    const counts = readResults(suite.name);
    if (counts) {
      totals[0] += counts[0];
      totals[1] += counts[1];
    } else {
      console.error(`e2e: suite '${suite.name}' wrote no results (exit code ${code}); see ${join(runDir, `browser-${suite.name}.log`)}`);
      totals[1] += 1;
    }
    if (code !== 0) failed = true;
    await context.close();
    consoleLog.end();
  }

  log(`screen check in ${screenWorkspace}`);
  const screen = await screenCheck(browser, workbenchUrl(screenWorkspace), screenWorkspace);
  for (const line of screen.lines) console.log(line);
  totals[0] += screen.passed;
  totals[1] += screen.failed;
  if (screen.failed > 0) failed = true;
} catch (error) {
  console.error(`e2e: ${error.stack ?? error}`);
  failed = true;
  totals[1] += 1;
} finally {
  await browser?.close().catch(() => {});
  stopServer();
}
log(`finished in ${seconds()}`);
console.log(`e2e: ${totals[0]} passed, ${totals[1]} failed`);
process.exit(failed || totals[1] > 0 ? 1 : 0);
