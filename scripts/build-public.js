#!/usr/bin/env node
/**
 * npm run build:public: the public pages' scripts and map, then their hashed, precompressed assets.
 *
 * The scripts are TypeScript in public-src/ (type-checked by `npm run typecheck`, linted by
 * `npm run lint`), bundled by esbuild into the files the pages name (public/assets/directory.js,
 * public/usulan/usulan.js, public/survei/survei.js, public/verifikasi/verifikasi.js; git-ignored).
 * They import the states, labels, lists and dates they show from the pure domain modules
 * (src/domain) rather than re-declaring them, and the answers' shapes from src/contracts; the
 * build fails if a bundle takes anything from elsewhere (server code, a package), so nothing of
 * Strapi reaches a browser.
 *
 * It also renders the world map of the public page (public/index.html) at build time: world-atlas
 * country shapes, projected with d3-geo, written as SVG path data keyed by ISO 3166-1 alpha-2
 * code to public/assets/world-map.json. The page then needs no map library and no outside request.
 *
 * The 1:110m shapes leave out small countries (Singapore, Bahrain, Malta, ...) and draw others
 * smaller than a pixel; partners there would not show. For those, `markers` holds the projected
 * centre from the 1:50m shapes, and the page draws a dot when the country has partners.
 */
const fs = require('fs');
const path = require('path');
const { feature } = require('topojson-client');
const { buildAssets } = require('./public-assets');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'public', 'assets', 'world-map.json');
/** Each page's script: its entry point, the file the page names, and how the page loads it. */
const BUNDLES = [
  { entry: 'public-src/directory.ts', out: 'public/assets/directory.js', format: 'esm' }, // <script type="module">
  { entry: 'public-src/usulan.ts', out: 'public/usulan/usulan.js', format: 'iife' },
  { entry: 'public-src/survei.ts', out: 'public/survei/survei.js', format: 'iife' },
  { entry: 'public-src/verifikasi.ts', out: 'public/verifikasi/verifikasi.js', format: 'iife' },
];
/** The only folders a bundle may take code from: the pages, the pure domain rules and the routes' contracts. */
const BUNDLE_SOURCES = ['public-src/', 'src/domain/', 'src/contracts/'];
const WIDTH = 960;
const HEIGHT = 470;
/** A country drawn smaller than this (square pixels at 960 × 470) gets a marker too. */
const MIN_VISIBLE_AREA = 12;

/** world-atlas names that differ from the English region names of ICU. */
const NAME_OVERRIDES = {
  'W. Sahara': 'EH',
  'Dem. Rep. Congo': 'CD',
  Congo: 'CG',
  'Dominican Rep.': 'DO',
  'Falkland Is.': 'FK',
  'Fr. S. Antarctic Lands': 'TF',
  'Central African Rep.': 'CF',
  'Eq. Guinea': 'GQ',
  eSwatini: 'SZ',
  'Solomon Is.': 'SB',
  'Bosnia and Herz.': 'BA',
  Macedonia: 'MK',
  'S. Sudan': 'SS',
  'United States of America': 'US',
  "Côte d'Ivoire": 'CI',
  'N. Cyprus': null,
  Somaliland: null,
  Kosovo: 'XK',
  Taiwan: 'TW',
  'Timor-Leste': 'TL',
  Myanmar: 'MM',
  'Czechia': 'CZ',
  'Palestine': 'PS',
  Antarctica: 'AQ',
  Turkey: 'TR',
  'Trinidad and Tobago': 'TT',
};

const codeOf = (byName, name) => (name in NAME_OVERRIDES ? NAME_OVERRIDES[name] : byName.get(name));

/**
 * Bundles the pages' scripts (minified, for the browsers of today: ES2020) and returns, for each
 * bundle, the sources it was made of: the manifest keeps their hashes, so a test run notices a
 * changed source (scripts/public-assets.js, changedBundleSources).
 */
