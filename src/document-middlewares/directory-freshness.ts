import type { Core } from '@strapi/strapi';
import { directoryService } from '../api/directory/services/directory';
import { afterWritesTo } from '../freshness/after-writes';

/** Content the public directory shows: a write to any of these may change it. */
const SHOWN_IN_DIRECTORY = ['api::partner.partner', 'api::agreement.agreement', 'api::unit.unit', 'api::cooperation-type.cooperation-type'];

/**
 * Keeps the prepared public directory fresh: after a write that may change it commits, the
 * prepared listing is dropped (here and, through the change signal, on every other instance).
 * A logo replaced in the Media Library changes the listing without a partner write, so uploaded
 * files are watched too.
 */
export const registerDirectoryFreshness = (strapi: Core.Strapi) => {
  const changed = () => directoryService(strapi).changed();
  afterWritesTo(strapi, SHOWN_IN_DIRECTORY, changed);
  strapi.db.lifecycles.subscribe({ models: ['plugin::upload.file'], afterUpdate: changed, afterDelete: changed });
};
