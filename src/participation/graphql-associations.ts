import type { Core } from '@strapi/strapi';

interface Attribute {
  type: string;
  relation?: string;
  target?: string;
}
interface Model {
  uid: string;
  modelType: string;
  attributes: Record<string, Attribute>;
}
interface Naming {
  getTypeName: (model: Model) => string;
  getComponentName: (model: Model) => string;
}

/**
 * GraphQL resolves a nested relation (`proposals { partner { proposals { … } } }`) straight
 * from the database, without the Document Service and without asking whether the caller may
 * read the related type. Every relation field to a content type therefore requires the
 * caller's `find` permission on that type, as a REST populate does: a unit user cannot walk
 * from its own proposal through a partner to other units' proposals, contacts or notes.
 */
export const requireReadPermissionOnAssociations = (strapi: Core.Strapi) => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  graphql.service('extension').use(() => {
    const naming = graphql.service('utils').naming as Naming;
    const resolversConfig: Record<string, { auth: { scope: string[] } }> = {};
    const models = [...Object.values(strapi.contentTypes), ...Object.values(strapi.components)] as unknown as Model[];
    for (const model of models) {
      const isComponent = model.modelType === 'component';
      if (!isComponent && !model.uid.startsWith('api::')) continue;
      const typeName = isComponent ? naming.getComponentName(model) : naming.getTypeName(model);
      for (const [field, attribute] of Object.entries(model.attributes)) {
        if (attribute.type !== 'relation' || !attribute.target?.startsWith('api::')) continue;
        const config = { auth: { scope: [`${attribute.target}.find`] } };
        resolversConfig[`${typeName}.${field}`] = config;
        if (attribute.relation?.endsWith('Many')) resolversConfig[`${typeName}.${field}_connection`] = config;
      }
    }
    return { resolversConfig };
  });
};
