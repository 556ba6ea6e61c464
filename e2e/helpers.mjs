// Shared set-up for the end-to-end tests and the scripts: serve dist/ on
// 127.0.0.1, launch the system Chromium headless, and watch every page for
// console errors, uncaught exceptions, CSP violations and foreign requests.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../scripts/static-server.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = path.join(ROOT, 'dist');

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-default-apps',
  '--disable-extensions', '--metrics-recording-only', '--disable-domain-reliability',
];

export function requireDist() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html is missing: run \`make build\` (trunk build --release --offline) first`);
  }
}

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export async function serve(opts = {}) {
  requireDist();
  return startServer(DIST, opts);
}

/**
 * A new page that records problems. `problems()` returns everything that
 * went wrong so far: console errors, page errors, CSP violations, requests
 * to any origin other than `origin`.
 */
export async function watchedPage(browser, origin, { viewport } = {}) {
  const context = await browser.newContext({ viewport: viewport || { width: 1280, height: 900 } });
  const page = await context.newPage();
  const log = { consoleErrors: [], pageErrors: [], foreign: [], requests: [] };
  page.on('console', (m) => { if (m.type() === 'error') log.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => log.pageErrors.push(String(e && e.message || e)));
  page.on('request', (r) => {
    const url = r.url();
    log.requests.push(url);
    if (!url.startsWith('data:') && new URL(url).origin !== origin) log.foreign.push(url);
  });
  // Runs before the page's own scripts (and is exempt from its CSP).
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
    });
  });
  const problems = async () => {
    let csp = [];
    try { csp = await page.evaluate(() => window.__cspViolations || []); } catch { /* page gone */ }
    return { consoleErrors: log.consoleErrors, pageErrors: log.pageErrors, foreign: log.foreign, csp };
  };
  return { page, context, log, problems };
}

/** Asserts the page is no wider than its window: wide content scrolls
 * inside its own box instead of making the whole page scroll sideways. */
export async function assertFitsWidth(assert, page, what) {
  const [scrollW, clientW] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(scrollW <= clientW, `${what}: the page is ${scrollW} px wide in a ${clientW} px window`);
}

/** Asserts nothing went wrong on a watched page. */
export async function assertClean(assert, problems) {
  const p = await problems();
  assert.deepEqual(p.consoleErrors, [], 'console errors');
  assert.deepEqual(p.pageErrors, [], 'uncaught exceptions');
  assert.deepEqual(p.csp, [], 'Content-Security-Policy violations');
  assert.deepEqual(p.foreign, [], 'requests to other origins');
}

/** Waits until the app has rendered (the loader replaced "Loading…"). */
export async function appReady(page) {
  await page.locator('#main').waitFor({ timeout: 15_000 });
}

/** The views with a list of examples: each one's tab and result section. */
export const EXAMPLE_VIEWS = [['#tab-decode', '#decode-result'], ['#tab-exec', '#exec-result'], ['#tab-containers', '#containers-result']];

/**
 * Opens each view of EXAMPLE_VIEWS in turn (then awaits `onView(tab)`, if
 * given) and clicks each of its examples; once an example's result is shown,
 * awaits `visit(id)`. Returns how many examples were visited.
 */
export async function eachExample(page, visit, { onView } = {}) {
  let visited = 0;
  for (const [tab, result] of EXAMPLE_VIEWS) {
    await page.click(tab);
    if (onView) await onView(tab);
    for (const id of await page.locator('.examples button').evaluateAll((bs) => bs.map((b) => b.id))) {
      await page.click('#' + id);
      await page.locator(result).waitFor();
      await page.waitForTimeout(50);
      await visit(id);
      visited += 1;
    }
  }
  return visited;
}

/** For one test file: serve dist/ and launch Chromium before its tests,
 * close both after them. Returns `{ browser, server, origin() }`, filled in
 * once the `before` hook has run. */
export function servedApp() {
  const app = { browser: null, server: null, origin: () => new URL(app.server.url).origin };
  before(async () => {
    app.server = await serve();
    app.browser = await launch();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}

/**
 * Puts `text` into the paste box `box`, fires `input`, and resolves with the
 * milliseconds until `selector` exists: the app's time (the browser's own
 * layout of the text area is paid before the clock starts).
 */
export async function pasteAndWait(page, box, selector, text) {
  return page.evaluate(async ([box, selector, text]) => {
    const area = document.querySelector(box);
    area.value = text;
    void area.scrollHeight;
    const t0 = performance.now();
    area.dispatchEvent(new Event('input', { bubbles: true }));
    while (!document.querySelector(selector)) await new Promise((r) => setTimeout(r, 5));
    return performance.now() - t0;
  }, [box, selector, text]);
}

const BILLION_LAUGHS = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  .concat('bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill('*' + 'abcdefghi'[i]).join(',')}]`))
  .join('\n') + '\nkind: Pod\n';

/** Named hostile pastes for the Containers view: [name, text, what the message must match]. */
export const HOSTILE_CASES = [
  ['a YAML alias bomb', BILLION_LAUGHS, /alias|bomb/i],
  ['10,000-deep nesting', '['.repeat(10_000) + ']'.repeat(10_000), /deep|nest/i],
  ['a 10 MB paste', 'kind: Pod\n' + 'x'.repeat(10 * 1024 * 1024), /MB|large|limit/i],
  ['NUL bytes', 'kind: Pod\nmetadata: {name: "a\u0000b"}\n\u0000\u0000', /./],
];
