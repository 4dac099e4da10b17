import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { formatBilingual } from '../domain/bilingual';
import { resolveActor } from './actor';
import { describeWorkflow, requestTransition, type TransitionRequestBody } from './service';

/**
 * The content-API doors of the workflow, the same for every workflow type:
 *   POST /api/<plural>/:documentId/transitions  { to, reason?, from? }  moves the record
 *   GET  /api/<plural>/:documentId/workflow                           state, history, moves
 * The acting person comes from the request (a unit user, an API token…); the workflow tables
 * decide, so an API token may call it but cannot approve. A record the caller cannot read
 * (another unit's proposal) is "not found", exactly like its findOne.
 */
export const workflowRoutes = (pluralPath: string, uid: string) => ({
  routes: [
    { method: 'POST' as const, path: `/${pluralPath}/:documentId/transitions`, handler: `${uid}.transition`, config: {} },
    { method: 'GET' as const, path: `/${pluralPath}/:documentId/workflow`, handler: `${uid}.workflow`, config: {} },
  ],
});

interface Ctx {
  params: { documentId?: string };
  request: { body?: Record<string, unknown> };
  body: unknown;
}

const assertReadable = async (strapi: Core.Strapi, uid: UID.ContentType, documentId: string | undefined) => {
  const hasDraftAndPublish = Boolean(strapi.contentTypes[uid].options?.draftAndPublish);
  const found = documentId
    ? await strapi.documents(uid).findOne({ documentId, fields: ['id'] as never, ...(hasDraftAndPublish ? { status: 'draft' as const } : {}) })
    : null;
  if (!found) throw new errors.NotFoundError(formatBilingual({ id: 'Rekaman tidak ditemukan', en: 'Record not found' }));
  return documentId!;
};

/** Controller actions added to a core controller: `createCoreController(uid, workflowActions(uid))`. */
export const workflowActions = (uid: UID.ContentType) => ({ strapi }: { strapi: Core.Strapi }) => ({
  async transition(context: object) {
    const ctx = context as Ctx;
    const actor = await resolveActor(strapi);
    const documentId = await assertReadable(strapi, uid, ctx.params.documentId);
    const raw = ctx.request.body ?? {};
    const body = (raw.data && typeof raw.data === 'object' ? raw.data : raw) as TransitionRequestBody;
    await requestTransition(strapi, { uid, documentId, actor, body });
    ctx.body = { data: await describeWorkflow(strapi, uid, documentId, actor) };
  },
  async workflow(context: object) {
    const ctx = context as Ctx;
    const actor = await resolveActor(strapi);
    const documentId = await assertReadable(strapi, uid, ctx.params.documentId);
    ctx.body = { data: await describeWorkflow(strapi, uid, documentId, actor) };
  },
});
