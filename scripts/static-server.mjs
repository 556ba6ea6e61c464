// A tiny static file server for dist/ (and the Chinese page in dist/zh-cn/): used by `make serve`, the e2e tests and
// the benchmark. Binds to 127.0.0.1 unless told otherwise (`make serve
// HOST=0.0.0.0` for a room on a LAN). Serves correct MIME types (wasm
// must be application/wasm for streaming compilation) and nothing outside
// the root. It sends no CSP header: the page's own <meta> policy is what
// every static host will serve, so that is what gets tested.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The content codings a request's Accept-Encoding `header` names, as a Map
 * from lower-case token to its q (1 when not given). Exact tokens: "x-gzip"
 * is not gzip.
 */
export function codingWeights(header) {
  const weights = new Map();
  for (const item of (header || '').split(',')) {
    const [token, ...params] = item.split(';').map((p) => p.trim().toLowerCase());
    if (!token) continue;
    const q = params.map((p) => p.match(/^q\s*=\s*([0-9.]+)$/)).find(Boolean);
    weights.set(token, q ? Number(q[1]) : 1);
  }
  return weights;
}

/** Whether `header` accepts `coding`: named with q > 0 (q=0 refuses it),
 * or not named and "*" (every other coding) has q > 0. */
export function accepts(header, coding) {
  const weights = codingWeights(header);
  return (weights.has(coding) ? weights.get(coding) : weights.get('*') ?? 0) > 0;
}

/**
 * Serve `root` on `host`:`port` (0 = any free port; host 127.0.0.1 unless
 * given). Options: gzip (compression, by the request's Accept-Encoding:
 * Brotli when accepted and the build wrote FILE.br for this very file
 * (scripts/post-build.sh); else gzip when accepted, FILE.gz if there is one,
 * else compressed on the fly, as most static hosts do; Brotli is never made
 * on the fly), log (array receiving every requested path), pages (URL path ->
 * HTML held in memory, served as if it were a file of `root`: the
 * benchmark's plain page, which must not ship in dist/).
 * Resolves to { server, url, port, close() }; `url` is one this machine can
 * open.
 */
export function startServer(root, { port = 0, gzip = false, log = null, host = '127.0.0.1', pages = {} } = {}) {
  const base = path.resolve(root);
  // Bodies are cached (by path, mtime and coding) so timing measurements see
  // a static host's speed, not the disk's or gzip's.
  const cache = new Map();
  // The precompressed sibling FILE.`ext` counts only if it was made from this
  // file (post-build.sh gives it the same mtime); a stale one is ignored.
  const sibling = (file, mtime, ext) => {
    try {
      if (fs.statSync(file + ext).mtimeMs === mtime) return fs.readFileSync(file + ext);
    } catch { /* none */ }
    return null;
  };
  const compressed = (file, body, coding) => {
    const mtime = fs.statSync(file).mtimeMs;
    const key = `${file}:${mtime}:${coding}`;
    if (!cache.has(key)) {
      cache.set(key, coding === 'br'
        ? sibling(file, mtime, '.br')
        : sibling(file, mtime, '.gz') || zlib.gzipSync(body, { level: 9 }));
    }
    return cache.get(key);
  };
  // One answer: the common headers, and compression when asked for and the
  // client accepts it (`file`, when there is one, finds the build's FILE.br
  // and FILE.gz).
  const send = (req, res, body, type, file) => {
    const headers = { 'content-type': type, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };
    const ae = req.headers['accept-encoding'];
    if (gzip) headers.vary = 'accept-encoding';
    const br = gzip && file && accepts(ae, 'br') ? compressed(file, body, 'br') : null;
    if (br) {
      body = br;
      headers['content-encoding'] = 'br';
    } else if (gzip && accepts(ae, 'gzip')) {
      body = file ? compressed(file, body, 'gzip') : zlib.gzipSync(body, { level: 9 });
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const server = http.createServer((req, res) => {
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    if (log) log.push(urlPath);
    if (Object.hasOwn(pages, urlPath)) {
      send(req, res, Buffer.from(pages[urlPath]), TYPES['.html'], null);
      return;
    }
    if (urlPath.endsWith('/')) urlPath += 'index.html';
    const file = path.resolve(base, '.' + urlPath);
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err && err.code === 'EISDIR') {
        // A page's directory without its slash (/zh-cn): the page's relative
        // URLs only resolve inside it, so send the browser there, as nginx does.
        res.writeHead(301, { location: encodeURIComponent(path.posix.basename(urlPath)) + '/', 'content-length': 0 }).end();
        return;
      }
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      send(req, res, body, TYPES[path.extname(file)] || 'application/octet-stream', file);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const p = server.address().port;
      resolve({
        server,
        port: p,
        url: httpUrl(isAnyAddress(host) ? '127.0.0.1' : host, p),
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

const isAnyAddress = (host) => host === '0.0.0.0' || host === '::';
const isLoopback = (host) => host === 'localhost' || host === '::1' || /^127\./.test(host);
const httpUrl = (host, port) => `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;

/** The URLs other machines can use for a server on `host`: every
 * non-loopback IPv4 address of this machine when it listens on all of them,
 * else its own address (none when it is a loopback one). */
export function roomUrls(host, port) {
  if (isLoopback(host)) return [];
  if (!isAnyAddress(host)) return [httpUrl(host, port)];
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => httpUrl(a.address, port));
}

// `node scripts/static-server.mjs DIR [PORT] [HOST]`: serve until interrupted.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] || 'dist';
  const port = Number(process.argv[3] || 8080);
  const host = process.argv[4] || '127.0.0.1';
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    console.error(`static-server: ${dir}/index.html not found (build first: make build)`);
    process.exit(1);
  }
  const s = await startServer(dir, { port, gzip: true, host });
  // The Chinese page, when the build has one (scripts/build.sh).
  const zh = fs.existsSync(path.join(dir, 'zh-cn', 'index.html')) ? (url) => `  (中文: ${url}zh-cn/)` : () => '';
  // Each language's workshop, when the build has it (src/site.rs).
  const ws = fs.existsSync(path.join(dir, 'workshop', 'index.html'))
    ? (url) => `\n    workshop: ${url}workshop/${zh(url) ? `  (中文: ${url}zh-cn/workshop/)` : ''}` : () => '';
  console.log(`caplens is being served at ${s.url}${zh(s.url)}${ws(s.url)}\n  (Ctrl-C to stop)`);
  const room = roomUrls(host, s.port);
  if (room.length > 0) {
    console.log('Other machines on this network can open:');
    for (const url of room) console.log(`  ${url}${zh(url)}${ws(url)}`);
  } else if (!isLoopback(host)) {
    console.log('(this machine has no IPv4 address other than loopback)');
  }
}
