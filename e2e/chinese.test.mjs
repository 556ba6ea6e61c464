// End-to-end: the Chinese page (dist/zh-cn/). Every view and every example
// reads as Chinese: no run of three English words in visible text, titles,
// labels or placeholders outside code (the rule of caplens_words::style,
// ported below with its list of kept names read from the Rust source), the
// glossary's spacing, and the main scenarios give their answers in Chinese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, servedApp, watchedPage, assertClean, appReady, eachExample } from './helpers.mjs';

const app = servedApp();
const zh = () => app.server.url + 'zh-cn/';

// The names the Rust checker lets stand together in Chinese prose.
const STYLE = fs.readFileSync(path.join(ROOT, 'crates/words/src/style.rs'), 'utf8');
const KEPT = new Set([...STYLE.match(/KEPT_NAMES: &\[&str\] = &\[([^\]]*)\]/)[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]));

/** The first run of three English words outside backticks, as style::english_run. */
export function englishRun(t) {
  const prose = t.split('`').filter((_, i) => i % 2 === 0).join(' ');
  const isWord = (raw) => {
    const tok = raw.replace(/^[.-]+|[.-]+$/g, '');
    const identifier = /[_./]/.test(tok) || /\d/.test(tok) || /[A-Z]/.test(tok.slice(1));
    return (tok.match(/[A-Za-z]/g) || []).length >= 2 && !identifier && !KEPT.has(tok);
  };
  for (const segment of prose.split(/[^\x00-\x7f]/)) {
    let run = [];
    for (const tok of segment.split(/[^A-Za-z0-9_./-]/).filter(Boolean)) {
      if (!isWord(tok)) { run = []; continue; }
      run.push(tok);
      if (run.length >= 3) return run.join(' ');
    }
  }
  return null;
}

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff]/;
const FULL = '，。、；：？！（）“”';
/** Glossary §7, as style::spacing_error: the first pair that breaks it. */
export function spacingError(t) {
  const latin = (c) => /[A-Za-z0-9`]/.test(c);
  const chars = [...t];
  for (let i = 0; i + 1 < chars.length; i++) {
    const [a, b] = [chars[i], chars[i + 1]];
    const bad = (CJK.test(a) && latin(b)) || (latin(a) && CJK.test(b)) || (a === ' ' && FULL.includes(b)) || (FULL.includes(a) && b === ' ');
    if (bad) return a + b;
  }
  return null;
}

/**
 * Everything a reader meets on the page outside code: visible text (one
 * text node at a time, so a `<code>` between two parts splits them), the
 * title, and the aria-label, placeholder and title attributes.
 */
function readable(page) {
  return page.evaluate(() => {
    const CODE = 'code, pre, textarea, script, style, kbd, samp';
    const out = [document.title];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest(CODE) || !n.data.trim()) continue;
      if (!el.checkVisibility()) continue;
      out.push(n.data.replace(/\s+/g, ' ').trim());
    }
    for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
      for (const a of ['aria-label', 'placeholder', 'title']) {
        // A copy button's title is what it copies: code.
        if (a === 'title' && el.matches('button.copy')) continue;
        if (el.hasAttribute(a)) out.push(el.getAttribute(a));
      }
    }
    return out;
  });
}

async function problemsIn(page, where) {
  const found = [];
  for (const t of await readable(page)) {
    const run = englishRun(t);
    if (run) found.push(`${where}: English "${run}" in "${t.slice(0, 120)}"`);
    const pair = spacingError(t);
    if (pair) found.push(`${where}: spacing "${pair}" in "${t.slice(0, 120)}"`);
  }
  return found;
}

test('the checks find what they should', () => {
  assert.equal(englishRun('允许调用 chroot(2)。'), null);
  assert.equal(englishRun('它能 read and write any file。'), 'read and write');
  assert.equal(englishRun('用 `setcap cap_net_raw=+ep a b c` 标记。'), null);
  assert.equal(spacingError('自Linux 5.8 起。'), '自L');
  assert.equal(spacingError('添加 `NET_ADMIN` 权能，自 Linux 5.8 起。'), null);
  assert.ok(KEPT.has('Kubernetes'), 'the kept names come from style.rs');
});

test('every view and example of the Chinese page reads as Chinese', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin());
  await page.goto(zh() + '#v=decode&in=2000&open=13');
  await appReady(page);
  await page.locator('#explain-13 .loading').waitFor({ state: 'detached' });
  const found = await problemsIn(page, 'decode, explanation open');
  let states = 1;
  states += await eachExample(page, async (id) => found.push(...await problemsIn(page, id)), {
    onView: async (tab) => found.push(...await problemsIn(page, tab)),
  });
  // Errors: a bad mask, a bad process state, a manifest with a YAML error, a Helm template.
  for (const [hash, where] of [
    ['#v=decode&in=CapEff:+00000000zz', 'decode error'],
    ['#v=exec&before=CapEff:+xyz', 'exec error'],
    ['#v=containers&in=apiVersion:+v1%0Akind:+Pod%0A+bad:+[', 'containers error'],
    ['workshop/#v=workshop&s=a5&c=0&r=1', 'workshop, a step revealed'],
    ['#v=containers&in=' + encodeURIComponent('kind: Pod\nmetadata:\n  name: {{ .Release.Name }}\n'), 'containers Helm template'],
  ]) {
    await page.goto(zh() + hash);
    await appReady(page);
    await page.waitForTimeout(100);
    // The workshop's text is fetched when the view opens.
    if (hash.includes('workshop')) await page.locator('#ws-lesson').waitFor();
    found.push(...await problemsIn(page, where));
    states += 1;
  }
  assert.ok(states > 20, `${states} states`);
  assert.deepEqual(found, []);
  await assertClean(assert, problems);
  await context.close();
});

test('Chinese: decode, exec and containers answer in Chinese, errors name line and column', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin());
  await page.goto(zh() + '#v=decode&in=CapBnd:+00000000a80425fb');
  await appReady(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  const decoded = await page.locator('#decode-result').innerText();
  assert.match(decoded, /边界集/);
  assert.match(decoded, /cap_net_raw/);
  assert.match(await page.title(), /解码/);

  await page.click('#tab-exec');
  await page.click('#ex-ping-p');
  await page.locator('#exec-sets').waitFor();
  assert.match(await page.locator('#exec-result').innerText(), /许可集/);

  await page.click('#tab-containers');
  await page.click('#ex-cpb-typo');
  const card = page.locator('#container-0');
  await card.waitFor();
  const text = await card.innerText();
  assert.match(text, /sercurityContext/);
  assert.match(text, /不是/);

  await page.goto(zh() + '#v=decode&in=CapEff:+00000000zz');
  await appReady(page);
  assert.match(await page.locator('#decode-result').innerText(), /第 1 行第 \d+ 列：/);
  await assertClean(assert, problems);
  await context.close();
});

test('Chinese: the error screen after a panic is in Chinese', async () => {
  const { page, context } = await watchedPage(app.browser, app.origin());
  await page.goto(zh() + '#panic-test');
  await page.locator('#panic').waitFor();
  const shown = await page.locator('#panic').innerText();
  assert.ok(CJK.test(shown), shown);
  assert.equal(englishRun(await page.locator('#panic-title').innerText()), null);
  assert.match(await page.locator('#panic-details').innerText(), /panic-test/);
  await context.close();
});
