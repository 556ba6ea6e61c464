// The size budget, checked on every test run: a first visit to each page
// (each language's everyday page and workshop) must stay within 200 KB as
// Brotli, the way `make bench` measures it in the browser. Bytes do not
// depend on the machine, so this is a deterministic check, not a timing;
// `make bench` still reports the figure as received, with the headers.
//
// A first visit fetches the page, the files it names (the loader, the glue,
// the wasm, the stylesheets), the favicon, and in the workshop the text the
// view fetches as it opens; the bench lists the same responses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, requireDist } from './helpers.mjs';

const BUDGET = 200 * 1024;
const PAGES = [['en', ''], ['zh-cn', 'zh-cn/'], ['en workshop', 'workshop/'], ['zh-cn workshop', 'zh-cn/workshop/']];

/** The files of dist/`dir` a first visit receives: index.html and every local file it names. */
function firstVisitFiles(dir) {
  const html = fs.readFileSync(path.join(DIST, dir, 'index.html'), 'utf8');
  const named = [...html.matchAll(/(?:href|src|data-js|data-wasm)=["']?\.?\/?([\w.-]+\.(?:js|css|wasm|svg))/g)].map((m) => m[1]);
  const files = new Set(['index.html', ...named]);
  if (fs.existsSync(path.join(DIST, dir, 'workshop.txt'))) files.add('workshop.txt');
  return [...files];
}

for (const [name, dir] of PAGES) {
  test(`${name}: a first visit is within 200 KB as Brotli`, () => {
    requireDist();
    if (!fs.existsSync(path.join(DIST, dir, 'index.html'))) {
      assert.fail(`dist/${dir}index.html is missing: scripts/build.sh builds every page`);
    }
    const files = firstVisitFiles(dir);
    assert.ok(files.some((f) => f.endsWith('.wasm')) && files.some((f) => f.endsWith('.css')), `${files}`);
    let total = 0;
    for (const f of files) {
      const br = path.join(DIST, dir, f + '.br');
      assert.ok(fs.existsSync(br), `dist/${dir}${f}.br exists`);
      total += fs.statSync(br).size;
    }
    console.log(`${name}: ${(total / 1024).toFixed(1)} KB Brotli in ${files.length} files (${files.join(', ')})`);
    assert.ok(total <= BUDGET, `${name}: ${(total / 1024).toFixed(1)} KB is over the 200 KB budget`);
  });
}
