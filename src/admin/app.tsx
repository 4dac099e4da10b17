import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    locales: ['id'],
    // No outside calls from the admin panel: release and tutorial notices off.
    notifications: { releases: false },
    tutorials: false,
    translations: {},
  },
  bootstrap(_app: StrapiApp) {},
};
