/**
 * The pieces every plugin admin route file declares: its routes (each with the permission action
 * it needs, checked by `admin::hasPermissions`), its permission actions, and the Koa context its
 * controllers read.
 */
export const requires = (action: string) => ({ policies: [{ name: 'admin::hasPermissions', config: { actions: [action] } }] });

/** One admin route under /kerjasama. */
export const adminRoute = (method: 'GET' | 'POST' | 'PUT', path: string, handler: string, action: string) => ({ method, path, handler, config: requires(action) });

/** A permission action of the plugin, as registered with the admin's action provider. */
export const pluginAction = (subCategory: string, uid: string, displayName: string) => ({ section: 'plugins', pluginName: 'kerjasama', subCategory, uid, displayName });

/** What the plugin's controllers read and set on Koa's context. */
export interface AdminContext {
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: Record<string, unknown> };
  status: number;
  body: unknown;
  type: string;
  attachment: (filename: string) => void;
}
