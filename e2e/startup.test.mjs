// End-to-end: how the page starts (static/loader.js). The loader compiles the
// wasm while the glue module loads; these tests hold what that must not
// change: the preloaded wasm is fetched once, and a host that sends the wasm
// with the wrong type still gets a working page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp, watchedPage, assertClean, appReady } from './helpers.mjs';

const app = servedApp();
const PERMALINK = '#v=decode&in=CapBnd:+0000001fffffffff';

for (const dir of ['', 'zh-cn/', 'workshop/']) {
  test(`/${dir}: the preloaded wasm is requested once and answers the permalink`, async () => {
    const { page, problems, context, log } = await watchedPage(app.browser, app.origin());
    // Preload warnings ("preloaded but not used") are how a second,
    // mismatched request shows itself; collect them too.
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await page.goto(new URL(dir, app.server.url).href + (dir === 'workshop/' ? '' : PERMALINK));
    await appReady(page);
    if (dir !== 'workshop/') await page.waitForFunction(() => document.querySelectorAll('#matrix tr.cap-row').length === 37);
    await page.waitForLoadState('networkidle');
    const wasm = log.requests.filter((u) => u.endsWith('_bg.wasm'));
    assert.equal(wasm.length, 1, `one request for the wasm: ${wasm.join(', ')}`);
    assert.deepEqual(warnings.filter((w) => /preload/i.test(w)), [], 'no unused preload');
    const marks = await page.evaluate(() => ['caplens:loader', 'caplens:glue', 'caplens:main', 'caplens:started']
      .map((n) => performance.getEntriesByName(n).length));
    assert.deepEqual(marks, [1, 1, 1, 1], 'each start-up phase marked once (make bench reads them)');
    await assertClean(assert, problems);
    await context.close();
  });
}

test('a host that sends the wasm as application/octet-stream still gets a working page', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin());
  // Streaming compilation refuses such a response; the glue's own fallback
  // (compiling from the bytes) must take over.
  await page.route(/_bg\.wasm$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
  });
  await page.goto(app.server.url + PERMALINK);
  await appReady(page);
  await page.waitForFunction(() => document.querySelectorAll('#matrix tr.cap-row').length === 37);
  assert.equal(await page.locator('#boot').count(), 0, 'the loading line is gone');
  await assertClean(assert, problems);
  await context.close();
});
