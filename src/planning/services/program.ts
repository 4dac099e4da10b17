import type { Core } from '@strapi/strapi';
import { createMappingService } from './mapping';
import { createProgramCarryOver } from './program-carry-over';
import { createProgramItems } from './program-items';
import { createProgramView } from './program-view';
import { createTargetsService } from './targets';

export { unitTree, type ProgramItemView } from './program-view';

/**
 * The annual program page's service, by job: the view (program-view.ts), the program and its
 * items (program-items.ts) and "start from last year" (program-carry-over.ts).
 */
export const createProgramService = ({ strapi }: { strapi: Core.Strapi }) => {
  const targets = createTargetsService({ strapi });
  const mapping = createMappingService({ strapi });
  const view = createProgramView(strapi, { mapping, targets });
  return {
    view: view.view,
    choices: view.choices,
    ...createProgramItems(strapi, view),
    ...createProgramCarryOver(strapi, { ...view, targets }),
  };
};

export type ProgramService = ReturnType<typeof createProgramService>;
