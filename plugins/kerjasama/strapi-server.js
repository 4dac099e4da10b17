'use strict';

const path = require('path');

// The plugin's server half is app code (src/planning, compiled with the app by tsconfig.json), so
// Strapi loads it from the app's compiled output (dist/, or KERJASAMA_DIST_DIR in tests). The
// plugin folder itself holds the admin pages; shared request/response types live in src/contracts.
const distDir = process.env.KERJASAMA_DIST_DIR || path.join(__dirname, '..', '..', 'dist');
module.exports = require(path.join(distDir, 'src', 'planning')).default;
