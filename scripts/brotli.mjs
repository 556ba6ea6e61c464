// `node scripts/brotli.mjs FILE...`: writes FILE.br beside each FILE, for
// hosts that send precompressed Brotli to browsers that accept it (nginx
// `brotli_static on`, scripts/static-server.mjs). Run by scripts/post-build.sh
// on the release build. Uses node's own zlib, so the build needs no other tool.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const C = zlib.constants;

/** `body` as Brotli at the highest quality, with the largest window every
 * browser decodes (24 bits = 16 MB; the "large window" extension above it is
 * not part of RFC 7932 and browsers refuse it). Today's files all fit in the
 * default 4 MB window, so this only matters if one outgrows it. The encoder's
 * text mode gives the same bytes here as its generic one, so it is not set. */
export function brotli(body) {
  return zlib.brotliCompressSync(body, {
    params: {
      [C.BROTLI_PARAM_QUALITY]: C.BROTLI_MAX_QUALITY,
      [C.BROTLI_PARAM_LGWIN]: C.BROTLI_MAX_WINDOW_BITS,
      [C.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const file of process.argv.slice(2)) {
    const body = fs.readFileSync(file);
    const packed = brotli(body);
    // Exactly what a browser decodes back to the file, or the build fails.
    if (!zlib.brotliDecompressSync(packed).equals(body)) throw new Error(`${file}: Brotli round trip differs`);
    fs.writeFileSync(file + '.br', packed);
  }
}
