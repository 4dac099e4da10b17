/**
 * The public pages' static files, prepared at build time (npm run build:public): each asset is
 * copied to public/assets/ under a name carrying its content hash (directory.3f9c0a1b2d.js),
 * precompressed (.br, .gz), and the pages and scripts are rewritten to ask for those names.
 * public/assets/manifest.json tells the server (src/middlewares/public-assets.ts) which URL is
 * which file, with the hash of every source it was built from, so a stale build is noticed.
 *
 * Why: a hashed name can be cached for a year (`immutable`) and a new build is a new name, so
 * a browser never mixes versions; precompressing once costs no CPU per request.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const HASHED = /\.[0-9a-f]{10}\.[a-z]+(\.br|\.gz)?$/;
const TYPES = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.html': 'text/html; charset=utf-8' };

/** Built in this order: a file's references to the ones before it are rewritten to their hashed names. */
const ASSETS = [
  { source: 'assets/world-map.json', urls: ['/assets/world-map.json'] },
  { source: 'assets/directory.css', urls: ['/assets/directory.css'] },
  { source: 'assets/directory.js', urls: ['/assets/directory.js'] },
  { source: 'usulan/usulan.css', urls: ['/usulan/usulan.css'] },
  { source: 'usulan/usulan.js', urls: ['/usulan/usulan.js'] },
  { source: 'survei/survei.css', urls: ['/survei/survei.css'] },
  { source: 'survei/survei.js', urls: ['/survei/survei.js'] },
  // The pages themselves are revalidated on every visit (they name the current assets).
  { source: 'index.html', urls: ['/', '/index.html'], page: true },
  { source: 'usulan/index.html', urls: ['/usulan/', '/usulan/index.html'], page: true },
  // /survei/<token>: the partner's link; never stored (the token is in the address).
  { source: 'survei/index.html', urls: ['/survei/:token'], page: true, noStore: true },
];

const sha256 = (buffer) => crypto.createHash('sha256').update(buffer).digest('hex');

const compress = (buffer) => ({
  br: zlib.brotliCompressSync(buffer, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buffer.length },
  }),
  gz: zlib.gzipSync(buffer, { level: 9 }),
});

const buildAssets = (publicDir) => {
  const outDir = path.join(publicDir, 'assets');
  const sources = {};
  const files = {};
  /** Source URL -> hashed URL, for rewriting the files built after it. */
  const renamed = [];
  const written = new Set(['manifest.json']);
  let bytes = 0;
  for (const asset of ASSETS) {
    const original = fs.readFileSync(path.join(publicDir, asset.source));
    sources[asset.source] = sha256(original);
    let text = original.toString('utf8');
    for (const [from, to] of renamed) text = text.split(from).join(to);
    const content = Buffer.from(text, 'utf8');
    const hash = sha256(content).slice(0, 10);
    const ext = path.extname(asset.source);
    // A page is named after its folder (index.html is the directory's page).
    const stem = asset.page ? path.basename(path.dirname(path.join('directory', asset.source))) : path.basename(asset.source, ext);
    const name = `${stem}.${hash}${ext}`;
    const { br, gz } = compress(content);
    for (const [file, buffer] of [[name, content], [`${name}.br`, br], [`${name}.gz`, gz]]) {
      fs.writeFileSync(path.join(outDir, file), buffer);
      written.add(file);
    }
    bytes += content.length + br.length + gz.length;
    const entry = { file: `assets/${name}`, type: TYPES[ext], hash, sizes: { identity: content.length, br: br.length, gzip: gz.length } };
    const cache = asset.noStore ? 'no-store' : 'revalidate';
    for (const url of asset.urls) files[url] = { ...entry, cache };
    if (!asset.page) {
      files[`/assets/${name}`] = { ...entry, cache: 'immutable' };
      for (const url of asset.urls) renamed.push([url, `/assets/${name}`]);
    }
  }
  // Earlier builds' files: nothing names them any more.
  for (const file of fs.readdirSync(outDir)) if (HASHED.test(file) && !written.has(file)) fs.rmSync(path.join(outDir, file));
  const manifest = path.join(outDir, 'manifest.json');
  fs.writeFileSync(`${manifest}.tmp`, `${JSON.stringify({ sources, files }, null, 1)}\n`);
  fs.renameSync(`${manifest}.tmp`, manifest);
  return { files: ASSETS.length, bytes };
};

module.exports = { buildAssets };
