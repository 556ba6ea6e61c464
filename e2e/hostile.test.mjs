// End-to-end: hostile and broken pastes get a clear message quickly, and the
// page never goes blank or freezes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp, watchedPage, assertClean, appReady } from './helpers.mjs';

const app = servedApp();

// Puts `text` into the paste box and waits for `selector`; returns the time
// spent by the app (the browser's own textarea layout is paid before t0).
async function pasteAndWait(page, box, selector, text) {
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

const CASES = [
  ['a YAML alias bomb', BILLION_LAUGHS, /alias|bomb/i],
  ['10,000-deep nesting', '['.repeat(10_000) + ']'.repeat(10_000), /deep|nest/i],
  ['a 10 MB paste', 'kind: Pod\n' + 'x'.repeat(10 * 1024 * 1024), /MB|large|limit/i],
  ['NUL bytes', 'kind: Pod\nmetadata: {name: "a\u0000b"}\n\u0000\u0000', /./],
];

for (const [name, text, message] of CASES) {
  test(`containers view: ${name} gets a clear message within a second`, async () => {
    const { page, problems, context } = await watchedPage(app.browser, app.origin());
    await page.goto(app.server.url + '#v=containers');
    await appReady(page);
    const ms = await pasteAndWait(page, '#containers-input', '#containers-error, #containers-result article, #containers-result .warn-box', text);
    assert.ok(ms < 1000, `${name}: ${ms.toFixed(0)} ms`);
    const shown = await page.locator('#containers-result').innerText();
    assert.match(shown, message);
    // Still alive: the page answers the next input.
    await pasteAndWait(page, '#containers-input', '#container-0', 'docker run --cap-add NET_RAW alpine');
    await assertClean(assert, problems);
    await context.close();
  });
}

test('decode view: a 2 MB paste and very long lines are refused clearly and quickly', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin());
  await page.goto(app.server.url);
  await appReady(page);
  const ms = await pasteAndWait(page, '#decode-input', '#decode-error', 'CapBnd: ' + 'f'.repeat(2 * 1024 * 1024));
  assert.ok(ms < 1000, `${ms.toFixed(0)} ms`);
  assert.match(await page.locator('#decode-error').innerText(), /KiB|large|digits/i);
  // The link is not stuffed with megabytes.
  assert.ok(page.url().length < 40_000, `url length ${page.url().length}`);
  await assertClean(assert, problems);
  await context.close();
});
