'use strict';

const path = require('path');

// The server half is TypeScript compiled with the app (tsconfig.json includes plugins/*/server),
// so Strapi loads it from the app's compiled output (dist/, or KERJASAMA_DIST_DIR in tests).
const distDir = process.env.KERJASAMA_DIST_DIR || path.join(__dirname, '..', '..', 'dist');
module.exports = require(path.join(distDir, 'plugins', 'kerjasama', 'server')).default;
