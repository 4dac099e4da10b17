import type { StrapiApp } from '@strapi/strapi/admin';
import { adminApi } from '@strapi/strapi/admin';

/** The admin application, kept at register so panels can reach its store once it exists. */
let app: StrapiApp | null = null;
export const keepAdminApp = (instance: StrapiApp) => {
  app = instance;
};

/**
 * Tells the Content Manager that a document changed on the server (a workflow move writes its
 * state and derived fields): its edit view fetches it again and the form shows the new values,
 * without a page reload.
 */
export const refreshDocument = (uid: string, documentId: string) => {
  app?.store?.dispatch(adminApi.util.invalidateTags([{ type: 'Document' as never, id: `${uid}_${documentId}` }]));
};
