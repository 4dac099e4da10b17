import { factories } from '@strapi/strapi';
import { verifyDocument } from '../../../documents/issued/verify';

interface Ctx {
  params: { number?: string };
  body: unknown;
  set: (name: string, value: string) => void;
}

export default factories.createCoreController('api::issued-document.issued-document', ({ strapi }) => ({
  /** GET /api/verifikasi/:number — public: what an issued document is and its SHA-256 (no account). */
  async verify(context: object) {
    const ctx = context as Ctx;
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = { data: await verifyDocument(strapi, ctx.params.number) };
  },
}));
