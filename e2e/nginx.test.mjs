// End-to-end: deploy/nginx.conf, run as is by Debian's nginx (only `root` and
// `listen` replaced, plus the sub-path location its comment describes) on
// 127.0.0.1, serving dist/: both pages work through it (English at the root,
// Chinese at zh-cn/), at the root and under a sub-path, and every file of
// each comes with the type, compression (the build's Brotli FILE.br to a
// browser that accepts br, its zopfli FILE.gz to one that accepts only gzip,
// the file itself otherwise), caching and security headers the configuration
// promises.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { launch, watchedPage, assertClean, appReady, requireDist, DIST, ROOT } from './helpers.mjs';

const NGINX = process.env.NGINX || '/usr/sbin/nginx';
const SITE_CONF = path.join(ROOT, 'deploy', 'nginx.conf');
const IMMUTABLE = 'public, max-age=31536000, immutable';
const PERMALINK = '#v=decode&in=CapBnd:+0000001fffffffff';
// Where the test also serves dist/ the way deploy/nginx.conf's comment says.
const SUB_PATH = '/caplens/';
// Each language's page: its directory under dist/ (and under the URL root).
const PAGES = [['en', ''], ['zh-cn', 'zh-cn/']];

// Without nginx these tests cannot run; scripts/test.sh lists "SKIP" lines.
const skip = fs.existsSync(NGINX) ? false : `${NGINX} not found (scripts/install.sh test installs nginx)`;
if (skip) console.log(`SKIP nginx: ${skip}`);
// deploy/nginx.conf's `brotli_static` comes from a module outside nginx
// (Debian: libnginx-mod-http-brotli-static, which scripts/install.sh test
// installs). Loaded by its absolute path: the package's own modules-enabled/
// snippet names it relative to nginx's prefix, which this test moves.
const BROTLI_MODULE = 'ngx_http_brotli_static_module.so';

const run = { nginx: null, tmp: null, base: null, browser: null };

/** A port that was free a moment ago on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** deploy/nginx.conf with its `root` and `listen` lines replaced, plus the
 * sub-path location its comment describes (at SUB_PATH), nothing else. */
