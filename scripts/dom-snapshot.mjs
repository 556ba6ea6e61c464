// Serializes the page's DOM in many states (examples, errors, toggles,
// typing, selects), one file per state, so two builds can be compared with
// `diff -r`: text nodes are kept separate, attributes sorted, and form
// controls' properties (value, checked, selected, disabled, open) listed.
// For refactors that must not change what the page shows.
// Usage (after `make build` in each worktree):
//   node scripts/dom-snapshot.mjs <worktree> <outdir> [name-filter]
import fs from 'node:fs';
import path from 'node:path';
const wt = process.argv[2], out = process.argv[3];
const { launch, serve } = await import(path.join(wt, 'e2e/helpers.mjs'));
fs.mkdirSync(out, { recursive: true });

const POD = (i) => `---\napiVersion: v1\nkind: Pod\nmetadata: {name: p${i}}\nspec:\n  containers:\n  - name: c${i}\n    image: x\n    securityContext: {capabilities: {add: [NET_RAW${i % 2 ? ', SYS_ADMIN' : ''}]}}\n`;
const MANY = Array.from({ length: 35 }, (_, i) => POD(i)).join('');
const S = [
  { n: 'decode-empty', h: '#v=decode' },
  { n: 'decode-capsh', h: '#v=decode', c: ['#ex-capsh-decode'] },
  { n: 'decode-docker-status', h: '#v=decode', c: ['#ex-docker-status', '#matrix tr[data-cap="13"] .cap-name'] },
  { n: 'decode-docker-status-all', h: '#v=decode', c: ['#ex-docker-status', '#show-all', '#matrix tr[data-cap="2"] .cap-name'] },
  { n: 'decode-docker-default', h: '#v=decode', c: ['#ex-docker-default'] },
  { n: 'decode-proc', h: '#v=decode', c: ['#ex-proc-status'] },
  { n: 'decode-proc-grid', h: '#v=decode', c: ['#ex-proc-status'], sel: [['#grid-set', '2']], c2: ['#grid-5'] },
  { n: 'decode-grid-empty', h: '#v=decode', c: ['#grid-7', '#grid-40'] },
  { n: 'decode-error', h: '#v=decode&in=CapBnd:+00000000a80425fg' },
  { n: 'decode-error-long', h: '#v=decode&in=' + encodeURIComponent('CapBnd: ' + '0'.repeat(100) + 'zz') },
  { n: 'decode-unknown-bits', h: '#v=decode&in=ffffffffffffffff&open=50' },
  { n: 'decode-open-unknown', h: '#v=decode&in=c000000000000000&open=63&all=1' },
  { n: 'decode-getcap', h: '#v=decode&in=' + encodeURIComponent('/usr/bin/ping cap_net_raw=ep') },
  { n: 'decode-names', h: '#v=decode&in=' + encodeURIComponent('cap_net_raw,cap_sys_admin') },
  { n: 'decode-capsh-print', h: '#v=decode&in=' + encodeURIComponent('Current: =ep cap_sys_admin-ep\nBounding set =cap_chown,cap_kill\nSecurebits: 00/0x0/1\'b0\n secure-noroot: no (unlocked)\nuid=1000(u) euid=0(root)\ngid=0(root)\ngroups=\nGuessed mode: UNCERTAIN (0)') },
  { n: 'decode-status-nnp', h: '#v=decode&in=' + encodeURIComponent('Uid:\t1000\t0\t0\t0\nCapInh:\t0\nCapPrm:\t3000\nCapEff:\t3000\nCapBnd:\t00000000a80425fb\nCapAmb:\t0\nNoNewPrivs:\t1\nSeccomp:\t2') },
  { n: 'decode-status-nnp0', h: '#v=decode&in=' + encodeURIComponent('CapEff:\t3000\nNoNewPrivs:\t0\nSeccomp:\t0') },
  { n: 'link-too-big', h: '#v=decode', fill: [['#decode-input', 'CapBnd: 0\n' + '#'.repeat(40000)]] },
  { n: 'exec-empty', h: '#v=exec' },
  { n: 'exec-ping-p', h: '#v=exec', c: ['#ex-ping-p'] },
  { n: 'exec-eperm', h: '#v=exec', c: ['#ex-docker-user-eperm'] },
  { n: 'exec-allex', h: '#v=exec', all: '#exec-input-title ~ .examples button.example' },
  { n: 'exec-bad-uid', h: '#v=exec&uid=x1' },
  { n: 'exec-bare', h: '#v=exec&before=a80425fb' },
  { n: 'exec-bad-before', h: '#v=exec&before=' + encodeURIComponent('CapPrm: zz') },
  { n: 'exec-bad-file', h: '#v=exec&file=cap_net_rw%2Bep' },
  { n: 'exec-flags', h: '#v=exec&uid=1000&euid=0&sb=5&nnp=1&setuid=1&nosuid=1&rule=pre2025&file=cap_net_raw%2Bp' },
  { n: 'exec-clicks', h: '#v=exec', c: ['#ex-ping-p', '#sb-1', '#exec-nnp', '#exec-setuid', '#exec-rule'] },
  { n: 'exec-root-setuid', h: '#v=exec&uid=1000&setuid=1' },
  { n: 'containers-empty', h: '#v=containers' },
  { n: 'containers-allex', h: '#v=containers', all: '#containers-input-title ~ .examples button.example' },
  { n: 'containers-crio', h: '#v=containers', c: ['#ex-cpb-typo'], sel: [['#containers-runtime', 'crio'], ['#containers-user', 'nonroot']] },
  { n: 'containers-docker-era', h: '#v=containers', c: ['#ex-docker-run'], sel: [['#containers-docker', 'le-20.10.13']] },
  { n: 'containers-yaml-err', h: '#v=containers&in=' + encodeURIComponent('a: [1,\n') },
  { n: 'containers-cmd-err', h: '#v=containers&in=' + encodeURIComponent('docker run --user') },
  { n: 'containers-notyaml', h: '#v=containers&in=' + encodeURIComponent('hello there') },
  { n: 'containers-fcaps-err', h: '#v=containers&fcaps=cap_nope%2Bep&in=' + encodeURIComponent('docker run alpine') },
  { n: 'containers-nocont', h: '#v=containers&in=' + encodeURIComponent('kind: ConfigMap\nmetadata: {name: x}\n') },
  { n: 'containers-many', h: '#v=containers', fill: [['#containers-input', MANY]] },
  { n: 'containers-many-all', h: '#v=containers', fill: [['#containers-input', MANY]], c2: ['#show-all-cards'] },
  { n: 'containers-privileged', h: '#v=containers&in=' + encodeURIComponent('docker run --privileged --cap-drop ALL --cap-add CHOWN --user 0 -it alpine') },
  { n: 'containers-init', h: '#v=containers&in=' + encodeURIComponent('apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  initContainers:\n  - name: i\n    image: x\n    securityContext: {runAsUser: 0, capabilities: {drop: [ALL], add: [CHOWN, BOGUS]}}\n  ephemeralContainers:\n  - name: e\n    image: x\n  containers:\n  - name: c\n    image: x\n') },
  { n: 'clear-decode', h: '#v=decode', c: ['#ex-docker-status', '#decode-clear'] },
  { n: 'clear-exec', h: '#v=exec', c: ['#ex-ping-p', '#exec-clear'] },
  { n: 'clear-containers', h: '#v=containers', c: ['#ex-cpb-typo', '#containers-clear'] },
  { n: 'exec-typing', h: '#v=exec', c: ['#ex-ping-p'], fill: [['#exec-uid', '1000'], ['#exec-euid', '0'], ['#exec-file', 'cap_net_raw+ep']] },
  { n: 'exec-before-typing', h: '#v=exec', fill: [['#exec-before', 'CapEff: 3000\nCapPrm: 3000']] },
  { n: 'containers-fcaps-typing', h: '#v=containers', c: ['#ex-bind-nonroot'], fill: [['#containers-fcaps', 'cap_net_bind_service+ep']] },
  { n: 'decode-toggle-all-off', h: '#v=decode&in=a80425fb&all=1', c: ['#show-all', '#matrix tr[data-cap="5"] .cap-name', '#matrix tr[data-cap="5"] .cap-name'] },
  { n: 'tabs-switch', h: '#v=decode', c: ['#ex-capsh-decode', '#tab-exec', '#tab-decode'] },
];

