// End-to-end: "What the linters say" on each Kubernetes container card, in
// both languages: the verdicts caplens disagrees with come first, in full;
// the agreeing ones are folded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, servedApp, watchedPage, assertClean, appReady } from './helpers.mjs';

const app = servedApp();
const LANGS = fs.existsSync(path.join(DIST, 'zh-cn', 'index.html')) ? ['', 'zh-cn/'] : [''];

for (const lang of LANGS) {
  test(`${lang || 'en'}: the linters panel lists disagreements first, then the agreeing verdicts folded`, async () => {
    const { page, problems, context } = await watchedPage(app.browser, app.origin());
    await page.goto(app.server.url + lang);
    await appReady(page);
    await page.click('#tab-containers');
    await page.click('#ex-bind-nonroot');
    const panel = page.locator('#container-0 section.peers');
    await panel.waitFor();
    // The non-root add of NET_BIND_SERVICE: Checkov's CKV_K8S_25 fails it,
    // but the capability is not effective for the non-root user.
    const differ = await panel.locator('ul.peers-differ li').allInnerTexts();
    assert.ok(differ.some((t) => /Checkov/.test(t) && /CKV_K8S_25/.test(t)), differ.join('\n'));
    const order = await panel.evaluate((p) => [...p.children].map((c) => c.tagName + '.' + c.className));
    assert.ok(order.indexOf('UL.peers-differ') < order.indexOf('DETAILS.steps peers-agree'), order.join(','));
    assert.equal(await panel.locator('details.peers-agree').getAttribute('open'), null, 'agreements folded');
    const agreeing = await panel.locator('details.peers-agree li').count();
    assert.ok(agreeing > 5, `${agreeing} agreeing verdicts`);
    if (lang) assert.match(await panel.locator('h4').innerText(), /[\u4e00-\u9fff]/);
    // Docker and compose inputs have no Kubernetes linters to compare.
    await page.click('#ex-docker-run');
    await page.locator('#container-0').waitFor();
    assert.equal(await page.locator('#container-0 section.peers').count(), 0);
    await assertClean(assert, problems);
    await context.close();
  });
}
