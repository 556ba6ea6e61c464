// End-to-end: the two languages. The English page at the root, the Chinese
// page under zh-cn/ (a second build of the page); the switch between them
// keeps the state in the fragment, and the English page offers the Chinese
// one to browsers that prefer Chinese, without redirecting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, servedApp, watchedPage, assertClean, appReady, eachExample } from './helpers.mjs';

const ZH = path.join(DIST, 'zh-cn', 'index.html');
const skip = fs.existsSync(ZH) ? false : 'no dist/zh-cn: build the Chinese page into dist/zh-cn first';
if (skip) console.log(`SKIP languages: ${skip}`);

const app = servedApp();

/** A watched page whose browser reports `languages` as navigator.languages. */
async function pageWithLanguages(languages) {
  const watched = await watchedPage(app.browser, app.origin());
  await watched.page.addInitScript((langs) => {
    Object.defineProperty(Navigator.prototype, 'languages', { get: () => langs.slice() });
    Object.defineProperty(Navigator.prototype, 'language', { get: () => langs[0] });
  }, languages);
  return watched;
}

const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);
const hashOf = (page) => new URL(page.url()).hash;
const pathOf = (page) => new URL(page.url()).pathname;

test('the switch is on every view of both pages, named for what it does', { skip }, async () => {
  const { page, problems, context } = await pageWithLanguages(['en-US']);
  for (const [prefix, other, otherLang, name] of [
    ['', '中文', 'zh-CN', /^Switch language: 中文$/],
    ['zh-cn/', 'English', 'en', /^切换语言：\s?English$/],
  ]) {
    for (const view of ['decode', 'exec', 'containers']) {
      await page.goto(`${app.server.url}${prefix}#v=${view}`);
      await appReady(page);
      const sw = page.locator('#lang-switch');
      assert.ok(await sw.isVisible(), `${prefix || 'root'} ${view}`);
      // What is seen: the other language's own name (the rest is for screen readers).
      const seen = await sw.evaluate((el) => [...el.childNodes]
        .filter((n) => !n.classList?.contains('visually-hidden')).map((n) => n.textContent).join(''));
      assert.equal(seen, other);
      assert.equal(await sw.getAttribute('lang'), otherLang);
      assert.equal(await sw.getAttribute('hreflang'), otherLang);
      // The accessible name says what the link does, in this page's language.
      assert.equal(await page.getByRole('link', { name }).count(), 1);
      assert.ok(await page.locator(`.view-${view}`).isVisible());
    }
  }
  await assertClean(assert, problems);
  await context.close();
});

test('switching keeps the fragment as typed, both ways, by mouse and by keyboard', { skip }, async () => {
  const { page, problems, context } = await pageWithLanguages(['en-US']);
  await page.goto(app.server.url + '#v=exec&uid=0');
  await appReady(page);
  assert.equal(await htmlLang(page), 'en');
  // Typing rewrites the fragment without a hashchange; the link follows it.
  await page.fill('#exec-file', 'cap_net_raw+ep');
  await page.waitForFunction(() => /file=cap_net_raw%2Bep/.test(location.hash));
  const typed = hashOf(page);
  assert.match(typed, /^#v=exec&/);
  await page.focus('#lang-switch');
  assert.equal(await page.getAttribute('#lang-switch', 'href'), 'zh-cn/' + typed);

  await page.click('#lang-switch');
  await page.waitForURL((u) => u.pathname.endsWith('/zh-cn/'));
  await appReady(page);
  assert.equal(hashOf(page), typed);
  assert.equal(await htmlLang(page), 'zh-CN');
  assert.equal(await page.inputValue('#exec-file'), 'cap_net_raw+ep');
  assert.equal(await page.getAttribute('#tab-exec', 'aria-current'), 'page');

  // Back to English with the keyboard: Enter on the focused switch.
  await page.fill('#exec-file', 'cap_net_admin+ep');
  await page.waitForFunction(() => /file=cap_net_admin%2Bep/.test(location.hash));
  const retyped = hashOf(page);
  await page.focus('#lang-switch');
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => !u.pathname.includes('zh-cn'));
  await appReady(page);
  assert.equal(pathOf(page), '/');
  assert.equal(hashOf(page), retyped);
  assert.equal(await htmlLang(page), 'en');
  assert.equal(await page.inputValue('#exec-file'), 'cap_net_admin+ep');
  await assertClean(assert, problems);
  await context.close();
});

