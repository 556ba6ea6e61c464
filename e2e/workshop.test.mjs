// End-to-end: the Workshop view in both languages. Every step opens from
// its link, its question is answered, and the reveal shows the value the
// workshop material gives (the page computes it with the core); presenter
// mode moves with the keyboard. The workshop is a build of its own in
// workshop/ beside each language's page (src/site.rs): links between the
// two keep the state, and the everyday page passes workshop links on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp, watchedPage, assertClean, appReady, assertFitsWidth } from './helpers.mjs';

const app = servedApp();

// id → [the value the reveal must show (English, Chinese), the position of that choice]
const STEPS = [
  ['a1', '0000000000003000', 2],
  ['a2', '0000000000000000', 0],
  ['a3', '0000000000003000', 2],
  ['a4', ['37 capabilities', '37 个权能'], 1],
  ['a5', '00000000a80425fb', 0],
  ['a6', '00000000a80435fb', 1],
  ['a7', '00000000a80435db', 1],
  ['a8', '00000040a80425fb', 1],
  ['1', 'NET_ADMIN, SYS_TIME', 1],
  ['2', ['27 capabilities', '27 个权能'], 2],
  ['3', '00000000a80425fa', 1],
  ['4', '0000000000000000', 0],
  ['5', '0000000000000000', 0],
  ['6', ['execve fails with EPERM', 'execve 失败：EPERM'], 1],
  ['7', '0000000000000000', 0],
  ['8', '0000000000000400', 1],
  ['9', 'euid 0', 0],
  ['10', '000001ffffffffff', 1],
  ['11', '00000000000005fb', 1],
  ['12', ['fails Baseline', '不通过 baseline'], 1],
  ['13', '00000000a80425fb', 1],
];

const LANGS = [
  ['en', 'workshop/', 0, /Right\./],
  ['zh-cn', 'zh-cn/workshop/', 1, /答对了。/],
];

