import type { Core } from '@strapi/strapi';

type DocumentMiddleware = Parameters<Core.Strapi['documents']['use']>[0];
type DocumentContext = Parameters<DocumentMiddleware>[0];
type Next = Parameters<DocumentMiddleware>[1];

export type DocumentHandler = (ctx: DocumentContext, next: Next) => unknown;

/**
 * Registers a Document Service middleware for the content types it is keyed by: the uid is
 * looked up, never compared in a chain; every other type passes straight on.
 */
export const useForTypes = (strapi: Core.Strapi, handlers: Readonly<Record<string, DocumentHandler>>) => {
  const byUid = new Map(Object.entries(handlers));
  strapi.documents.use((ctx, next) => {
    const handler = byUid.get(ctx.uid);
    return (handler ? handler(ctx, next) : next()) as ReturnType<DocumentMiddleware>;
  });
};
