#!/usr/bin/env node
/**
 * Renders the world map of the public page (public/index.html) at build time: world-atlas
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

const OUT = path.resolve(__dirname, '..', 'public', 'assets', 'world-map.json');
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

const main = async () => {
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
  const { files, bytes } = buildAssets(path.dirname(path.dirname(OUT)));
  process.stdout.write(`public assets: ${files} files hashed and precompressed (br, gzip), ${Math.round(bytes / 1024)} KB -> public/assets/ (manifest.json)\n`);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
