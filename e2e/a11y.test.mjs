// End-to-end: axe-core (from npm) over every view and every example state,
// both languages, light and dark, must find no WCAG 2.2 A/AA violation.
// axe runs through the DevTools protocol, so the page's strict
// Content-Security-Policy stays as it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { DIST, servedApp, appReady } from './helpers.mjs';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const app = servedApp();
const LANGS = fs.existsSync(path.join(DIST, 'zh-cn', 'index.html')) ? ['', 'zh-cn/'] : [''];
const VIEWS = [['#tab-decode', 'decode'], ['#tab-exec', 'exec'], ['#tab-containers', 'containers']];

/** axe's violations on the page as it is now, one line each. */
async function violations(page, where) {
  const found = await page.evaluate(async ([axe, tags]) => {
    if (!window.axe) (0, eval)(axe);
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')} — ${v.help}`);
  }, [AXE, TAGS]);
  return found.map((v) => `${where}: ${v}`);
}

for (const colorScheme of ['light', 'dark']) {
  for (const lang of LANGS) {
    test(`axe: every view and example, ${lang || 'en'}, ${colorScheme}: no WCAG 2.2 A/AA violation`, async () => {
      const context = await app.browser.newContext({ colorScheme, viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(app.server.url + lang + '#v=decode&in=2000&open=13');
      await appReady(page);
      await page.locator('#explain-13 .loading').waitFor({ state: 'detached' });
      const found = await violations(page, 'decode, explanation open');
      let states = 1;
      for (const [tab, view] of VIEWS) {
        await page.click(tab);
        found.push(...await violations(page, `${view} empty`));
        for (const id of await page.locator('.examples button').evaluateAll((bs) => bs.map((b) => b.id))) {
          await page.click('#' + id);
          await page.locator(`#${view}-result h2`).waitFor();
          await page.waitForTimeout(50);
          found.push(...await violations(page, id));
          states += 1;
        }
      }
      for (const hash of ['#v=decode&in=CapEff:+zz', '#v=exec&before=CapEff:+xyz', '#v=containers&in=kind:+Pod%0A+x:+[']) {
        await page.goto(app.server.url + lang + hash);
        await appReady(page);
        await page.waitForTimeout(80);
        found.push(...await violations(page, hash));
        states += 1;
      }
      // The workshop's build: a step asked, the same step revealed with
      // both sides' full views, and presenter mode.
      for (const [hash, wait] of [['#v=workshop&s=a5', '#ws-question'], ['#v=workshop&s=a5&c=0&r=1', '#ws-lesson'],
        ['#v=workshop&s=12&c=1&r=1', '#ws-lesson'], ['#v=workshop&s=5&present=1&c=0&r=1', '#ws-lesson']]) {
        await page.goto(app.server.url + lang + 'workshop/' + hash);
        await page.locator(wait).waitFor();
        await page.waitForTimeout(80);
        found.push(...await violations(page, 'workshop/' + hash));
        states += 1;
      }
      assert.ok(states > 20, `${states} states checked`);
      assert.deepEqual(found, []);
      await context.close();
    });
  }
}
