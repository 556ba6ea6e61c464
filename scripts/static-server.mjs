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
 * Serve `root` on `host`:`port` (0 = any free port; host 127.0.0.1 unless
 * given). Options: gzip (when the client accepts it, send FILE.gz if the
 * build wrote one for this very file (scripts/post-build.sh), else compress
 * on the fly, as most static hosts do), log (array receiving every requested
 * path), pages (URL path -> HTML held in memory, served as if it were a file
 * of `root`: the benchmark's plain page, which must not ship in dist/).
 * Resolves to { server, url, port, close() }; `url` is one this machine can
 * open.
 */
export function startServer(root, { port = 0, gzip = false, log = null, host = '127.0.0.1', pages = {} } = {}) {
  const base = path.resolve(root);
  // Compressed bodies are cached (by path and mtime) so timing measurements
  // see a static host's speed, not gzip's.
  const gzCache = new Map();
  const gzipped = (file, body) => {
    const mtime = fs.statSync(file).mtimeMs;
    const key = file + ':' + mtime;
    if (!gzCache.has(key)) {
      // The precompressed sibling counts only if it was made from this file
      // (post-build.sh gives it the same mtime); a stale one is ignored.
      let pre = null;
      try {
        if (fs.statSync(file + '.gz').mtimeMs === mtime) pre = fs.readFileSync(file + '.gz');
      } catch { /* none */ }
      gzCache.set(key, pre || zlib.gzipSync(body, { level: 9 }));
    }
    return gzCache.get(key);
  };
  // One answer: the common headers, and gzip when asked for and the client
  // accepts it (`file`, when there is one, finds the build's FILE.gz).
  const send = (req, res, body, type, file) => {
    const headers = { 'content-type': type, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };
    if (gzip) headers.vary = 'accept-encoding';
    if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      body = file ? gzipped(file, body) : zlib.gzipSync(body, { level: 9 });
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
  console.log(`caplens is being served at ${s.url}${zh(s.url)}  (Ctrl-C to stop)`);
  const room = roomUrls(host, s.port);
  if (room.length > 0) {
    console.log('Other machines on this network can open:');
    for (const url of room) console.log(`  ${url}${zh(url)}`);
  } else if (!isLoopback(host)) {
    console.log('(this machine has no IPv4 address other than loopback)');
  }
}