for (const [lang, dir, index, right] of LANGS) {
  test(`workshop (${lang}): every step opens from its link on a phone, is answered and reveals the computed value`, async () => {
    // Phone-sized: the steps' full views must fit its width (presenter mode
    // below runs at a projector's 1280×720).
    const { page, problems, context } = await watchedPage(app.browser, app.origin(), { viewport: { width: 390, height: 844 } });
    for (const [id, value, choice] of STEPS) {
      const want = Array.isArray(value) ? value[index] : value;
      await page.goto(`${app.server.url}${dir}#v=workshop&s=${id}`);
      await appReady(page);
      await page.locator('#ws-step').waitFor();
      // The title comes from workshop.txt, fetched when the view opens.
      await page.waitForFunction(() => (document.querySelector('#ws-title')?.textContent || '').length > 3);
      assert.ok((await page.locator('#ws-question').innerText()).length > 10, `${id} asks`);
      assert.equal(await page.locator('#ws-answer').count(), 0, `${id}: no answer before the reveal`);
      await page.click(`#ws-choice-${choice}`);
      await page.click('#ws-reveal');
      await page.locator('#ws-answer').waitFor();
      assert.equal(await page.locator('#ws-computed').innerText(), want, `step ${id}`);
      assert.match(await page.locator('#ws-verdict').innerText(), right, `step ${id}`);
      assert.ok((await page.locator('#ws-lesson').innerText()).length > 20, `${id} lesson`);
      assert.ok((await page.locator('#ws-misconception').innerText()).length > 10, `${id} misconception`);
      assert.ok(await page.locator('#ws-open-0').count() === 1, `${id} opens in a view`);
      // The revealed full views never widen the page.
      await assertFitsWidth(assert, page, `step ${id}`);
    }
    await assertClean(assert, problems);
    await context.close();
  });

  test(`workshop (${lang}): presenter mode moves with the keyboard; Open in loads the full view`, async () => {
    const { page, problems, context } = await watchedPage(app.browser, app.origin(), { viewport: { width: 1280, height: 720 } });
    await page.goto(`${app.server.url}${dir}#v=workshop&s=a5&present=1`);
    await appReady(page);
    await page.locator('#ws-present-mode').waitFor();
    assert.equal(await page.locator('header.top').isVisible(), false, 'the page frame is hidden');
    await page.keyboard.press('ArrowRight');
    await page.locator('#ws-answer').waitFor();
    assert.equal(await page.locator('#ws-computed').innerText(), '00000000a80425fb');
    // Two sides compared: MKNOD only on the Docker defaults' side.
    assert.match(await page.locator('#ws-side-0 .only').allInnerTexts().then((t) => t.join(' ')), /MKNOD/);
    await page.keyboard.press('PageDown');
    await page.waitForFunction(() => /s=a6/.test(location.hash));
    assert.equal(await page.locator('#ws-answer').count(), 0, 'the next step asks first');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => /s=a5/.test(location.hash));
    await page.keyboard.press('PageUp');
    await page.waitForFunction(() => /s=a4/.test(location.hash) && /present=1/.test(location.hash));
    await page.click('#ws-present');
    await page.waitForFunction(() => !/present=1/.test(location.hash));
    assert.equal(await page.locator('header.top').isVisible(), true);

    // Scenario 12 (pass the Restricted profile): the revealed Pod's full
    // view has the linters' panel beside Pod Security's verdict.
    await page.goto(`${app.server.url}${dir}#v=workshop&s=12&c=1&r=1`);
    await page.locator('#ws-answer').waitFor();
    assert.ok(await page.locator('.ws-full .peers .peers-differ li').count() > 0, 'linters vs reality in scenario 12');
    // The CAP_ prefix: Checkov's CKV_K8S_28 passes, NET_RAW is still effective.
    await page.goto(`${app.server.url}${dir}#v=workshop&s=13&c=1&r=1`);
    await page.locator('#ws-answer').waitFor();
    assert.match(await page.locator('#ws-side-0 .only').allInnerTexts().then((t) => t.join(' ')), /NET_RAW/);
    assert.match(await page.locator('.ws-full').first().locator('.peers-differ').innerText(), /CKV_K8S_28[\s\S]*NET_RAW/);

    // Open in Exec: the same input in the full view, on the everyday page
    // of the same language.
    await page.goto(`${app.server.url}${dir}#v=workshop&s=7&r=1`);
    await page.locator('#ws-open-0').waitFor();
    await page.click('#ws-open-0');
    await page.locator('#exec-sets').waitFor();
    assert.equal(new URL(page.url()).pathname, '/' + dir.replace(/workshop\/$/, ''));
    assert.match(await page.locator('#exec-sets tr[data-set="pP"]').innerText(), /0000000000002000/);
    await assertClean(assert, problems);
    await context.close();
  });

  test(`workshop (${lang}): the everyday page passes a workshop link on; the tabs and the language switch keep the step`, async () => {
    const { page, problems, context, log } = await watchedPage(app.browser, app.origin());
    const home = dir.replace(/workshop\/$/, '');
    // A link to the Workshop on the everyday page (as the CLI and old
    // handouts write them) opens the step in the workshop's build.
    await page.goto(`${app.server.url}${home}#v=workshop&s=5`);
    await page.waitForFunction((d) => location.pathname === '/' + d, dir);
    await page.locator('#ws-step').waitFor();
    assert.match(page.url(), /#v=workshop&s=5$/);
    // From the workshop's Decode tab to the everyday page, and back by its Workshop tab.
    await page.click('#tab-decode');
    await page.waitForFunction((d) => location.pathname === '/' + d, home);
    await page.locator('main.view-decode textarea').waitFor();
    await page.click('#tab-workshop');
    await page.waitForFunction((d) => location.pathname === '/' + d, dir);
    await page.locator('#ws-step').waitFor();
    // The language switch opens the same step in the other language's workshop.
    await page.goto(`${app.server.url}${dir}#v=workshop&s=8`);
    await page.locator('#ws-step').waitFor();
    await page.click('#lang-switch');
    const other = lang === 'en' ? 'zh-cn/workshop/' : 'workshop/';
    await page.waitForFunction((d) => location.pathname === '/' + d, other);
    await page.locator('#ws-step').waitFor();
    assert.match(page.url(), /#v=workshop&s=8$/);
    // The everyday page never asks for the workshop's files.
    log.requests.length = 0;
    await page.goto(`${app.server.url}${home}#v=decode`);
    await appReady(page);
    assert.deepEqual(log.requests.filter((u) => /workshop/.test(new URL(u).pathname)), []);
    await assertClean(assert, problems);
    await context.close();
  });
}
