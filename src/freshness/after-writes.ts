import type { Core } from '@strapi/strapi';

/** Document Service actions that change stored content. */
const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

/**
 * Calls `changed` after every write, from every door (REST, GraphQL, Content Manager, Document
 * Service), to a document of one of `uids`: what prepared data derived from them hooks into.
 */
export const afterWritesTo = (strapi: Core.Strapi, uids: Iterable<string>, changed: () => Promise<void>) => {
  const watched = new Set(uids);
  strapi.documents.use(async (ctx, next) => {
    if (!watched.has(ctx.uid) || !WRITES.has(ctx.action)) return next();
    const result = await next();
    await changed();
    return result;
  });
};
