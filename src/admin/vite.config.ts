import path from 'path';
import { mergeConfig, type UserConfig } from 'vite';

/**
 * The admin pages import the app's shared contracts and domain tables by name
 * (`@kerjasama/contracts`, `@kerjasama/domain`), never by deep relative paths; the admin bundle is
 * built by Vite, so the names resolve here (and in src/admin/tsconfig.json for the type-check).
 */
export default (config: UserConfig) =>
  mergeConfig(config, {
    resolve: {
      alias: {
        '@kerjasama/contracts': path.resolve(__dirname, '..', 'contracts'),
        '@kerjasama/domain': path.resolve(__dirname, '..', 'domain'),
      },
    },
  });
