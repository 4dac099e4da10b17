/**
 * A unit's staff are Users & Permissions users with role "Unit"; each is linked to one unit
 * so that later rules can scope what they read and change to their own unit.
 */
export default (plugin: { contentTypes: { user: { schema: { attributes: Record<string, unknown> } } } }) => {
  plugin.contentTypes.user.schema.attributes.unit = {
    type: 'relation',
    relation: 'manyToOne',
    target: 'api::unit.unit',
  };
  return plugin;
};
