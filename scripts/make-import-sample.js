#!/usr/bin/env node
/**
 * npm run docs:import-sample — writes docs/sample-daftar-kerjasama.xlsx (and its CSV twin), the
 * sheet an office can copy to bring its existing agreements in (Kerjasama → Impor data).
 */
const fs = require('fs');
const path = require('path');
const { buildDaftarKerjasama, SAMPLE_ROWS } = require('./lib/daftar-kerjasama');

const main = async () => {
  const docs = path.resolve(__dirname, '..', 'docs');
  fs.writeFileSync(path.join(docs, 'sample-daftar-kerjasama.xlsx'), await buildDaftarKerjasama(SAMPLE_ROWS));
  fs.writeFileSync(path.join(docs, 'sample-daftar-kerjasama.csv'), await buildDaftarKerjasama(SAMPLE_ROWS, { format: 'csv' }));
  process.stdout.write('docs/sample-daftar-kerjasama.xlsx and .csv written\n');
};

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