const bundleScripts = async () => {
  const esbuild = require('esbuild');
  const built = await Promise.all(
    BUNDLES.map(async ({ entry, out, format }) => {
      const result = await esbuild.build({
        absWorkingDir: ROOT,
        entryPoints: [entry],
        outfile: out,
        bundle: true,
        format,
        platform: 'browser',
        target: 'es2020',
        minify: true,
        legalComments: 'none',
        tsconfig: 'public-src/tsconfig.json',
        metafile: true,
        logLevel: 'warning',
        write: false,
      });
      const inputs = Object.keys(result.metafile.inputs);
      const outside = inputs.filter((input) => !BUNDLE_SOURCES.some((folder) => input.startsWith(folder)));
      if (outside.length) {
        throw new Error(`${entry} bundles code from outside ${BUNDLE_SOURCES.join(' and ')} (server code or a package must not reach the browser): ${outside.join(', ')}`);
      }
      // Written only when it changed, and whole (renamed into place): a server or a test run
      // reading public/ meanwhile never sees half a file.
      const [{ contents }] = result.outputFiles;
      const target = path.join(ROOT, out);
      if (!fs.existsSync(target) || !fs.readFileSync(target).equals(contents)) {
        fs.writeFileSync(`${target}.tmp`, contents);
        fs.renameSync(`${target}.tmp`, target);
      }
      return { source: path.relative(path.join(ROOT, 'public'), target), inputs };
    }),
  );
  return Object.fromEntries(built.map(({ source, inputs }) => [source, inputs]));
};

const main = async () => {
  const bundles = await bundleScripts();
  const { geoEqualEarth, geoPath } = await import('d3-geo');
  const load = (file) => {
    const topology = JSON.parse(fs.readFileSync(require.resolve(`world-atlas/${file}`), 'utf8'));
    return feature(topology, topology.objects.countries).features.filter((country) => country.properties.name !== 'Antarctica');
  };
  const countries = load('countries-110m.json');
  const projection = geoEqualEarth().fitSize([WIDTH, HEIGHT], { type: 'FeatureCollection', features: countries });
  const draw = geoPath(projection);

  const english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const byName = new Map();
  for (let a = 65; a <= 90; a += 1) {
    for (let b = 65; b <= 90; b += 1) {
      const code = String.fromCharCode(a, b);
      const name = english.of(code);
      if (name && !byName.has(name)) byName.set(name, code);
    }
  }

  const paths = {};
  const area = {};
  const unmatched = [];
  for (const country of countries) {
    const code = codeOf(byName, country.properties.name);
    if (!code) {
      if (code === undefined) unmatched.push(country.properties.name);
      continue;
    }
    const d = draw(country);
    if (d) paths[code] = (paths[code] ? paths[code] : '') + d.replace(/(\d+\.\d)\d+/g, '$1');
    area[code] = (area[code] ?? 0) + draw.area(country);
  }
  const markers = {};
  for (const country of load('countries-50m.json')) {
    const code = codeOf(byName, country.properties.name);
    if (!code || (area[code] ?? 0) >= MIN_VISIBLE_AREA) continue;
    const [x, y] = draw.centroid(country);
    if (Number.isFinite(x) && Number.isFinite(y)) markers[code] = [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
  }
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, JSON.stringify({ width: WIDTH, height: HEIGHT, countries: paths, markers }));
  process.stdout.write(
    `public map: ${Object.keys(paths).length} countries, ${Object.keys(markers).length} small ones as markers -> ${path.relative(process.cwd(), OUT)}${unmatched.length ? ` (no ISO code for: ${unmatched.join(', ')})` : ''}\n`,
  );
  const { files, bytes, sizes } = buildAssets(path.join(ROOT, 'public'), { root: ROOT, bundles });
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  for (const source of Object.keys(bundles)) {
    const size = sizes[source];
    process.stdout.write(`public script ${source}: ${kb(size.identity)}, gzip ${kb(size.gzip)}, br ${kb(size.br)} (from ${bundles[source].length} sources)\n`);
  }
  process.stdout.write(`public assets: ${files} files hashed and precompressed (br, gzip), ${Math.round(bytes / 1024)} KB -> public/assets/ (manifest.json)\n`);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
