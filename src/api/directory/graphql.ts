import type { Core } from '@strapi/strapi';
import { FILTER_PARAMETERS } from '../../domain/directory';
import { directoryPartnerSdl } from './partner-fields';
import { directoryService } from './services/directory';

const typeDefs = `
${directoryPartnerSdl()}

  "The public partner directory: partners plus meta (total, counts, filters, labels in id and en)."
  type Directory {
    data: [DirectoryPartner!]!
    meta: JSON!
  }

  extend type Query {
    directory(${FILTER_PARAMETERS.map((name) => `${name}: String`).join(', ')}): Directory!
  }
`;

/**
 * The `directory` query: the prepared listing through GraphQL. It is the only query the Public
 * role may run on partner data; the generated partner queries still require a permission.
 */
export const registerDirectoryQuery = (strapi: Core.Strapi) => {
  if (!strapi.plugin('graphql')) return;
  strapi
    .plugin('graphql')
    .service('extension')
    .use(() => ({
      typeDefs,
      resolvers: {
        Query: {
          directory: async (_parent: unknown, args: Record<string, unknown>) => {
            const service = directoryService(strapi);
            const defined = Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined && value !== null));
            // The cached listing without its compressed bytes, which only REST sends.
            return service.listing(await service.parseQuery(defined));
          },
        },
      },
      resolversConfig: { 'Query.directory': { auth: false } },
    }));
};