function siteConfig(port) {
  const text = fs.readFileSync(SITE_CONF, 'utf8');
  const roots = text.match(/^\s*root\s[^;]*;/gm) || [];
  const listens = text.match(/^\s*listen\s[^;]*;/gm) || [];
  assert.equal(roots.length, 1, 'deploy/nginx.conf has one `root` line');
  assert.ok(listens.length >= 1, 'deploy/nginx.conf has a `listen` line');
  assert.equal((text.match(/^\s*location \/ \{/gm) || []).length, 1, 'deploy/nginx.conf has one `location / {`');
  assert.ok(text.includes(`location ${SUB_PATH} { alias `), 'deploy/nginx.conf describes the sub-path location');
  let first = true;
  return text
    .replace(/^(\s*)root\s[^;]*;/m, (_, indent) => `${indent}root "${DIST}";`)
    .replace(/^(\s*)location \/ \{/m, (all, indent) => `${indent}location ${SUB_PATH} { alias "${DIST}/"; }\n${all}`)
    .replace(/^(\s*)listen\s[^;]*;\n?/gm, (_, indent) => {
      const line = first ? `${indent}listen 127.0.0.1:${port};\n` : '';
      first = false;
      return line;
    });
}

/** Where this nginx keeps its dynamic modules (`nginx -V`: --modules-path). */
function modulesPath() {
  const v = spawnSync(NGINX, ['-V'], { encoding: 'utf8' });
  const m = `${v.stdout}${v.stderr}`.match(/--modules-path=(\S+)/);
  return m ? m[1] : '/usr/lib/nginx/modules';
}

/** The Brotli module's file; fails, naming the package, when it is missing. */
function brotliModule() {
  const file = path.join(modulesPath(), BROTLI_MODULE);
  assert.ok(fs.existsSync(file), `${file} not found: deploy/nginx.conf needs it for brotli_static ` +
    '(apt-get install libnginx-mod-http-brotli-static; scripts/install.sh test does)');
  return file;
}

/** The main configuration around it: everything nginx writes goes to `tmp`. */
function mainConfig(tmp, brotli) {
  const at = (name) => `"${path.join(tmp, name)}"`;
  return [
    `load_module "${brotli}";`,
    'daemon off;',
    'worker_processes 1;',
    // As root, workers would switch to `nobody`; this test needs no such step.
    process.getuid?.() === 0 ? 'user root;' : '',
    `pid ${at('nginx.pid')};`,
    `error_log ${at('error.log')} warn;`,
    'events { worker_connections 64; }',
    'http {',
    `  access_log ${at('access.log')};`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${at(t + '_temp')};`),
    `  include ${at('caplens.conf')};`,
    '}',
    '',
  ].join('\n');
}

/** nginx's arguments for the configuration in `tmp` (-e: the error log before the config is read). */
const nginxArgs = (tmp, ...more) => ['-p', tmp + path.sep, '-c', path.join(tmp, 'nginx.conf'), '-e', path.join(tmp, 'error.log'), ...more];
const errorLog = () => { try { return fs.readFileSync(path.join(run.tmp, 'error.log'), 'utf8'); } catch { return ''; } };

/** Resolves once nginx answers; rejects with its error log if it exits first. */
async function untilServing(child, base) {
  let exited = null;
  child.once('exit', (code, signal) => { exited = `nginx exited (${code ?? signal})`; });
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${exited}:\n${errorLog()}`);
    try {
      await get(base, '/');
      return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not answer within 15 s:\n${errorLog()}`);
}

/** Stops nginx (graceful, then forced) and waits until it is gone. */
async function stopNginx(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGQUIT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await gone;
  clearTimeout(timer);
}

/** GET `urlPath` as a browser that accepts gzip but not br would ask (what a
 * host without the Brotli module serves everyone); the raw bytes, not decoded. */
function get(base, urlPath, headers = { 'accept-encoding': 'gzip' }) {
  return new Promise((resolve, reject) => {
    const req = http.get(new URL(urlPath, base), { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.setTimeout(5_000, () => req.destroy(new Error(`GET ${urlPath} timed out`)));
  });
}

/** The policy of the <meta http-equiv="Content-Security-Policy"> of the page in dist/`dir`, as served. */
function metaCsp(dir = '') {
  const html = fs.readFileSync(path.join(DIST, dir, 'index.html'), 'utf8');
  const tag = html.match(/<meta\b[^>]*http-equiv=["']?Content-Security-Policy\b[^>]*>/i);
  assert.ok(tag, `dist/${dir}index.html has a CSP <meta>`);
  const content = tag[0].match(/\bcontent="([^"]*)"/);
  assert.ok(content, 'the CSP <meta> has a quoted content attribute');
  return content[1];
}

/** The one file in dist/`dir` whose name matches `re`, as a path under dist/. */
function distFile(re, dir = '') {
  const names = fs.readdirSync(path.join(DIST, dir)).filter((n) => re.test(n));
  assert.equal(names.length, 1, `one file in dist/${dir} matches ${re}: ${names.join(', ')}`);
  return dir + names[0];
}

/** The headers every answer carries, whatever the file (one policy for both pages). */
function assertSecurityHeaders(res, what) {
  assert.equal(res.headers['content-security-policy'], metaCsp(), `${what}: CSP header equals the <meta> one`);
  assert.equal(metaCsp('zh-cn/'), metaCsp(), 'the Chinese page has the same CSP <meta>');
  assert.equal(res.headers['x-content-type-options'], 'nosniff', `${what}: nosniff`);
  assert.equal(res.headers['referrer-policy'], 'no-referrer', `${what}: no-referrer`);
}

/** A 200 whose body is exactly the build's FILE.gz (zopfli, gzip_static: not
 * gzip on the fly) or, for coding 'br', its FILE.br (brotli_static). */
function assertPrecompressed(res, name, coding = 'gzip') {
  const ext = coding === 'br' ? '.br' : '.gz';
  assert.equal(res.status, 200, name);
  assert.equal(res.headers['content-encoding'], coding, `${name}: ${coding}`);
  assert.match(res.headers.vary || '', /accept-encoding/i, `${name}: Vary: Accept-Encoding`);
  assert.ok(res.body.equals(fs.readFileSync(path.join(DIST, name + ext))), `${name}: the bytes of ${name}${ext}`);
}

if (!skip) {
  before(async () => {
    requireDist();
    run.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'caplens-nginx-'));
    const port = await freePort();
    fs.writeFileSync(path.join(run.tmp, 'caplens.conf'), siteConfig(port));
    fs.writeFileSync(path.join(run.tmp, 'nginx.conf'), mainConfig(run.tmp, brotliModule()));
    const check = spawnSync(NGINX, nginxArgs(run.tmp, '-t'), { encoding: 'utf8' });
    assert.equal(check.status, 0, `nginx -t rejects the configuration:\n${check.stderr}${errorLog()}`);
    run.nginx = spawn(NGINX, nginxArgs(run.tmp), { stdio: ['ignore', 'inherit', 'inherit'] });
    // Should this process end without `after` (a crash), nginx ends with it.
    process.once('exit', () => run.nginx?.kill('SIGKILL'));
    run.base = `http://127.0.0.1:${port}/`;
    await untilServing(run.nginx, run.base);
    run.browser = await launch();
  });

  after(async () => {
    await run.browser?.close();
    await stopNginx(run.nginx);
    if (run.tmp) fs.rmSync(run.tmp, { recursive: true, force: true });
  });
}

test('through nginx: the English page loads and a permalink shows its answer, cleanly', { skip }, async () => {
  const origin = new URL(run.base).origin;
  const { page, problems, context } = await watchedPage(run.browser, origin);
  await page.goto(run.base + PERMALINK);
  await appReady(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.waitForFunction(() => document.querySelectorAll('#matrix tr.cap-row').length === 37);
  const names = await page.locator('#matrix tr.cap-row .cap-name').allTextContents();
  assert.equal(names[0], 'cap_chown');
  assert.equal(names[36], 'cap_block_suspend');
  assert.equal(await page.inputValue('#decode-input'), 'CapBnd: 0000001fffffffff');
  await assertClean(assert, problems);
  await context.close();
});

test('through nginx under a sub-path: the page and its wasm, with the same headers', { skip }, async () => {
  const origin = new URL(run.base).origin;
  const { page, problems, context, log } = await watchedPage(run.browser, origin);
  await page.goto(new URL(SUB_PATH, run.base) + PERMALINK);
  await appReady(page);
  await page.waitForFunction(() => document.querySelectorAll('#matrix tr.cap-row').length === 37);
  const wasm = log.requests.filter((u) => u.endsWith('.wasm'));
  assert.equal(wasm.length, 1);
  assert.equal(new URL(wasm[0]).pathname, SUB_PATH + distFile(/_bg\.wasm$/));
  await assertClean(assert, problems);
  await context.close();
  const res = await get(run.base, wasm[0]);
  assertPrecompressed(res, distFile(/_bg\.wasm$/));
  assert.equal(res.headers['content-type'], 'application/wasm');
  assert.equal(res.headers['cache-control'], IMMUTABLE);
  assertSecurityHeaders(res, 'sub-path wasm');
  // brotli_static finds FILE.br through `alias` too.
  assertPrecompressed(await get(run.base, wasm[0], { 'accept-encoding': 'br, gzip' }), distFile(/_bg\.wasm$/), 'br');
});

test('through nginx: an explanation opens, from explanations.txt as Brotli-compressed UTF-8 text', { skip }, async () => {
  const origin = new URL(run.base).origin;
  const { page, problems, context } = await watchedPage(run.browser, origin);
  await page.goto(run.base + PERMALINK);
  await appReady(page);
  const fetched = page.waitForResponse((r) => new URL(r.url()).pathname === '/explanations.txt');
  await page.click('#matrix tr[data-cap="13"] .cap-name');
  const res = await fetched;
  await page.locator('#explain-13').waitFor();
  await page.locator('#explain-13 .loading').waitFor({ state: 'detached' });
  assert.match(await page.locator('#explain-13').innerText(), /ping/);
  const headers = await res.allHeaders();
  assert.equal(res.status(), 200);
  assert.equal(headers['content-type'], 'text/plain; charset=utf-8');
  // Chromium accepts br, even over plain http to 127.0.0.1.
  assert.equal(headers['content-encoding'], 'br');
  assert.equal(headers['cache-control'], 'no-cache');
  await assertClean(assert, problems);
  await context.close();
});

test('through nginx: the Chinese page at zh-cn/ answers a permalink and asks only for files under zh-cn/', { skip }, async () => {
  const origin = new URL(run.base).origin;
  const { page, problems, context, log } = await watchedPage(run.browser, origin);
  await page.goto(new URL('zh-cn/', run.base) + PERMALINK);
  await appReady(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  // The served page's own title (the app later sets one per view).
  const html = (await get(run.base, '/zh-cn/', {})).body.toString('utf8');
  assert.match(html, /<title>caplens：Linux 权能详解<\/title>/);
  await page.waitForFunction(() => document.querySelectorAll('#matrix tr.cap-row').length === 37);
  assert.equal(await page.inputValue('#decode-input'), 'CapBnd: 0000001fffffffff');
  // Its own explanations: the Chinese file, under its own name beside the page.
  const fetched = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/explanations.txt'));
  await page.click('#matrix tr[data-cap="13"] .cap-name');
  const res = await fetched;
  await page.locator('#explain-13 .loading').waitFor({ state: 'detached' });
  assert.equal(new URL(res.url()).pathname, '/zh-cn/explanations.txt');
  assert.ok((await res.body()).equals(fs.readFileSync(path.join(DIST, 'zh-cn', 'explanations.txt'))), 'the Chinese explanations.txt');
  const outside = log.requests.map((u) => new URL(u).pathname).filter((p) => !p.startsWith('/zh-cn/'));
  assert.deepEqual(outside, [], 'every request of the Chinese page stays under /zh-cn/');
  assert.ok(log.requests.some((u) => u.endsWith('_bg.wasm')), 'the wasm was among them');
  await assertClean(assert, problems);
  await context.close();
});

test('zh-cn without its slash: a relative 301 to zh-cn/, also under the sub-path, and the page opens', { skip }, async () => {
  for (const [from, to] of [['/zh-cn', '/zh-cn/'], [SUB_PATH + 'zh-cn', SUB_PATH + 'zh-cn/']]) {
    const res = await get(run.base, from);
    assert.equal(res.status, 301, from);
    assert.equal(res.headers.location, to, `${from}: Location`);
    assertSecurityHeaders(res, `${from} (301)`);
  }
  const origin = new URL(run.base).origin;
  const { page, problems, context } = await watchedPage(run.browser, origin);
  await page.goto(new URL(SUB_PATH + 'zh-cn', run.base) + PERMALINK);
  await appReady(page);
  assert.equal(new URL(page.url()).pathname, SUB_PATH + 'zh-cn/');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  await page.waitForFunction(() => document.querySelectorAll('#matrix tr.cap-row').length === 37);
  await assertClean(assert, problems);
  await context.close();
});

test('through nginx under the sub-path: each workshop (a build of its own) opens a step from its folder; without the slash, a 301', { skip }, async () => {
  const origin = new URL(run.base).origin;
  for (const [dir, lang] of [['workshop/', 'en'], ['zh-cn/workshop/', 'zh-CN']]) {
    const bare = SUB_PATH + dir.slice(0, -1);
    const res = await get(run.base, bare);
    assert.equal(res.status, 301, bare);
    assert.equal(res.headers.location, SUB_PATH + dir, `${bare}: Location`);
    const { page, problems, context, log } = await watchedPage(run.browser, origin);
    await page.goto(new URL(SUB_PATH + dir, run.base) + '#v=workshop&s=8');
    await page.locator('#ws-step').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    await page.waitForFunction(() => (document.querySelector('#ws-title')?.textContent || '').length > 3);
    const outside = log.requests.map((u) => new URL(u).pathname).filter((p) => !p.startsWith(SUB_PATH + dir));
    assert.deepEqual(outside, [], `every request of ${dir} stays in it`);
    assert.ok(log.requests.some((u) => u.endsWith('/workshop.txt')), 'its texts were fetched');
    await assertClean(assert, problems);
    await context.close();
  }
});

test('a page that cannot start says why in its own language (static/loader.js reads the words from the page)', { skip }, async () => {
  for (const [dir, words] of [['', /^caplens could not start in this browser: .+\. It needs a browser with WebAssembly/],
    ['zh-cn/', /^caplens 无法在这个浏览器中启动：.+。它需要支持 WebAssembly 的浏览器/]]) {
    const context = await run.browser.newContext();
    const page = await context.newPage();
    // No wasm: what a browser that cannot fetch or compile it meets.
    await page.route(/_bg\.wasm$/, (route) => route.abort());
    await page.goto(new URL(dir, run.base).href);
    await page.locator('#boot.boot-error').waitFor({ timeout: 15_000 });
    assert.match(await page.locator('#boot').innerText(), words, `/${dir}`);
    await context.close();
  }
});

// The files of each page: the same types, compression, caching and headers.
for (const [lang, dir] of PAGES) {
  test(`${lang}: the wasm: application/wasm, the zopfli .gz, cached for a year`, { skip }, async () => {
    const name = distFile(/^caplens-web-[0-9a-f]{1,16}_bg\.wasm$/, dir);
    const res = await get(run.base, name);
    assertPrecompressed(res, name);
    assert.equal(res.headers['content-type'], 'application/wasm');
    assert.equal(res.headers['cache-control'], IMMUTABLE);
    assertSecurityHeaders(res, name);
  });

  test(`${lang}: the wasm by Accept-Encoding: the .br, else the .gz, else the file itself`, { skip }, async () => {
    const name = distFile(/^caplens-web-[0-9a-f]{1,16}_bg\.wasm$/, dir);
    for (const accept of ['br, gzip', 'gzip, deflate, br, zstd', 'br']) {
      assertPrecompressed(await get(run.base, name, { 'accept-encoding': accept }), name, 'br');
    }
    // Refused with q=0, br is not sent even though the .br is there.
    for (const accept of ['gzip', 'br;q=0, gzip']) {
      assertPrecompressed(await get(run.base, name, { 'accept-encoding': accept }), name, 'gzip');
    }
    const plain = await get(run.base, name, {});
    assert.equal(plain.status, 200);
    assert.equal(plain.headers['content-encoding'], undefined, 'no Accept-Encoding: not compressed');
    assert.match(plain.headers.vary || '', /accept-encoding/i, 'the plain answer says it varies too');
    assert.ok(plain.body.equals(fs.readFileSync(path.join(DIST, name))), `${name}: the file itself`);
  });

  test(`${lang}: every file the build wrote a .br for comes as that .br to a browser that accepts br`, { skip }, async () => {
    const names = fs.readdirSync(path.join(DIST, dir)).filter((n) => fs.existsSync(path.join(DIST, dir, n + '.br')));
    assert.ok(names.length >= 7, `dist/${dir}: .br files for the page's files: ${names.join(', ')}`);
    for (const name of names) {
      assertPrecompressed(await get(run.base, dir + name, { 'accept-encoding': 'gzip, deflate, br, zstd' }), dir + name, 'br');
    }
    // The page's directory itself: its index.html.br.
    assertPrecompressed(await get(run.base, `/${dir}`, { 'accept-encoding': 'br' }), dir + 'index.html', 'br');
  });

  test(`${lang}: the hashed JS glue and CSS: their types, the .gz, cached for a year`, { skip }, async () => {
    for (const [re, type] of [
      [/^caplens-web-[0-9a-f]{1,16}\.js$/, /^text\/javascript(; charset=utf-8)?$/],
      [/^style-[0-9a-f]{1,16}\.css$/, /^text\/css(; charset=utf-8)?$/],
    ]) {
      const name = distFile(re, dir);
      const res = await get(run.base, name);
      assertPrecompressed(res, name);
      assert.match(res.headers['content-type'], type, name);
      assert.equal(res.headers['cache-control'], IMMUTABLE, name);
    }
  });

  test(`${lang}: index.html: no-cache, the <meta> CSP as a header, nosniff, no-referrer`, { skip }, async () => {
    for (const urlPath of [`/${dir}`, `/${dir}index.html`]) {
      const res = await get(run.base, urlPath);
      assertPrecompressed(res, dir + 'index.html');
      assert.equal(res.headers['content-type'], 'text/html; charset=utf-8', urlPath);
      assert.equal(res.headers['cache-control'], 'no-cache', urlPath);
      assertSecurityHeaders(res, urlPath);
    }
    // The header is the policy deploy/nginx.conf writes out; the source page
    // carries the same one, so a change to either shows here.
    const source = fs.readFileSync(path.join(ROOT, lang === 'en' ? 'index.html' : `index.${lang}.html`), 'utf8');
    assert.ok(source.includes(`content="${metaCsp()}"`), `the source of the ${lang} page has the same CSP`);
  });

  test(`${lang}: the unhashed files: their types and no-cache`, { skip }, async () => {
    for (const [name, type] of [
      ['loader.js', /^text\/javascript(; charset=utf-8)?$/],
      ['favicon.svg', /^image\/svg\+xml$/],
      ['explanations.txt', /^text\/plain; charset=utf-8$/],
    ]) {
      const res = await get(run.base, dir + name);
      assertPrecompressed(res, dir + name);
      assert.match(res.headers['content-type'], type, name);
      assert.equal(res.headers['cache-control'], 'no-cache', name);
      assertSecurityHeaders(res, dir + name);
    }
    // Without gzip accepted, the plain file.
    const plain = await get(run.base, dir + 'explanations.txt', {});
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(plain.body.equals(fs.readFileSync(path.join(DIST, dir, 'explanations.txt'))));
  });
}

test('a missing file: 404 with the security headers and nothing cacheable', { skip }, async () => {
  const res = await get(run.base, 'caplens-web-0000000000000000_bg.wasm');
  assert.equal(res.status, 404);
  assert.equal(res.headers['cache-control'], undefined, 'a 404 must not be kept for a year');
  assertSecurityHeaders(res, '404');
  assert.doesNotMatch(res.headers.server || '', /\d/, 'no version in the Server header');
});

// Trunk writes a file's 64-bit hash with `{:x}`: no leading zeros, so one
// build in sixteen names a file with 15 hex digits (style-38a84d37bbdf291.css
// was one). The cache map must give those a year too, and nothing else.
test('the cache map of deploy/nginx.conf: hashed names of 1 to 16 hex digits, and only those', () => {
  const conf = fs.readFileSync(SITE_CONF, 'utf8');
  const map = conf.match(/map \$uri \$caplens_cache_control \{\n\s*"~([^"]+)"\s+"([^"]+)";/);
  assert.ok(map, 'deploy/nginx.conf has the $caplens_cache_control map with one regex');
  assert.equal(map[2], IMMUTABLE);
  const hashed = new RegExp(map[1]);
  for (const name of ['/caplens-web-7d25219281754dc2_bg.wasm', '/caplens-web-7d25219281754dc2.js',
    '/style-8b887cd6c18fe2e1.css', '/zh-cn/style-38a84d37bbdf291.css', '/caplens/caplens-web-3a9_bg.wasm']) {
    assert.match(name, hashed, `${name} is kept for a year`);
  }
  for (const name of ['/', '/index.html', '/loader.js', '/explanations.txt', '/favicon.svg',
    '/zh-cn/', '/style.css', '/caplens-web-7d25219281754dc2_bg.wasm.map', '/a-0123456789abcdef0.js']) {
    assert.doesNotMatch(name, hashed, `${name} is revalidated`);
  }
});
