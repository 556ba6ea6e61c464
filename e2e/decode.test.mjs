// End-to-end: the release build in headless Chromium, served on 127.0.0.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { servedApp, watchedPage, assertClean, appReady, DIST } from './helpers.mjs';
import { startServer } from '../scripts/static-server.mjs';

const app = servedApp();
const capNames = (page) => page.locator('#matrix tr.cap-row .cap-name').allTextContents();
// An explanation opens at once; its long text arrives with the file the
// page fetches the first time one is opened.
async function explanationShown(page, cap) {
  await page.locator(`#explain-${cap}`).waitFor();
  await page.locator(`#explain-${cap} .loading`).waitFor({ state: 'detached' });
}

const CAPSH_37 = 'cap_chown,cap_dac_override,cap_dac_read_search,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,' +
  'cap_setpcap,cap_linux_immutable,cap_net_bind_service,cap_net_broadcast,cap_net_admin,cap_net_raw,cap_ipc_lock,' +
  'cap_ipc_owner,cap_sys_module,cap_sys_rawio,cap_sys_chroot,cap_sys_ptrace,cap_sys_pacct,cap_sys_admin,cap_sys_boot,' +
  'cap_sys_nice,cap_sys_resource,cap_sys_time,cap_sys_tty_config,cap_mknod,cap_lease,cap_audit_write,cap_audit_control,' +
  'cap_setfcap,cap_mac_override,cap_mac_admin,cap_syslog,cap_wake_alarm,cap_block_suspend';

test('loads cleanly: title, four views, no errors, only its own files', async () => {
  const { page, problems, log, context } = await watchedPage(app.browser, app.origin());
  await page.goto(app.server.url);
  await appReady(page);
  assert.match(await page.title(), /caplens/);
  // Three views of this build, and the workshop's build behind a link.
  assert.equal(await page.locator('nav.tabs button.tab').count(), 3);
  assert.equal(await page.locator('nav.tabs a.tab#tab-workshop').getAttribute('href'), 'workshop/#v=workshop');
  assert.equal(await page.locator('#boot').count(), 0, 'the loading line is gone');
  // The page is strict: CSP meta present, no inline script at all.
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline|https?:/);
  const inline = await page.evaluate(() => [...document.scripts].filter((s) => !s.src).length);
  assert.equal(inline, 0, 'no inline <script>');
  assert.ok(log.requests.some((u) => u.endsWith('.wasm')), 'the wasm came from this server');
  await assertClean(assert, problems);
  await context.close();
});

test('paste CapBnd: 0000001fffffffff and see its 37 names, as capsh --decode lists them', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin());
  await page.goto(app.server.url);
  await appReady(page);
  await page.fill('#decode-input', 'CapBnd: 0000001fffffffff');
  await page.waitForFunction(() => document.querySelectorAll('#matrix tr.cap-row').length === 37);
  assert.equal((await capNames(page)).join(','), CAPSH_37);
  assert.match(await page.locator('#set-0').textContent(), /3\.5/);
  // The fragment now reproduces the state.
  assert.equal(new URL(page.url()).hash, '#v=decode&in=CapBnd:+0000001fffffffff');
  await assertClean(assert, problems);
  await context.close();
});

test('a permalink opened in a new tab shows the same state', async () => {
  const first = await watchedPage(app.browser, app.origin());
  await first.page.goto(app.server.url);
  await appReady(first.page);
  await first.page.click('#ex-docker-status');
  await first.page.click('#matrix tr[data-cap="13"] .cap-name');
  await explanationShown(first.page, 13);
  const link = first.page.url();
  const shown = await first.page.locator('#decode-result').innerText();

  const second = await watchedPage(app.browser, app.origin());
  await second.page.goto(link);
  await explanationShown(second.page, 13);
  assert.equal(await second.page.locator('#decode-result').innerText(), shown);
  assert.equal(await second.page.inputValue('#decode-input'), await first.page.inputValue('#decode-input'));
  await assertClean(assert, first.problems);
  await assertClean(assert, second.problems);
  await first.context.close();
  await second.context.close();
});

test('pasted markup and script show as text and never run', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin());
  await page.goto(app.server.url);
  await appReady(page);
  const hostile = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2" id=injected>';
  await page.fill('#decode-input', hostile);
  await page.locator('#decode-error').waitFor();
  assert.equal(await page.locator('#injected').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.match(await page.locator('#decode-error').innerText(), /<script>window\.__pwned/);
  // The same text through a permalink.
  await page.goto(app.server.url + '#v=decode&in=' + encodeURIComponent(hostile));
  await page.reload();
  await page.locator('#decode-error').waitFor();
  assert.equal(await page.locator('#injected').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await assertClean(assert, problems);
  await context.close();
});

test('every decode example loads in one click', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin());
  await page.goto(app.server.url);
  await appReady(page);
  for (const id of await page.locator('.examples button').evaluateAll((bs) => bs.map((b) => b.id))) {
    await page.click('#' + id);
    await page.locator('#matrix').waitFor();
    assert.equal(await page.locator('#decode-error').count(), 0, id);
  }
  await page.click('#ex-capsh-decode');
  await page.waitForFunction(() => document.querySelectorAll('#matrix tr.cap-row').length === 37);
  await assertClean(assert, problems);
  await context.close();
});

