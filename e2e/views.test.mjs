// End-to-end: the Exec and Containers views, through the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp, watchedPage, assertClean, appReady, eachExample } from './helpers.mjs';

const app = servedApp();
const rowText = (page, set) => page.locator(`#exec-sets tr[data-set="${set}"]`).innerText();

test('exec: ping with +p gets permitted only; +ep gets effective; the link reproduces it', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin());
  await page.goto(app.server.url);
  await appReady(page);
  await page.click('#tab-exec');
  await page.click('#ex-ping-p');
  await page.locator('#exec-sets').waitFor();
  assert.match(await rowText(page, 'pP'), /0000000000003000/);
  assert.match(await rowText(page, 'pE'), /0000000000000000\s+0000000000000000/);
  assert.match(await page.locator('#exec-notes').innerText(), /\+ep/);
  assert.match(new URL(page.url()).hash, /^#v=exec&.*file=cap_net_admin,cap_net_raw%2Bp/);
  assert.match(await page.locator('#exec-lesson').innerText(), /.+/);

  // Typing a getcap line with +ep makes the same capability effective.
  await page.fill('#exec-file', '/usr/bin/ping cap_net_raw=ep');
  await page.waitForFunction(() => /0000000000002000/.test(document.querySelector('#exec-sets tr[data-set="pE"]')?.textContent || ''));
  assert.match(await page.locator('#exec-reasons').innerText(), /cap_net_raw \(gained\)/);

  // A permalink in a fresh tab shows the same result.
  const link = page.url();
  const shown = await page.locator('#exec-result').innerText();
  const second = await watchedPage(app.browser, app.origin());
  await second.page.goto(link);
  await second.page.locator('#exec-sets').waitFor();
  assert.equal(await second.page.locator('#exec-result').innerText(), shown);
  await assertClean(assert, problems);
  await assertClean(assert, second.problems);
  await context.close();
  await second.context.close();
});

test('exec: capabilities that changed alike for the same reason share one line', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin());
  // root running a plain program: 41 capabilities kept in each set for one reason.
  await page.goto(app.server.url + '#v=exec&uid=0');
  await page.locator('#exec-reasons').waitFor();
  for (const set of ['pP', 'pE']) {
    const lines = await page.locator(`#exec-reasons .reasons[data-set="${set}"] li`).allInnerTexts();
    const reasons = lines.map((l) => l.slice(l.indexOf('): ') + 3));
    assert.equal(new Set(reasons).size, reasons.length, lines.join('\n'));
    assert.match(lines.join('\n'), /cap_chown, cap_dac_override, .*cap_checkpoint_restore \(kept\)/);
  }
  await assertClean(assert, problems);
  await context.close();
});

test('exec: a file asking for more than the bounding set allows is refused with EPERM, explained', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin());
  await page.goto(app.server.url + '#v=exec');
  await appReady(page);
  await page.click('#ex-docker-user-eperm');
  await page.locator('#exec-eperm').waitFor();
  assert.match(await page.locator('#exec-eperm').innerText(), /EPERM[\s\S]*cap_net_admin/);
  // Bad input says what and where, never a blank result.
  await page.fill('#exec-file', 'cap_net_rw+ep');
  await page.locator('#exec-error').waitFor();
  assert.match(await page.locator('#exec-error').innerText(), /cap_net_rw/);
  await assertClean(assert, problems);
  await context.close();
});

