#!/usr/bin/env node
/**
 * Renders the world map of the public page (public/index.html) at build time: world-atlas
 * country shapes, projected with d3-geo, written as SVG path data keyed by ISO 3166-1 alpha-2
 * code to public/assets/world-map.json. The page then needs no map library and no outside request.
 */
const fs = require('fs');
const path = require('path');
const { feature } = require('topojson-client');

const OUT = path.resolve(__dirname, '..', 'public', 'assets', 'world-map.json');
const WIDTH = 960;
const HEIGHT = 470;

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

const main = async () => {
  const { geoEqualEarth, geoPath } = await import('d3-geo');
  const topology = JSON.parse(fs.readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8'));
  const countries = feature(topology, topology.objects.countries).features.filter((country) => country.properties.name !== 'Antarctica');
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
  const unmatched = [];
  for (const country of countries) {
    const name = country.properties.name;
    const code = name in NAME_OVERRIDES ? NAME_OVERRIDES[name] : byName.get(name);
    if (!code) {
      if (code === undefined) unmatched.push(name);
      continue;
    }
    const d = draw(country);
    if (d) paths[code] = (paths[code] ? paths[code] : '') + d.replace(/(\d+\.\d)\d+/g, '$1');
  }
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, JSON.stringify({ width: WIDTH, height: HEIGHT, countries: paths }));
  process.stdout.write(`public map: ${Object.keys(paths).length} countries -> ${path.relative(process.cwd(), OUT)}${unmatched.length ? ` (no ISO code for: ${unmatched.join(', ')})` : ''}\n`);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
