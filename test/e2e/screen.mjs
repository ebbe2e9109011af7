// Screen-level checks on the workbench page itself, the way a person sees it:
// the error squiggles are drawn in the editor, hovering a flagged value opens
// the hover widget with the problem and the framework's explanation, and a
// screenshot of that is saved for the README (docs/screenshot-editor.png).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './prepare.mjs';

export const SCREENSHOT = join(root, 'docs', 'screenshot-editor.png');

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
      const hover = page.locator('.monaco-hover:not(.hidden)').first();
      // The hover opens after the mouse rests on the word: move away and back until it does.
      for (let attempt = 1; ; attempt++) {
        await page.mouse.move(5, 400);
        await token.hover();
        try {
          await hover.waitFor({ state: 'visible', timeout: 5_000 });
          break;
        } catch (error) {
          if (attempt === 4) throw error;
        }
      }
      // The hover's parts come in one by one: wait for the framework part before the screenshot.
      await page.waitForFunction(
        (selector) => /Part [IVXLC]+|Appendix [A-Z]/.test(document.querySelector(selector)?.textContent ?? ''),
        '.monaco-hover:not(.hidden)',
        { timeout: 10_000 },
      ).catch(() => {});
      await page.waitForTimeout(300);
      await page.screenshot({ path: SCREENSHOT });
      const text = await hover.innerText();
      if (!/rollback-strategy/.test(text) || !/recreate/.test(text)) throw new Error(`the hover shows no rollback-strategy problem; it says:\n${text}`);
      if (!/Part [IVXLC]+|Appendix [A-Z]/.test(text)) throw new Error(`the hover shows no framework text (Part/section); it says:\n${text}`);
    });
    lines.push(`    screenshot: ${SCREENSHOT}`);
  } finally {
    await context.close();
  }
  return { passed, failed, lines };
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
