// scripts/static-server.mjs's compression (what `make serve` and the
// benchmark send): the build's FILE.br to a client that accepts br, its
// FILE.gz to one that accepts only gzip, the file itself otherwise; never
// Brotli made on the fly, never a precompressed copy of another version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { requireDist, DIST } from './helpers.mjs';
import { startServer, accepts } from '../scripts/static-server.mjs';

/** GET `urlPath` from `base` with these request headers; the raw bytes. */
function get(base, urlPath, headers) {
  return new Promise((resolve, reject) => {
    http.get(new URL(urlPath, base), { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

test('Accept-Encoding is read token by token, and q=0 refuses a coding', () => {
  const cases = [
    ['gzip, deflate, br, zstd', true, true],
    ['br;q=0, gzip', false, true],
    ['gzip;q=0.000, br;q=1.0', true, false],
    ['BR ; Q=0.5', true, false],
    ['x-gzip, brotli', false, false],
    ['*', true, true],
    ['*, br;q=0', false, true],
    ['', false, false],
    [undefined, false, false],
  ];
  for (const [header, br, gzip] of cases) {
    assert.equal(accepts(header, 'br'), br, `${header}: br`);
    assert.equal(accepts(header, 'gzip'), gzip, `${header}: gzip`);
  }
});

test('each page\'s wasm: the .br, else the .gz, else the file, always with Vary', async () => {
  requireDist();
  const server = await startServer(DIST, { gzip: true });
  try {
    for (const dir of ['', 'zh-cn/']) {
      const name = fs.readdirSync(path.join(DIST, dir)).find((n) => n.endsWith('_bg.wasm'));
      const file = path.join(DIST, dir, name);
      for (const [accept, coding, bytes] of [
        ['gzip, deflate, br, zstd', 'br', file + '.br'],
        ['br', 'br', file + '.br'],
        ['gzip', 'gzip', file + '.gz'],
        ['br;q=0, gzip', 'gzip', file + '.gz'],
        [undefined, undefined, file],
      ]) {
        const res = await get(server.url, dir + name, accept ? { 'accept-encoding': accept } : {});
        assert.equal(res.headers['content-encoding'], coding, `${dir}${name}, ${accept}`);
        assert.equal(res.headers.vary, 'accept-encoding', `${dir}${name}, ${accept}`);
        assert.ok(res.body.equals(fs.readFileSync(bytes)), `${dir}${name}, ${accept}: the bytes of ${path.basename(bytes)}`);
      }
    }
  } finally {
    await server.close();
  }
});

test('a .br of another version is ignored, and Brotli is never made on the fly', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'caplens-br-'));
  const server = await startServer(tmp, { gzip: true });
  try {
    const text = 'caplens '.repeat(200);
    fs.writeFileSync(path.join(tmp, 'a.txt'), text);
    fs.writeFileSync(path.join(tmp, 'a.txt.br'), zlib.brotliCompressSync('an older a.txt'));
    const past = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(tmp, 'a.txt.br'), past, past);
    const both = await get(server.url, 'a.txt', { 'accept-encoding': 'br, gzip' });
    assert.equal(both.headers['content-encoding'], 'gzip', 'the stale .br is not sent');
    assert.equal(zlib.gunzipSync(both.body).toString(), text);
    const brOnly = await get(server.url, 'a.txt', { 'accept-encoding': 'br' });
    assert.equal(brOnly.headers['content-encoding'], undefined, 'no .br of this version: the file itself');
    assert.equal(brOnly.body.toString(), text);
  } finally {
    await server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