test('keyboard: tab to a view, type, and open an explanation with Enter', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin());
  await page.goto(app.server.url + '#v=decode&in=2000');
  await appReady(page);
  await page.locator('#matrix tr[data-cap="13"] .cap-name').focus();
  await page.keyboard.press('Enter');
  await explanationShown(page, 13);
  const focusVisible = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(focusVisible, 'none', 'focused control shows a focus ring');
  await assertClean(assert, problems);
  await context.close();
});

test('dist/ works from a sub-path of a static host', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'caplens-sub-'));
  fs.mkdirSync(path.join(tmp, 'tools'));
  fs.symlinkSync(DIST, path.join(tmp, 'tools', 'caplens'));
  const sub = await startServer(tmp);
  try {
    const { page, problems, context } = await watchedPage(app.browser, new URL(sub.url).origin);
    await page.goto(sub.url + 'tools/caplens/#v=decode&in=a80425fb');
    await page.locator('#matrix').waitFor();
    assert.equal((await capNames(page)).length, 14);
    await assertClean(assert, problems);
    await context.close();
  } finally {
    await sub.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('a wasm panic shows a friendly, reportable error instead of a dead page', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin());
  await page.goto(app.server.url + '#panic-test');
  const panel = page.locator('#panic');
  await panel.waitFor({ timeout: 15_000 });
  assert.equal(await panel.getAttribute('role'), 'alert');
  assert.match(await panel.innerText(), /bug/i);
  assert.match(await page.locator('#panic-details').innerText(), /panic-test/);
  await page.click('#panic-copy');
  await page.locator('#panic-copy-status').filter({ hasText: /.+/ }).waitFor();
  assert.equal(await page.locator('#panic-reload').count(), 1);
  // The panic itself is reported as an uncaught error; nothing else is.
  const p = await problems();
  assert.ok(p.pageErrors.length >= 1, 'the trap surfaces as a page error');
  assert.deepEqual(p.csp, []);
  assert.deepEqual(p.foreign, []);
  await context.close();
});

test('a copy button says so for a moment, through re-renders, then shows its label again', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin());
  await page.goto(app.server.url + '#v=decode');
  await appReady(page);
  await page.click('#ex-docker-status');
  const copy = page.locator('#mask-grid button.copy').first();
  assert.equal(await copy.innerText(), 'Copy mask');
  await copy.locator('span').click();
  // On 127.0.0.1 the Clipboard API exists, so the copy is reported as done.
  await page.waitForFunction(() => document.querySelector('#mask-grid button.copy').textContent === 'Copied');
  // Ticking a box re-renders the grid and changes what the button copies;
  // the feedback stays until its time is up.
  await page.click('#grid-13');
  await page.waitForFunction(() => document.querySelector('#grid-hex').textContent === '00000000a80405fb');
  assert.equal(await copy.innerText(), 'Copied');
  assert.equal(await copy.getAttribute('title'), '00000000a80405fb');
  await page.waitForFunction(() => document.querySelector('#mask-grid button.copy').textContent === 'Copy mask', null, { timeout: 5_000 });
  await assertClean(assert, problems);
  await context.close();
});

test('the explanations are fetched the first time one is opened, once, and not on a first visit', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin());
  const asked = [];
  page.on('request', (r) => { if (r.url().endsWith('/explanations.txt')) asked.push(r.url()); });
  await page.goto(app.server.url + '#v=decode&in=2000');
  await appReady(page);
  await page.waitForLoadState('networkidle');
  assert.equal(asked.length, 0, 'a first visit does not load the explanations');
  await page.click('#matrix tr[data-cap="13"] .cap-name');
  await explanationShown(page, 13);
  assert.match(await page.locator('#explain-13').innerText(), /ping/);
  await page.click('#matrix tr[data-cap="13"] .cap-name');
  await page.click('#show-all');
  await page.click('#matrix tr[data-cap="21"] .cap-name');
  await explanationShown(page, 21);
  assert.match(await page.locator('#explain-21').innerText(), /release_agent/);
  assert.equal(asked.length, 1, 'the file is fetched once');
  await assertClean(assert, problems);
  await context.close();
});

test('an explanation that cannot be fetched says so, and the rest of the page works', async () => {
  const { page, context } = await watchedPage(app.browser, app.origin());
  await page.route('**/explanations.txt', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(app.server.url + '#v=decode&in=2000&open=13');
  await appReady(page);
  await page.locator('#explain-13 .loading').waitFor({ state: 'detached' });
  assert.match(await page.locator('#explain-13').innerText(), /could not be loaded \(the server answered 404\)/);
  assert.match(await page.locator('#explain-13').innerText(), /CAP_NET_RAW/);
  assert.deepEqual(await capNames(page), ['cap_net_raw']);
  await context.close();
});

test('each set card says in one sentence what its set is', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin());
  await page.goto(app.server.url + '#v=decode');
  await appReady(page);
  await page.click('#ex-docker-status');
  await page.locator('#set-4').waitFor();
  const meanings = await page.locator('.set-card .meaning').allInnerTexts();
  assert.equal(meanings.length, 5);
  assert.equal(new Set(meanings).size, 5);
  assert.match(await page.locator('#set-2').innerText(), /CapEff[\s\S]*checks right now/);
  // A bare mask is no particular set: nothing to define.
  await page.fill('#decode-input', 'a80425fb');
  await page.waitForFunction(() => document.querySelectorAll('.set-card').length === 1);
  assert.equal(await page.locator('.set-card .meaning').count(), 0);
  await assertClean(assert, problems);
  await context.close();
});