test('containers: the Kubernetes cpb-demo with the sercurityContext typo is flagged, and fixed it is not', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin());
  await page.goto(app.server.url);
  await appReady(page);
  await page.click('#tab-containers');
  await page.click('#ex-cpb-typo');
  const card = page.locator('#container-0');
  await card.waitFor();
  assert.match(await card.locator('h3').innerText(), /Pod\/cpb-demo/);
  const ids = await card.locator('.finding').evaluateAll((fs) => fs.map((f) => f.dataset.id));
  assert.ok(ids.includes('unknown-field'), ids.join(','));
  assert.match(await card.innerText(), /sercurityContext/);
  assert.match(await card.locator('pre.yaml').innerText(), /drop: \["ALL"\]/);

  await page.click('#ex-cpb-fixed');
  await page.waitForFunction(() => !document.querySelector('#container-0 .finding[data-id="unknown-field"]'));
  assert.match(await page.locator('#container-0').innerText(), /NET_ADMIN/);
  // The runtime selector changes the analysis and the link.
  await page.selectOption('#containers-runtime', 'crio');
  await page.waitForFunction(() => /CRI-O/.test(document.querySelector('#container-0 h3')?.textContent || ''));
  assert.match(new URL(page.url()).hash, /rt=crio/);
  await assertClean(assert, problems);
  await context.close();
});

test('containers: an example replaces the paste but keeps the runtime, Docker era and image user', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin());
  await page.goto(app.server.url + '#v=containers');
  await appReady(page);
  await page.selectOption('#containers-runtime', 'crio');
  await page.selectOption('#containers-docker', 'le-20.10.13');
  await page.selectOption('#containers-user', 'nonroot');
  await page.click('#ex-cpb-fixed');
  await page.waitForFunction(() => /CRI-O/.test(document.querySelector('#container-0 h3')?.textContent || ''));
  assert.equal(await page.inputValue('#containers-runtime'), 'crio');
  await page.click('#ex-docker-run');
  await page.locator('#container-0').waitFor();
  await page.waitForFunction(() => /docker run/.test(document.querySelector('#containers-input')?.value || ''));
  assert.equal(await page.inputValue('#containers-docker'), 'le-20.10.13');
  assert.equal(await page.inputValue('#containers-user'), 'nonroot');
  // A docker command line has no Kubernetes runtime to choose; the choice
  // stays in the link for the next manifest.
  const hash = new URL(page.url()).hash;
  assert.match(hash, /rt=crio/);
  assert.match(hash, /docker=le-20\.10\.13/);
  assert.match(hash, /user=nonroot/);
  // The example's own file capabilities still come and go with it.
  await page.click('#ex-bind-nonroot-fcaps');
  await page.waitForFunction(() => document.querySelector('#containers-fcaps')?.value === 'cap_net_bind_service+ep');
  await page.click('#ex-cpb-typo');
  await page.waitForFunction(() => document.querySelector('#containers-fcaps')?.value === '');
  assert.equal(await page.inputValue('#containers-runtime'), 'crio');
  await assertClean(assert, problems);
  await context.close();
});

