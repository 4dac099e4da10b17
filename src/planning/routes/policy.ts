/** A plugin admin route's config: the permission action it needs, checked by `admin::hasPermissions`. */
export const requires = (action: string) => ({ policies: [{ name: 'admin::hasPermissions', config: { actions: [action] } }] });
