/**
 * The public pages' static files, prepared at build time (npm run build:public): each asset is
 * copied to public/assets/ under a name carrying its content hash (directory.3f9c0a1b2d.js),
 * precompressed (.br, .gz), and the pages and scripts are rewritten to ask for those names.
 * public/assets/manifest.json tells the server (src/middlewares/public-assets.ts) which URL is
 * which file, with the hash of every source it was built from, so a stale build is noticed.
 *
 * Why: a hashed name can be cached for a year (`immutable`) and a new build is a new name, so
 * a browser never mixes versions; precompressing once costs no CPU per request.
 *
 * The pages' scripts are bundles (scripts/build-public.js, from public-src/ and src/domain/):
 * the manifest's `bundled` keeps the hash of each file a bundle was made of (paths from the
 * project root), so that changedBundleSources tells a test run that a bundle is out of date.
 * The server reads only `sources` and `files`.
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
  // /verifikasi/<number> is answered by src/documents/issued/page.ts with the page as written, so
  // it asks for these by their plain names: served compressed and revalidated.
  { source: 'verifikasi/verifikasi.css', urls: ['/verifikasi/verifikasi.css'] },
  { source: 'verifikasi/verifikasi.js', urls: ['/verifikasi/verifikasi.js'] },
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

const MANIFEST = path.join('assets', 'manifest.json');

const hashFiles = (root, files) => Object.fromEntries(files.map((file) => [file, sha256(fs.readFileSync(path.join(root, file)))]));

/**
 * `bundles`: for each bundled source (a path below publicDir), the files it was built from,
 * below `root`. Returns how many assets, their bytes, and the sizes of each source's asset.
 */
const buildAssets = (publicDir, { root, bundles = {} } = {}) => {
  const outDir = path.join(publicDir, 'assets');
  const sources = {};
  const files = {};
  /** Source URL -> hashed URL, for rewriting the files built after it. */
  const renamed = [];
  const written = new Set(['manifest.json']);
  let bytes = 0;
  const sizes = {};
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
      // A hashed name is its content: one already there is kept, a new one is renamed into place whole.
      const target = path.join(outDir, file);
      if (!fs.existsSync(target)) {
        fs.writeFileSync(`${target}.tmp`, buffer);
        fs.renameSync(`${target}.tmp`, target);
      }
      written.add(file);
    }
    bytes += content.length + br.length + gz.length;
    sizes[asset.source] = { identity: content.length, br: br.length, gzip: gz.length };
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
  const bundled = Object.fromEntries(Object.entries(bundles).map(([source, inputs]) => [source, hashFiles(root, inputs)]));
  const manifest = path.join(publicDir, MANIFEST);
  fs.writeFileSync(`${manifest}.tmp`, `${JSON.stringify({ sources, files, bundled }, null, 1)}\n`);
  fs.renameSync(`${manifest}.tmp`, manifest);
  return { files: ASSETS.length, bytes, sizes };
};

/**
 * The files below `root` changed (or gone) since the bundles of the last build were made of
 * them; every bundle's source when there is no build. A new page source is found through the
 * imports of an existing one, so it shows as a change of the file importing it.
 */
const changedBundleSources = (root) => {
  let bundled;
  try {
    bundled = JSON.parse(fs.readFileSync(path.join(root, 'public', MANIFEST), 'utf8')).bundled;
  } catch {
    return ['public/assets/manifest.json'];
  }
  if (!bundled) return ['public/assets/manifest.json'];
  const changed = new Set();
  for (const inputs of Object.values(bundled)) {
    for (const [file, hash] of Object.entries(inputs)) {
      let now = null;
      try {
        now = sha256(fs.readFileSync(path.join(root, file)));
      } catch {
        // Gone: changed.
      }
      if (now !== hash) changed.add(file);
    }
  }
  return [...changed];
};

module.exports = { buildAssets, changedBundleSources };