test('containers: the snippet can be scrolled by keyboard; what the page draws has enough contrast', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin());
  await page.goto(app.server.url + '#v=containers');
  await appReady(page);
  await page.click('#ex-cpb-fixed');
  await page.locator('#container-0').waitFor();
  assert.equal(await page.getAttribute('#hardened-0', 'tabindex'), '0');
  // Contrast of what the page draws itself: placeholder text >= 4.5:1,
  // the "not in this set" mark and the focus ring >= 3:1 (WCAG 1.4.3, 1.4.11).
  const ratio = await page.evaluate(() => {
    const rgb = (c) => c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
    const lum = (c) => {
      const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const cr = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    const fcaps = document.querySelector('#containers-fcaps');
    const panel = getComputedStyle(document.querySelector('.panel')).backgroundColor;
    const root = getComputedStyle(document.documentElement);
    return {
      placeholder: cr(getComputedStyle(fcaps, '::placeholder').color, getComputedStyle(fcaps).backgroundColor),
      mark: cr(root.getPropertyValue('--mark').trim().replace(/^#(..)(..)(..)$/, (_, r, g, b) => `rgb(${parseInt(r, 16)}, ${parseInt(g, 16)}, ${parseInt(b, 16)})`), panel),
      focus: cr(root.getPropertyValue('--focus').trim().replace(/^#(..)(..)(..)$/, (_, r, g, b) => `rgb(${parseInt(r, 16)}, ${parseInt(g, 16)}, ${parseInt(b, 16)})`), panel),
    };
  });
  assert.ok(ratio.placeholder >= 4.5, JSON.stringify(ratio));
  assert.ok(ratio.mark >= 3 && ratio.focus >= 3, JSON.stringify(ratio));
  await assertClean(assert, problems);
  await context.close();
});

test('containers: docker run --cap-add NET_ADMIN --user 1000 explains why the add does nothing', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin());
  await page.goto(app.server.url + '#v=containers');
  await appReady(page);
  await page.click('#ex-docker-run');
  const card = page.locator('#container-0');
  await card.waitFor();
  assert.match(await page.locator('#containers-form').innerText(), /docker|command/i);
  const ids = await card.locator('.finding').evaluateAll((fs) => fs.map((f) => f.dataset.id));
  assert.ok(ids.includes('ineffective-add'), ids.join(','));
  assert.match(await card.locator('tr[data-set="CapEff"]').innerText(), /0000000000000000/);
  // YAML errors come with line and column.
  await page.fill('#containers-input', 'kind: Pod\nspec:\n  containers: [\n');
  await page.locator('#containers-error').waitFor();
  assert.match(await page.locator('#containers-error').innerText(), /line \d+, column \d+/i);
  // A Helm template is named as such, with what to paste instead.
  await page.fill('#containers-input', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  containers:\n  - name: app\n    securityContext:\n      {{- toYaml .Values.securityContext | nindent 6 }}\n');
  await page.waitForFunction(() => /Helm template/.test(document.querySelector('#containers-error')?.innerText ?? ''));
  const helm = page.locator('#containers-error');
  assert.match(await helm.innerText(), /line 4, column 9/);
  assert.deepEqual(await helm.locator('code').allInnerTexts(), ['{{ … }}', 'helm template', 'kubectl get … -o yaml']);
  await assertClean(assert, problems);
  await context.close();
});

test('every example of every view renders without an error', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin());
  await page.goto(app.server.url);
  await appReady(page);
  for (const [tab, result] of [['#tab-exec', '#exec-result'], ['#tab-containers', '#containers-result']]) {
    await page.click(tab);
    for (const id of await page.locator('.examples button').evaluateAll((bs) => bs.map((b) => b.id))) {
      await page.click('#' + id);
      await page.waitForTimeout(50);
      assert.equal(await page.locator(`${result} .error[role=alert]`).count() > 0 && id !== 'ex-docker-user-eperm', false, id);
    }
  }
  await assertClean(assert, problems);
  await context.close();
});

