import type { Core } from '@strapi/strapi';
import { routes } from './routes';
import { controllers } from './controllers';
import { formDocumentControllers } from '../documents/plugin';
import { accreditationControllers } from '../accreditation/plugin';
import { services } from './services';
import { registerPermissionActions } from './permissions';
import { ensureListSearchIndexes, ensurePlanningIndexes } from './bootstrap';
import { registerPreparedFreshness } from './prepared-freshness';
import { preparedDocumentsService, preparedService } from './services/prepared';

export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    await registerPermissionActions({ strapi });
    registerPreparedFreshness(strapi);
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensurePlanningIndexes({ strapi });
    await ensureListSearchIndexes({ strapi });
    preparedService(strapi).startSignal();
    preparedDocumentsService(strapi).startSignal();
  },
  destroy: async ({ strapi }: { strapi: Core.Strapi }) => {
    await preparedService(strapi).stopSignal();
    await preparedDocumentsService(strapi).stopSignal();
  },
  routes,
  // The program and survey documents' controllers are kept beside their routes (src/documents/plugin.ts).
  controllers: { ...controllers, ...formDocumentControllers, ...accreditationControllers },
  services,
};
