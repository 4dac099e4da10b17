import { hardenUsersPermissions } from '../../security/users-permissions';

/**
 * A unit's staff are Users & Permissions users with role "Unit"; each is linked to one unit
 * so that later rules can scope what they read and change to their own unit. Registration,
 * old tokens and forgot-password are hardened in src/security/users-permissions.ts.
 */
export default (plugin: Parameters<typeof hardenUsersPermissions>[0]) => {
  plugin.contentTypes.user.schema.attributes.unit = {
    type: 'relation',
    relation: 'manyToOne',
    target: 'api::unit.unit',
  };
  return hardenUsersPermissions(plugin);
};
