'use strict';

// The server half is TypeScript compiled with the app (tsconfig.json includes plugins/*/server),
// so Strapi loads it from the app's dist/ folder.
module.exports = require('../../dist/plugins/kerjasama/server').default;
