#!/usr/bin/env node
/**
 * What `npm test` needs besides node_modules, so that it passes on a fresh machine too:
 * the public assets and the admin build (browser tests load the built admin panel), and
 * Debian's Chromium for the browser tests (installed when missing and running as root).
 */
const { execSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const run = (command) => execSync(command, { cwd: root, stdio: 'inherit' });
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

if (!fs.existsSync(path.join(root, 'dist', 'build', 'index.html')) || !fs.existsSync(path.join(root, 'public', 'assets', 'world-map.json'))) {
  console.log('[test] building the public assets and the admin panel once (npm run build)…');
  run('npm run build');
}

if (!fs.existsSync(chromium)) {
  if (process.getuid && process.getuid() === 0) {
    console.log('[test] installing Debian\'s Chromium for the browser tests…');
    run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
  } else {
    console.error(`[test] the browser tests need Chromium at ${chromium}: run \`sudo apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
    process.exit(1);
  }
}
