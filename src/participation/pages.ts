import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';

interface PageCtx {
  params: { token?: string };
  path: string;
  type: string;
  body: unknown;
  set: (name: string, value: string) => void;
  redirect: (url: string) => void;
}

/**
 * The partner's survey page answers at /survei/<token> (the token is read by its script from
 * the address); its assets are ordinary files under public/survei/. /usulan is sent to /usulan/.
 */
export const registerParticipationPages = (strapi: Core.Strapi) => {
  const surveyPage = path.join(strapi.dirs.static.public, 'survei', 'index.html');
  strapi.server.routes([
    {
      method: 'GET',
      path: '/survei/:token',
      handler: async (ctx: PageCtx, next: () => Promise<unknown>) => {
        // Asset names have a dot; tokens never do.
        if (!/^[A-Za-z0-9_-]+$/.test(ctx.params.token ?? '')) return next();
        ctx.type = 'html';
        ctx.set('Cache-Control', 'no-store');
        ctx.set('Referrer-Policy', 'no-referrer');
        ctx.body = fs.createReadStream(surveyPage);
        return undefined;
      },
      config: { auth: false },
    },
    {
      method: 'GET',
      path: '/usulan',
      handler: (ctx: PageCtx, next: () => Promise<unknown>) => (ctx.path === '/usulan' ? ctx.redirect('/usulan/') : next()),
      config: { auth: false },
    },
  ] as never);
};
