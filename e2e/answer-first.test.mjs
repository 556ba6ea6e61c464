// End-to-end: the answer is where people look. After each example and each
// permalink, the result's heading is inside the viewport of a projector
// (1280×720) and of a phone (390×844), in both languages; screen readers get
// one short status line instead of live result sections.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, servedApp, watchedPage, assertClean, appReady, assertFitsWidth } from './helpers.mjs';

const app = servedApp();
const SIZES = [{ width: 1280, height: 720 }, { width: 390, height: 844 }];
const LANGS = fs.existsSync(path.join(DIST, 'zh-cn', 'index.html')) ? ['', 'zh-cn/'] : [''];
const VIEWS = [['#tab-decode', 'decode'], ['#tab-exec', 'exec'], ['#tab-containers', 'containers']];

/** Where the result heading of `view` is, relative to the viewport. */
function headingBox(page, view) {
  return page.evaluate((view) => {
    const h = document.querySelector(`#${view}-result h2`);
    if (!h) return null;
    const r = h.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: innerHeight, focused: document.activeElement === h };
  }, view);
}

function assertOnScreen(box, what) {
  assert.ok(box, `${what}: no result heading`);
  assert.ok(box.top >= 0 && box.bottom <= box.height, `${what}: heading at ${Math.round(box.top)}–${Math.round(box.bottom)} px, viewport ${box.height}`);
}

for (const viewport of SIZES) {
  for (const lang of LANGS) {
    test(`${viewport.width}×${viewport.height} ${lang || 'en'}: after every example the result heading is on screen and focused`, async () => {
      const { page, problems, context } = await watchedPage(app.browser, app.origin(), { viewport });
      await page.goto(app.server.url + lang);
      await appReady(page);
      const permalinks = [];
      for (const [tab, view] of VIEWS) {
        await page.click(tab);
        for (const id of await page.locator('.examples button').evaluateAll((bs) => bs.map((b) => b.id))) {
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.click('#' + id);
          await page.locator(`#${view}-result h2`).waitFor();
          await page.waitForTimeout(80);
          const box = await headingBox(page, view);
          assertOnScreen(box, `${lang}${id}`);
          assert.ok(box.focused, `${lang}${id}: focus on the result heading`);
          await assertFitsWidth(assert, page, `${lang}${id}`);
          permalinks.push(page.url());
        }
      }
      // The same states opened as links, in a fresh page each.
      for (const url of permalinks) {
        const p = await context.newPage();
        await p.goto(url);
        await appReady(p);
        const view = new URL(url).hash.match(/v=(\w+)/)[1];
        await p.locator(`#${view}-result h2`).waitFor();
        await p.waitForTimeout(80);
        assertOnScreen(await headingBox(p, view), url);
        await p.close();
      }
      await assertClean(assert, problems);
      await context.close();
    });
  }
}

test('screen readers: no live result sections; one short status line per view, after typing pauses', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin());
  await page.goto(app.server.url + '#v=decode&in=CapBnd:+00000000a80425fb');
  await appReady(page);
  for (const [tab, view] of VIEWS) {
    await page.click(tab);
    assert.equal(await page.locator(`#${view}-result[aria-live]`).count(), 0, `${view}: section not live`);
  }
  await page.click('#tab-decode');
  const status = page.locator('#decode-result [role=status]');
  await page.waitForFunction(() => /14/.test(document.querySelector('#decode-result [role=status]')?.textContent || ''));
  const text = await status.textContent();
  assert.ok(text.length < 80, `short: ${text}`);
  assert.match(text, /1 set, 14 capabilities/);
  await assertClean(assert, problems);
  await context.close();
});

test('a container card starts with its verdict, findings before the tables; a finding selects its line in the paste box', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin(), { viewport: { width: 1280, height: 720 } });
  await page.goto(app.server.url);
  await appReady(page);
  await page.click('#tab-containers');
  await page.click('#ex-cpb-typo');
  const card = page.locator('#container-0');
  await card.waitFor();
  // The first thing after the title is the verdict: what PID 1 effectively holds.
  assert.equal(await card.evaluate((c) => c.querySelector('h3').nextElementSibling.className), 'verdict');
  assert.match(await card.locator('.verdict').first().innerText(), /effective/);
  // Findings come before the sets tables.
  const order = await card.evaluate((c) => {
    const all = [...c.querySelectorAll('ul.findings, table')];
    return all.map((e) => e.tagName);
  });
  assert.equal(order[0], 'UL', order.join(','));
  // The typo's place selects its line in the paste box.
  const place = card.locator('.finding[data-id="unknown-field"] button.place');
  const label = await place.innerText();
  const line = Number(label.match(/line (\d+)/)[1]);
  await place.click();
  const selected = await page.evaluate(() => {
    const a = document.querySelector('#containers-input');
    return { focused: document.activeElement === a, text: a.value.slice(a.selectionStart, a.selectionEnd), before: a.value.slice(0, a.selectionStart).split('\n').length };
  });
  assert.ok(selected.focused, 'the paste box has focus');
  assert.equal(selected.before, line, 'the selection starts on the finding\'s line');
  assert.match(selected.text, /sercurityContext/);
  await assertClean(assert, problems);
  await context.close();
});

test('Pod Security: a failing verdict lists its checks on the card', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin());
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: busybox\n    securityContext:\n      capabilities:\n        add: [SYS_ADMIN]\n';
  await page.goto(app.server.url + '#v=containers&in=' + encodeURIComponent(pod));
  await appReady(page);
  const fails = page.locator('#container-0 .pss-fails li');
  await fails.first().waitFor();
  const text = (await fails.allInnerTexts()).join('\n');
  assert.match(text, /SYS_ADMIN/);
  assert.match(text, /baseline/);
  await assertClean(assert, problems);
  await context.close();
});
