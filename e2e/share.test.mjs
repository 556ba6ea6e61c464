// End-to-end: sharing the page (src/share.rs), in both languages. "Copy
// link" puts the exact address in the clipboard; the QR code toggle shows an
// SVG that a decoder (zbar's zbarimg, Debian zbar-tools, installed by
// scripts/install.sh test) reads back as the page's address, and follows
// the link as it changes; a link longer than a QR code holds says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { servedApp, watchedPage, assertClean, appReady } from './helpers.mjs';

const app = servedApp();

function haveZbarimg() {
  try {
    execFileSync('zbarimg', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const noDecoder = haveZbarimg() ? false : 'zbarimg not installed (Debian zbar-tools; scripts/install.sh test installs it)';
if (noDecoder) console.log(`SKIP share QR decoding: ${noDecoder}`);

const LANGS = [
  { name: 'English', path: '', copied: 'Copied', copyLink: 'Copy link', qr: 'QR code', image: /QR code/ },
  { name: 'Chinese', path: 'zh-cn/', copied: '已复制', copyLink: '复制链接', qr: '二维码', image: /二维码/ },
];

/** What zbarimg reads in a screenshot of the page's QR code. */
async function decodeShown(page) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caplens-share-'));
  const file = path.join(dir, 'qr.png');
  try {
    await page.locator('svg.share-qr-code').screenshot({ path: file });
    const out = execFileSync('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return out.replace(/\n$/, '');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A page of `lang` at the Containers view with a bind-root example loaded (a link of several hundred characters). */
async function containerPage(lang) {
  const watched = await watchedPage(app.browser, app.origin());
  await watched.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin() });
  await watched.page.goto(app.server.url + lang.path + '#v=containers');
  await appReady(watched.page);
  await watched.page.click('#ex-bind-root');
  await watched.page.waitForFunction(() => location.hash.includes('in='));
  return watched;
}

for (const lang of LANGS) {
  test(`share (${lang.name}): Copy link copies the exact address and says so`, async () => {
    const { page, problems, context } = await containerPage(lang);
    const href = await page.evaluate(() => location.href);
    assert.ok(href.length > 400, `a container link is long: ${href.length}`);
    const button = page.locator('#share-copy');
    assert.equal((await button.innerText()).trim(), lang.copyLink);
    await button.click();
    await page.waitForFunction((said) => document.querySelector('#share-copy').textContent === said, lang.copied);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), href);
    // The label comes back.
    await page.waitForFunction((label) => document.querySelector('#share-copy').textContent === label, lang.copyLink, { timeout: 5000 });
    await assertClean(assert, problems);
    await context.close();
  });

  test(`share (${lang.name}): the QR code toggle shows an accessible SVG and hides it again`, async () => {
    const { page, problems, context } = await containerPage(lang);
    const toggle = page.locator('#share-qr-toggle');
    assert.equal((await toggle.innerText()).trim(), lang.qr);
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('#share-qr').isHidden(), true);
    assert.equal(await page.locator('#share-qr svg').count(), 0, 'no QR code computed while closed');
    await toggle.click();
    const svg = page.locator('#share-qr svg.share-qr-code');
    await svg.waitFor();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.equal(await svg.getAttribute('role'), 'img');
    assert.match(await svg.getAttribute('aria-label'), lang.image);
    // One path, in module units with a quiet zone of 4 on each side.
    assert.equal(await page.locator('#share-qr svg path').count(), 1);
    const [, , w] = (await svg.getAttribute('viewBox')).split(' ').map(Number);
    assert.equal((w - 8 - 17) % 4, 0, `a QR code is 17 + 4 × version modules wide: ${w - 8}`);
    const box = await svg.boundingBox();
    assert.ok(box.width >= 300, `large enough to scan from a room: ${box.width}px`);
    await toggle.click();
    assert.equal(await page.locator('#share-qr').isHidden(), true);
    assert.equal(await page.locator('#share-qr svg').count(), 0);
    await assertClean(assert, problems);
    await context.close();
  });

  test(`share (${lang.name}): the QR code reads back as the page's address and follows it`, { skip: noDecoder }, async () => {
    const { page, problems, context } = await containerPage(lang);
    await page.click('#share-qr-toggle');
    await page.locator('svg.share-qr-code').waitFor();
    assert.equal(await decodeShown(page), await page.evaluate(() => location.href));

    // Typing changes the link; the QR code follows.
    const before = await page.evaluate(() => location.href);
    await page.fill('#containers-input', 'kind: Pod\nspec:\n  containers:\n  - name: web\n    image: nginx\n');
    await page.waitForFunction((old) => location.href !== old, before);
    await page.waitForTimeout(100);
    const after = await page.evaluate(() => location.href);
    assert.equal(await decodeShown(page), after);
    await assertClean(assert, problems);
    await context.close();
  });

  test(`share (${lang.name}): a link longer than a QR code holds says so instead`, async () => {
    const { page, problems, context } = await containerPage(lang);
    await page.click('#share-qr-toggle');
    const long = 'kind: Pod\nspec:\n  containers:\n' +
      Array.from({ length: 200 }, (_, i) => `  - name: c${i}\n    image: nginx\n`).join('');
    await page.fill('#containers-input', long);
    const note = page.locator('#share-qr-too-long');
    await note.waitFor();
    const len = await page.evaluate(() => location.href.length);
    assert.ok(len > 2953, `the link is longer than a version 40 symbol holds: ${len}`);
    assert.match(await note.innerText(), new RegExp(`${len}.*2953`));
    assert.equal(await page.locator('svg.share-qr-code').count(), 0);
    await assertClean(assert, problems);
    await context.close();
  });
}
