import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { formatBilingual } from '../domain/bilingual';
import { resolveActor } from '../workflow/actor';
import { isUnitScoped } from '../document-middlewares/proposal-intake';

interface UploadCtx {
  query?: Record<string, unknown>;
  request: { body?: Record<string, unknown> };
}
type Action = (ctx: UploadCtx) => Promise<unknown>;

/**
 * Unit users may upload files (to attach them to their proposals), but `/api/upload` can also
 * replace an existing file (`?id=`) or link the upload straight to any record (`ref`, `refId`,
 * `field`), which would bypass the proposal rules. For unit users both are refused.
 */
export const guardUnitUploads = (strapi: Core.Strapi) => {
  const controller = strapi.plugin('upload')?.controller('content-api') as unknown as Record<string, Action> | undefined;
  if (!controller?.upload) return;
  const original = controller.upload;
  controller.upload = async function guardedUpload(this: unknown, ctx: UploadCtx) {
    if (isUnitScoped(await resolveActor(strapi))) {
      const body = ctx.request.body ?? {};
      if (ctx.query?.id !== undefined || body.ref !== undefined || body.refId !== undefined || body.field !== undefined) {
        throw new errors.ForbiddenError(formatBilingual({
          id: 'Unit hanya dapat mengunggah berkas baru, lalu melampirkannya pada usulannya',
          en: 'A unit may only upload new files and then attach them to its proposals',
        }));
      }
    }
    return original.call(this, ctx);
  };
};