test('a Chinese permalink opens the Chinese page with its state', { skip }, async () => {
  const { page, problems, context } = await pageWithLanguages(['en-US']);
  await page.goto(app.server.url + 'zh-cn/#v=containers&rt=crio');
  await appReady(page);
  assert.equal(await htmlLang(page), 'zh-CN');
  assert.equal(await page.getAttribute('#tab-containers', 'aria-current'), 'page');
  assert.equal(await page.inputValue('#containers-runtime'), 'crio');
  assert.equal(await page.locator('#lang-offer').count(), 0);
  await assertClean(assert, problems);
  await context.close();
});

test('the English page offers Chinese to a browser that prefers it, and only then', { skip }, async () => {
  const zh = await pageWithLanguages(['zh-CN', 'en']);
  await zh.page.goto(app.server.url + '#v=decode&in=CapEff%3A+0000000000003000');
  await appReady(zh.page);
  const offer = zh.page.locator('#lang-offer');
  assert.ok(await offer.isVisible());
  assert.equal(await offer.getAttribute('lang'), 'zh-CN');
  assert.match(await offer.innerText(), /中文/);
  // No redirect: the English link stays English.
  assert.equal(pathOf(zh.page), '/');
  assert.equal(await htmlLang(zh.page), 'en');
  // One compact line, not a banner that pushes the answer down.
  const height = await offer.evaluate((el) => el.getBoundingClientRect().height);
  assert.ok(height < 48, `offer is ${height}px high`);
  // Its link goes to the Chinese page with the same state.
  const hash = hashOf(zh.page);
  await zh.page.click('#lang-offer-link');
  await zh.page.waitForURL((u) => u.pathname.endsWith('/zh-cn/'));
  await appReady(zh.page);
  assert.equal(hashOf(zh.page), hash);
  assert.equal(await zh.page.locator('#lang-offer').count(), 0);
  await assertClean(assert, zh.problems);
  await zh.context.close();

  // French first, then Chinese: Chinese comes before English.
  for (const [langs, shown] of [[['en-US'], false], [['en-GB', 'zh-CN'], false], [['fr', 'zh'], true]]) {
    const w = await pageWithLanguages(langs);
    await w.page.goto(app.server.url + '#v=exec');
    await appReady(w.page);
    assert.equal(await w.page.locator('#lang-offer').count(), shown ? 1 : 0, langs.join(','));
    await assertClean(assert, w.problems);
    await w.context.close();
  }
});

test('the offer closes for this visit and keeps focus nearby; none after choosing English', { skip }, async () => {
  const { page, problems, context } = await pageWithLanguages(['zh-CN', 'en']);
  await page.goto(app.server.url + '#v=exec');
  await appReady(page);
  await page.focus('#lang-offer-close');
  assert.equal(await page.getAttribute('#lang-offer-close', 'aria-label'), '关闭');
  await page.keyboard.press('Enter');
  await page.locator('#lang-offer').waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'lang-switch');
  // Still closed after moving between views.
  await page.click('#tab-containers');
  await page.locator('.view-containers').waitFor();
  assert.equal(await page.locator('#lang-offer').count(), 0);

  // A reader who goes from the Chinese page to the English one chose English.
  await page.goto(app.server.url + 'zh-cn/#v=exec&uid=0');
  await appReady(page);
  await page.click('#lang-switch');
  await page.waitForURL((u) => !u.pathname.includes('zh-cn'));
  await appReady(page);
  assert.equal(hashOf(page), '#v=exec&uid=0');
  // Told by the referrer, which never carries the fragment.
  assert.equal(await page.evaluate(() => document.referrer), app.server.url + 'zh-cn/');
  assert.equal(await page.locator('#lang-offer').count(), 0);
  await assertClean(assert, problems);
  await context.close();
});