function serialize() {
  const out = [];
  const walk = (n, d) => {
    const pad = '  '.repeat(d);
    if (n.nodeType === 3) { out.push(pad + JSON.stringify(n.data)); return; }
    if (n.nodeType === 8) { out.push(pad + '<!--' + n.data + '-->'); return; }
    if (n.nodeType !== 1) return;
    const attrs = [...n.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`).sort();
    const props = [];
    if ('value' in n && /^(INPUT|TEXTAREA|SELECT|OPTION)$/.test(n.tagName)) props.push('.value=' + JSON.stringify(n.value));
    if ('checked' in n && n.tagName === 'INPUT') props.push('.checked=' + n.checked);
    if ('selected' in n) props.push('.selected=' + n.selected);
    if ('disabled' in n && /^(INPUT|BUTTON|SELECT)$/.test(n.tagName)) props.push('.disabled=' + n.disabled);
    if (n.tagName === 'DETAILS') props.push('.open=' + n.open);
    out.push(pad + '<' + n.tagName.toLowerCase() + (attrs.length ? ' ' + attrs.join(' ') : '') + (props.length ? ' ' + props.join(' ') : '') + '>');
    for (const c of n.childNodes) walk(c, d + 1);
  };
  walk(document.body, 0);
  return out.join('\n') + '\nHASH ' + location.hash + '\n';
}

const server = await serve();
const browser = await launch();
const only = process.argv[4] || '';
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  for (const s of S.filter((s) => s.n.includes(only))) {
    const page = await context.newPage();
    const errs = [];
    page.on('console', (m) => { if (m.type() === 'error') errs.push(m.text()); });
    page.on('pageerror', (e) => errs.push(String(e)));
    await page.goto(server.url + s.h);
    await page.waitForSelector('#main');
    for (const c of s.c || []) { await page.click(c); await page.waitForTimeout(60); }
    for (const [sel, v] of s.fill || []) { await page.fill(sel, v); await page.waitForTimeout(300); }
    for (const [sel, v] of s.sel || []) { await page.selectOption(sel, v); await page.waitForTimeout(60); }
    for (const c of s.c2 || []) { await page.click(c); await page.waitForTimeout(60); }
    let text = '';
    if (s.all) {
      const n = await page.locator(s.all).count();
      for (let i = 0; i < n; i++) {
        await page.locator(s.all).nth(i).click();
        await page.waitForTimeout(120);
        text += `==== example ${i}\n` + await page.evaluate(serialize);
      }
    } else {
      await page.waitForTimeout(200);
      text = await page.evaluate(serialize);
    }
    if (errs.length) text += 'ERRORS ' + errs.join('\n') + '\n';
    fs.writeFileSync(path.join(out, s.n + '.txt'), text);
    await page.close();
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
