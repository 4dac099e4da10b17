/**
 * The unit project alone, for StrykerJS (`npm run test:mutation`): no global setup, since the
 * unit tests import `src/domain` directly and need neither the compiled project nor Strapi.
 */
const path = require('path');
const { projects } = require('../jest.config');

const { displayName, ...unit } = projects.find((project) => project.displayName === 'unit');

module.exports = { ...unit, rootDir: path.resolve(__dirname, '..') };