// A short label (a button, a tab, a set's name in a table) is one line on a
// phone in both languages. Chinese may break between any two characters, so
// a squeezed table column once put "复制掩码" one character per line. So is
// a long option: browsers break after a hyphen, and put "--" and "cap-drop"
// on two lines.
test('on a phone, no short label breaks across lines, in either language', { skip }, async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin(), { viewport: { width: 390, height: 844 } });
  const broken = [];
  let flags = 0;
  const check = async (where) => {
    const found = await page.evaluate(() => {
      // Lines of text: the distinct tops of its text's boxes (a button
      // inside a cell is a box of its own, so only text nodes count).
      const lines = (el) => {
        const tops = [];
        const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walk.nextNode(); n; n = walk.nextNode()) {
          // Not text kept for screen readers only: its 1-pixel box holds one character a line.
          if (n.parentElement.getBoundingClientRect().width <= 2) continue;
          const range = document.createRange();
          range.selectNodeContents(n);
          for (const r of range.getClientRects()) if (r.width > 0 && !tops.some((t) => Math.abs(t - r.top) < 3)) tops.push(r.top);
        }
        return tops.length;
      };
      const SHORT = 'button, th, .tab-name, label.check, .badge';
      // A long option (`--cap-drop`) of any length counts as one label.
      return [...document.querySelectorAll(`${SHORT}, .flag`)]
        .filter((el) => el.checkVisibility() && el.textContent.trim() && (el.matches('.flag') || [...el.textContent.trim()].length <= 8))
        .filter((el) => lines(el) > 1)
        .map((el) => `"${el.textContent.trim()}" (${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}) on ${lines(el)} lines`);
    });
    broken.push(...found.map((f) => `${where}: ${f}`));
    flags += await page.locator('.flag').count();
  };
  let states = 0;
  for (const dir of ['', 'zh-cn/']) {
    await page.goto(app.server.url + dir + '#v=decode&in=CapBnd:+00000000a80425fb');
    await appReady(page);
    states += await eachExample(page, (id) => check(`${dir || 'en/'} ${id}`));
  }
  assert.ok(states > 20, `${states} states`);
  assert.ok(flags > 10, `long options were marked (${flags})`);
  assert.deepEqual(broken, []);
  await assertClean(assert, problems);
  await context.close();
});

// The mask builder's 41 boxes on a phone: no name runs out of its box, and
// from 390 px wide none needs a second line.
test('on a phone, every name in the mask builder stays in its box, in either language', { skip }, async () => {
  const found = [];
  for (const width of [360, 390]) {
    const { page, problems, context } = await watchedPage(app.browser, app.origin(), { viewport: { width, height: 800 } });
    for (const dir of ['', 'zh-cn/']) {
      await page.goto(app.server.url + dir + '#v=decode&in=CapBnd:+000001ffffffffff');
      await appReady(page);
      const boxes = await page.locator('.grid label').evaluateAll((labels) => labels.map((l) => {
        const range = document.createRange();
        range.selectNodeContents(l.lastChild);
        const rects = [...range.getClientRects()];
        return { name: l.lastChild.textContent, right: Math.max(...rects.map((r) => r.right)), box: l.getBoundingClientRect().right,
          lines: new Set(rects.map((r) => Math.round(r.top))).size };
      }));
      assert.equal(boxes.length, 41);
      for (const b of boxes) {
        if (b.right > b.box + 0.5) found.push(`${width} px ${dir || 'en'}: ${b.name} runs out of its box`);
        if (width >= 390 && b.lines > 1) found.push(`${width} px ${dir || 'en'}: ${b.name} on ${b.lines} lines`);
      }
    }
    await assertClean(assert, problems);
    await context.close();
  }
  assert.deepEqual(found, []);
});

// An open explanation in the matrix on a phone: the table is wider than the
// screen and scrolls sideways, but the explanation's lines stay inside what
// the box shows, scrolled or not.
test('on a phone, an open explanation stays inside the visible box, in either language', { skip }, async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin(), { viewport: { width: 390, height: 844 } });
  const status = 'CapInh: 0000000000000000\nCapPrm: 00000000a80425fb\nCapEff: 00000000a80425fb\nCapBnd: 00000000a80425fb\nCapAmb: 0000000000000000';
  for (const dir of ['', 'zh-cn/']) {
    await page.goto(app.server.url + dir + '#v=decode&in=' + encodeURIComponent(status) + '&open=13');
    await appReady(page);
    await page.locator('#explain-13 .explanation p').first().waitFor();
    for (const scrolled of [false, true]) {
      const r = await page.evaluate((scrolled) => {
        const wrap = document.querySelector('.matrix-wrap');
        if (scrolled) wrap.scrollLeft = wrap.scrollWidth;
        const w = wrap.getBoundingClientRect();
        const e = document.querySelector('#explain-13 .explanation').getBoundingClientRect();
        return { wrapLeft: w.left, wrapRight: w.right, left: e.left, right: e.right, wider: wrap.scrollWidth > wrap.clientWidth };
      }, scrolled);
      const where = `${dir || 'en'}${scrolled ? ', scrolled' : ''}`;
      assert.ok(r.wider, `${where}: the table should be wider than the phone here`);
      assert.ok(r.left >= r.wrapLeft - 0.5 && r.right <= r.wrapRight + 0.5, `${where}: ${JSON.stringify(r)}`);
    }
  }
  await assertClean(assert, problems);
  await context.close();
});
