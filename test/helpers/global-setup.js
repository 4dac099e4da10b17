const { execFileSync } = require('child_process');
const path = require('path');

/** Strapi runs the compiled project from dist/: compile once before the API tests. */
module.exports = async () => {
  const root = path.resolve(__dirname, '..', '..');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], {
    cwd: root,
    stdio: 'inherit',
  });
};
