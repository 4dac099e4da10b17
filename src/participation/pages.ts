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

/** A survey token as it appears in the link (asset names have a dot; tokens never do). */
export const SURVEY_TOKEN = /^[A-Za-z0-9_-]+$/;
/** The survey page is never stored and sends no Referer: its address carries the token. */
export const SURVEY_PAGE_HEADERS = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };

/**
 * The partner's survey page answers at /survei/<token> (the token is read by its script from
 * the address); its assets are ordinary files under public/survei/ (served built, hashed and
 * compressed by src/middlewares/public-assets.ts after npm run build:public). /usulan is sent to /usulan/.
 */
export const registerParticipationPages = (strapi: Core.Strapi) => {
  const surveyPage = path.join(strapi.dirs.static.public, 'survei', 'index.html');
  strapi.server.routes([
    {
      method: 'GET',
      path: '/survei/:token',
      handler: async (ctx: PageCtx, next: () => Promise<unknown>) => {
        if (!SURVEY_TOKEN.test(ctx.params.token ?? '')) return next();
        ctx.type = 'html';
        for (const [name, value] of Object.entries(SURVEY_PAGE_HEADERS)) ctx.set(name, value);
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
