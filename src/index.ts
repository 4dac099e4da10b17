import type { Core } from '@strapi/strapi';
import { applyContentManagerLayouts } from './bootstrap/content-manager-layout';
import { ensureFirstAdmin } from './bootstrap/first-admin';
import { ensureRoles } from './bootstrap/roles';
import { registerFieldRules } from './document-middlewares/field-rules';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerFieldRules(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureRoles(strapi);
    await applyContentManagerLayouts(strapi);
    await ensureFirstAdmin(strapi);
  },
};
