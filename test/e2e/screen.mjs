// Screen-level checks on the workbench page itself, the way a person sees it:
// the error squiggles are drawn in the editor, hovering a flagged value opens
// the hover widget with the problem and the framework's explanation. A
// screenshot of that goes to .e2e/run/screen-editor.png; the README's copy
// (docs/screenshot-editor.png, tracked) is written only when asked for with
// `npm run screenshot`, so that a test run leaves the work tree as it was.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './prepare.mjs';

export const SCREENSHOT = process.argv.includes('--screenshot') ? join(root, 'docs', 'screenshot-editor.png') : join(root, '.e2e', 'run', 'screen-editor.png');

/** The value hovered: checkout's `deployment: recreate` (rollback-strategy). */
const HOVERED_LINE = 'deployment: recreate';
const HOVERED_TOKEN = 'recreate';

/**
 * @param {import('playwright-core').Browser} browser
 * @returns {Promise<{ passed: number, failed: number, lines: string[] }>}
 */
export async function screenCheck(browser, url, workspace) {
  const lines = [];
  let passed = 0;
  let failed = 0;
  async function check(title, body) {
    const start = Date.now();
    try {
      await body();
      passed++;
      lines.push(`  ✔ screen: ${title} (${Date.now() - start} ms)`);
    } catch (error) {
      failed++;
      await page.screenshot({ path: join(root, '.e2e', 'run', `screen-failure-${failed}.png`) }).catch(() => {});
      lines.push(`  ✘ screen: ${title}\n      ${String(error?.message ?? error).split('\n').join('\n      ')}`);
    }
  }

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const manifestLine = readFileSync(join(workspace, 'architecture.yaml'), 'utf8').split('\n').findIndex((l) => l.includes(HOVERED_LINE)) + 1;
  try {
    await page.goto(url, { timeout: 60_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });

    await check('the manifest opens with error squiggles drawn in the editor', async () => {
      // Quick Open, as a person would; then go to the line to hover.
      await page.locator('.explorer-folders-view').waitFor({ timeout: 30_000 });
      await openQuickOpen(page, 'architecture.yaml');
      await page.locator('.tab.active', { hasText: 'architecture.yaml' }).waitFor({ timeout: 15_000 });
      await openQuickOpen(page, `:${manifestLine}`);
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: 60_000 });
    });

    await check('hovering a flagged value shows the problem and the framework text', async () => {
      const line = page.locator('.monaco-editor .view-line', { hasText: HOVERED_LINE });
      await line.waitFor({ timeout: 10_000 });
      const token = line.locator('span > span', { hasText: new RegExp(`^${HOVERED_TOKEN}$`) }).first();
      // Code lenses arrive after the diagnostics and push the lines down; a hover
      // opened before that closes when the word moves from under the mouse.
      await page.locator('.monaco-editor .codelens-decoration').first().waitFor({ state: 'attached', timeout: 15_000 }).catch(() => {});
      await settled(token);
      // The hover opens after the mouse rests on the word, and its parts come in one
      // by one: wait until it shows both the problem and the framework part.
      let seen = '';
      for (let attempt = 1; attempt <= 5; attempt++) {
        await page.mouse.move(5, 400);
        await settled(token);
        await token.hover();
        seen = await visibleHoverText(page, 6_000);
        if (!complete(seen)) continue;
        await page.waitForTimeout(300);
        await page.screenshot({ path: SCREENSHOT });
        // The screenshot is only worth keeping if the hover was still open when it was taken.
        seen = await visibleHoverText(page, 0);
        if (complete(seen)) return;
      }
      if (!/rollback-strategy/.test(seen) || !/recreate/.test(seen)) throw new Error(`after 5 tries, the hover shows no rollback-strategy problem; it says:\n${seen || '(no hover open)'}`);
      throw new Error(`after 5 tries, the hover shows no framework text (Part/section); it says:\n${seen}`);
    });
    lines.push(`    screenshot: ${SCREENSHOT}`);
  } finally {
    await context.close();
  }
  return { passed, failed, lines };
}

const complete = (text) => /rollback-strategy/.test(text) && /recreate/.test(text) && /Part [IVXLC]+|Appendix [A-Z]/.test(text);

/** The text of the open hover widget once it is complete, or whatever it shows when `ms` runs out ('' when none is open). */
async function visibleHoverText(page, ms) {
  const read = () => page.evaluate(() => document.querySelector('.monaco-hover:not(.hidden)')?.innerText ?? '');
  if (ms > 0) {
    await page.waitForFunction(
      () => {
        const text = document.querySelector('.monaco-hover:not(.hidden)')?.innerText ?? '';
        return /rollback-strategy/.test(text) && /recreate/.test(text) && /Part [IVXLC]+|Appendix [A-Z]/.test(text);
      },
      undefined,
      { timeout: ms },
    ).catch(() => {});
  }
  return read();
}

/** Waits until the element stays put for 300 ms (the editor has stopped re-laying out its lines). */
async function settled(locator) {
  let last = '';
  for (let i = 0; i < 30; i++) {
    const box = await locator.boundingBox({ timeout: 5_000 }).catch(() => null);
    const now = JSON.stringify(box);
    if (box && now === last) return;
    last = now;
    await locator.page().waitForTimeout(300);
  }
}

async function openQuickOpen(page, text) {
  await page.locator('.monaco-editor, .explorer-folders-view').first().click({ trial: true }).catch(() => {});
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(text);
  if (!text.startsWith(':')) await page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}
