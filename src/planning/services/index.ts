import type { Core } from '@strapi/strapi';
import { createAchievementService } from './achievement';
import { createDashboardService } from './dashboard';
import { createMappingService } from './mapping';
import { createPreparedDocumentsService, createPreparedService } from './prepared';
import { createProgramService } from './program';
import { createTargetsService } from './targets';
import { createImportService } from './import';
import { createPartnerMergeService } from './partner-merge';

/** Planning services (dashboard, needs mapping, targets, annual program); workflow logic lives in src/workflow. */
export const services = {
  prepared: createPreparedService,
  preparedDocuments: createPreparedDocumentsService,
  achievement: createAchievementService,
  dashboard: createDashboardService,
  mapping: createMappingService,
  targets: createTargetsService,
  program: createProgramService,
  import: createImportService,
  partnerMerge: createPartnerMergeService,
};

type Services = { [K in keyof typeof services]: ReturnType<(typeof services)[K]> };

export const getService = <K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] =>
  strapi.plugin('kerjasama').service(name) as Services[K];
