// End-to-end: hostile and broken pastes get a clear message, and the page
// never goes blank or freezes (it answers the next input). How quickly the
// message comes is a figure of `make bench` (target: within a second), not
// an assertion here: timings depend on the machine's load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp, watchedPage, assertClean, appReady, pasteAndWait, HOSTILE_CASES } from './helpers.mjs';

const app = servedApp();

for (const [name, text, message] of HOSTILE_CASES) {
  test(`containers view: ${name} gets a clear message`, async () => {
    const { page, problems, context } = await watchedPage(app.browser, app.origin());
    await page.goto(app.server.url + '#v=containers');
    await appReady(page);
    const ms = await pasteAndWait(page, '#containers-input', '#containers-error, #containers-result article, #containers-result .warn-box', text);
    console.log(`# ${name}: message after ${ms.toFixed(0)} ms`);
    const shown = await page.locator('#containers-result').innerText();
    assert.match(shown, message);
    // Still alive: the page answers the next input.
    await pasteAndWait(page, '#containers-input', '#container-0', 'docker run --cap-add NET_RAW alpine');
    await assertClean(assert, problems);
    await context.close();
  });
}

test('decode view: a 2 MB paste and very long lines are refused clearly', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin());
  await page.goto(app.server.url);
  await appReady(page);
  const ms = await pasteAndWait(page, '#decode-input', '#decode-error', 'CapBnd: ' + 'f'.repeat(2 * 1024 * 1024));
  console.log(`# 2 MB decode paste: message after ${ms.toFixed(0)} ms`);
  assert.match(await page.locator('#decode-error').innerText(), /KiB|large|digits/i);
  // The link is not stuffed with megabytes.
  assert.ok(page.url().length < 40_000, `url length ${page.url().length}`);
  await assertClean(assert, problems);
  await context.close();
});