test('commands, fields and values read as code: no text shows a pair of backticks', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin());
  const backticked = () => page.evaluate(() => {
    const found = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (/`[^`]+`/.test(n.data) && !n.parentElement.closest('textarea')) found.push(n.data.slice(0, 80));
    }
    return found;
  });
  await page.goto(app.server.url + '#v=decode&in=2000&open=13');
  await appReady(page);
  await page.locator('#explain-13 .loading').waitFor({ state: 'detached' });
  let codes = 0;
  await eachExample(page, async (id) => {
    assert.deepEqual(await backticked(), [], id);
    codes += await page.locator('main code').count();
  });
  assert.ok(codes > 20, `code elements were rendered (${codes})`);
  await assertClean(assert, problems);
  await context.close();
});

test('every copy button has a name of its own that starts with its visible label', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin());
  for (const [hash, example] of [['#v=decode', '#ex-docker-status'], ['#v=exec', '#ex-ping-p'], ['#v=containers', '#ex-compose']]) {
    await page.goto(app.server.url + hash);
    await appReady(page);
    await page.click(example);
    await page.locator('main button.copy').first().waitFor();
    const buttons = await page.locator('main button.copy').evaluateAll((bs) =>
      bs.map((b) => ({ name: b.getAttribute('aria-label'), shown: b.textContent.trim() })));
    assert.ok(buttons.length >= 2, hash);
    const names = buttons.map((b) => b.name);
    assert.equal(new Set(names).size, names.length, `${hash}: ${names.join(' | ')}`);
    for (const b of buttons) assert.ok(b.name.startsWith(b.shown), `${b.name} / ${b.shown}`);
  }
  await assertClean(assert, problems);
  await context.close();
});

test('a link followed inside the page (hashchange) and Back both update the view', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin());
  await page.goto(app.server.url + '#v=decode&in=a80425fb');
  await page.locator('#matrix').waitFor();
  await page.evaluate(() => { location.hash = '#v=containers&in=docker+run+--cap-add+NET_RAW+alpine'; });
  await page.locator('#container-0').waitFor();
  assert.equal(await page.inputValue('#containers-input'), 'docker run --cap-add NET_RAW alpine');
  await page.goBack();
  await page.locator('#matrix').waitFor();
  assert.equal(await page.inputValue('#decode-input'), 'a80425fb');
  await assertClean(assert, problems);
  await context.close();
});

test('decode -> exec: a pasted /proc status becomes the process before exec', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin());
  await page.goto(app.server.url);
  await appReady(page);
  await page.click('#ex-proc-status');
  await page.click('#decode-to-exec');
  await page.locator('#exec-sets').waitFor();
  assert.match(await page.locator('#exec-setup').innerText(), /uid 1000/);
  assert.match(await page.inputValue('#exec-before'), /CapBnd:\t000001ffffffffff/);
  await assertClean(assert, problems);
  await context.close();
});

test('a link into another view starts at its top, on its heading, with its own title', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin(), { viewport: { width: 1280, height: 720 } });
  await page.goto(app.server.url);
  await appReady(page);
  assert.match(await page.title(), /^Decode · caplens/);
  await page.click('#ex-docker-status');
  await page.locator('#decode-to-exec').scrollIntoViewIfNeeded();
  assert.ok(await page.evaluate(() => window.scrollY) > 0, 'the link is below the fold');
  await page.click('#decode-to-exec');
  await page.locator('#exec-sets').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'exec-input-title');
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  assert.match(await page.title(), /^Exec · caplens/);
  // The heading takes focus from the script only: Tab order is unchanged.
  assert.equal(await page.getAttribute('#exec-input-title', 'tabindex'), '-1');
  // Tabs keep focus on the tab itself (the usual tab behaviour).
  await page.click('#tab-containers');
  assert.match(await page.title(), /^Containers · caplens/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'tab-containers');
  await assertClean(assert, problems);
  await context.close();
});

test('containers -> exec: PID 1 of a container opens in the exec view with the same result', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin());
  await page.goto(app.server.url + '#v=containers');
  await appReady(page);
  await page.click('#ex-bind-nonroot-fcaps');
  const eff = await page.locator('#container-0 tr[data-set="CapEff"] td.mono').first().innerText();
  await page.click('#container-0 .exec-links a');
  await page.locator('#exec-sets').waitFor();
  const after = await page.locator('#exec-sets tr[data-set="pE"] td:nth-of-type(2)').innerText();
  assert.equal(after, eff, 'the exec view computes the same effective set as the container card');
  assert.equal(eff, '0000000000000400');
  await assertClean(assert, problems);
  await context.close();
});

test('containers: a paste over 64 KB is read in slices behind a "Reading…" line, and a newer paste wins', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin());
  await page.goto(app.server.url + '#v=containers');
  await appReady(page);
  const doc = (i) => `---\napiVersion: v1\nkind: Pod\nmetadata: {name: p${i}}\nspec:\n  containers:\n  - name: c\n    image: busybox\n    securityContext:\n      capabilities: {add: [NET_ADMIN]}\n`;
  const big = Array.from({ length: 1200 }, (_, i) => doc(i)).join('');
  assert.ok(big.length > 64 * 1024);
  const setText = (text) => page.evaluate((text) => {
    const area = document.querySelector('#containers-input');
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  // The pending line comes first, then the answer. Reading is quick, so the
  // line may be gone before a poll would see it: a MutationObserver set up
  // before the input records whether it was ever added to the page.
  const sawPending = await page.evaluate((text) => new Promise((resolve) => {
    let seen = false;
    // The records, not the current DOM: the line may already be replaced
    // when the observer's callback runs. Yew may also turn an existing <p>
    // into it by changing its id, which is an attribute record.
    const pending = (n) => n.nodeType === 1 && (n.id === 'containers-pending' || !!n.querySelector('#containers-pending'));
    const obs = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes' && r.target.id === 'containers-pending') seen = true;
        for (const n of r.addedNodes) if (pending(n)) seen = true;
      }
    });
    obs.observe(document.querySelector('#containers-result'), { childList: true, subtree: true, attributes: true, attributeFilter: ['id'] });
    const area = document.querySelector('#containers-input');
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    const done = () => (document.querySelector('#container-0') ? (obs.disconnect(), resolve(seen)) : setTimeout(done, 5));
    done();
  }), big);
  assert.ok(sawPending, 'a "Reading…" line was shown while the paste was read');
  await page.locator('#container-0').waitFor();
  assert.equal(await page.locator('#containers-pending').count(), 0);
  assert.match(await page.locator('#containers-result').innerText(), /1200 containers/);
  // Under the folding size the text box stays in view.
  assert.equal(await page.locator('#containers-folded').count(), 0);
  assert.ok(await page.locator('#containers-input').isVisible());
  assert.equal(await page.locator('#containers-result article.card').count(), 30);
  // A big paste replaced at once by a small one: the small one's answer stays.
  await setText(big.replace('p0}', 'q0}'));
  await setText('docker run --cap-add NET_RAW alpine');
  await page.waitForTimeout(1500);
  assert.equal(await page.locator('#containers-pending').count(), 0);
  assert.match(await page.locator('#containers-form').innerText(), /docker/i);
  assert.equal(await page.locator('#containers-result article.card').count(), 1);
  await assertClean(assert, problems);
  await context.close();
});

test('containers: a paste over 256 KB folds the text box away until asked, and keeps the text', async () => {
  const { page, problems, context } = await watchedPage(app.browser, app.origin());
  await page.goto(app.server.url + '#v=containers');
  await appReady(page);
  const doc = (i) => `---\napiVersion: v1\nkind: Pod\nmetadata: {name: p${i}}\nspec:\n  containers:\n  - name: c\n    image: busybox\n`;
  const big = Array.from({ length: 4000 }, (_, i) => doc(i)).join('');
  assert.ok(big.length > 256 * 1024);
  await page.evaluate((text) => {
    const area = document.querySelector('#containers-input');
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, big);
  await page.locator('#container-0').waitFor();
  assert.match(await page.locator('#containers-folded').innerText(), /KB pasted/);
  assert.equal(await page.locator('#containers-input').isVisible(), false);
  assert.match(await page.locator('#containers-result').innerText(), /4000 containers/);
  await page.locator('#containers-unfold').click();
  await page.locator('#containers-input').waitFor({ state: 'visible' });
  assert.equal(await page.locator('#containers-folded').count(), 0);
  assert.equal((await page.locator('#containers-input').inputValue()).length, big.length);
  // A small paste afterwards is shown as usual.
  await page.evaluate(() => {
    const area = document.querySelector('#containers-input');
    area.value = 'docker run --cap-add NET_RAW alpine';
    area.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.locator('#containers-form').filter({ hasText: /docker/i }).waitFor();
  await page.locator('#container-0').waitFor();
  assert.ok(await page.locator('#containers-input').isVisible());
  await assertClean(assert, problems);
  await context.close();
});
