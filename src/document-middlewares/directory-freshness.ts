import type { Core } from '@strapi/strapi';
import { directoryService } from '../api/directory/services/directory';

/** Content the public directory shows: a write to any of these may change it. */
const SHOWN_IN_DIRECTORY = new Set(['api::partner.partner', 'api::agreement.agreement', 'api::unit.unit', 'api::cooperation-type.cooperation-type']);
const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

/**
 * Keeps the prepared public directory fresh: after a write that may change it commits, the
 * prepared listing is dropped (here and, through the change signal, on every other instance).
 * A logo replaced in the Media Library changes the listing without a partner write, so uploaded
 * files are watched too.
 */
export const registerDirectoryFreshness = (strapi: Core.Strapi) => {
  strapi.documents.use(async (ctx, next) => {
    if (!SHOWN_IN_DIRECTORY.has(ctx.uid) || !WRITES.has(ctx.action)) return next();
    const result = await next();
    await directoryService(strapi).changed();
    return result;
  });
  const fileChanged = () => directoryService(strapi).changed();
  strapi.db.lifecycles.subscribe({ models: ['plugin::upload.file'], afterUpdate: fileChanged, afterDelete: fileChanged });
};
