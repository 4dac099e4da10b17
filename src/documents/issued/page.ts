import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';

interface PageCtx {
  type: string;
  body: unknown;
  set: (name: string, value: string) => void;
}

/** The verification page's URL pattern: `/verifikasi/<number as printed>`; its script reads the number from the address. */
export const VERIFY_PAGE_PREFIX = '/verifikasi/';

/**
 * `/verifikasi/<number>` answers with public/verifikasi/index.html whatever the number (the page
 * asks `/api/verifikasi/<number>` and says "not found" itself); its assets are ordinary files
 * under public/verifikasi/, served built by src/middlewares/public-assets.ts after npm run build:public.
 */
export const registerVerificationPage = (strapi: Core.Strapi) => {
  const page = path.join(strapi.dirs.static.public, 'verifikasi', 'index.html');
  strapi.server.routes([
    {
      method: 'GET',
      path: '/verifikasi/:number(KS/.*)',
      handler: (ctx: PageCtx) => {
        ctx.type = 'html';
        ctx.set('Cache-Control', 'no-cache');
        ctx.body = fs.createReadStream(page);
      },
      config: { auth: false },
    },
  ] as never);
};
