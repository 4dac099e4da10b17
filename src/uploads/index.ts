import type { Core } from '@strapi/strapi';
import { open, readFile } from 'fs/promises';
import { formatBilingual } from '../domain/bilingual';
import { detectFileType } from '../domain/file-signature';
import { classifyUpload } from '../domain/upload-types';
import { resolveActor } from '../workflow/actor';
import { refuse } from '../workflow/errors';
import { createUrlSigner, type UrlSigner } from './signed-urls';

/**
 * Uploads are a way into the origin; these rules hold for every uploader (unit users, API
 * tokens, admins in the Media Library) because they sit on the upload plugin's service and
 * provider, which every upload door (content API upload and replace, admin upload, replace and
 * upload-from-URL) goes through:
 * - a file is accepted only if its content is an allowed document or image (src/domain/upload-types.ts);
 * - the provider is private: every URL Strapi hands out (content API, Content Manager, Media
 *   Library, Document Service) is signed and expires; `/uploads` serves a file without a
 *   signature only when it is public (src/middlewares/uploads-guard.ts);
 * - a unit user's upload records who uploaded it, so that a unit attaches only its own uploads.
 */
export const FILE = 'plugin::upload.file';

interface IncomingFile {
  filepath?: string;
  originalFilename?: string | null;
  mimetype?: string | null;
  detectedMimeType?: string;
}
type UploadFn = (input: { data: unknown; files: IncomingFile | IncomingFile[] }, opts?: unknown) => Promise<Array<{ id: number }>>;
type ReplaceFn = (id: unknown, input: { data: unknown; file: IncomingFile }, opts?: unknown) => Promise<unknown>;

const refusedType = (name: string) =>
  refuse(
    'files',
    formatBilingual({
      id: `Berkas "${name}" tidak diterima: hanya PDF, dokumen Word/Excel/PowerPoint/OpenDocument, dan gambar PNG/JPEG/GIF/WEBP yang isinya sesuai dengan namanya`,
      en: `File "${name}" is not accepted: only PDF, Word/Excel/PowerPoint/OpenDocument documents and PNG/JPEG/GIF/WEBP images whose content matches their name`,
    }),
  );

/** Checks the bytes of every file before anything is stored; the type Strapi records is the detected one. */
/** The file's type from its bytes: the head is enough, except for ZIP-based documents (their directory is at the end). */
const sniff = async (filepath: string) => {
  const handle = await open(filepath, 'r');
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const type = detectFileType(head.subarray(0, bytesRead));
    return type === 'application/zip' ? detectFileType(await readFile(filepath)) : type;
  } finally {
    await handle.close();
  }
};

const checkContent = async (files: IncomingFile[]) => {
  for (const file of files) {
    const name = file.originalFilename ?? '';
    const detected = file.filepath ? await sniff(file.filepath) : undefined;
    const verdict = classifyUpload(detected, name);
    if (!verdict.ok) refusedType(name);
    else {
      file.mimetype = verdict.mime;
      file.detectedMimeType = verdict.mime;
    }
  }
};

/** Who uploaded a file, when a Users & Permissions user did (Strapi records only admin uploaders). */
export interface UploaderMark {
  usersPermissionsUser: number;
}
export const uploaderOf = (file: { provider_metadata?: unknown }): number | undefined => {
  const mark = (file.provider_metadata as { kerjasamaUploader?: UploaderMark } | null | undefined)?.kerjasamaUploader;
  return typeof mark?.usersPermissionsUser === 'number' ? mark.usersPermissionsUser : undefined;
};

const guardUploadService = (strapi: Core.Strapi) => {
  const service = strapi.plugin('upload').service('upload') as unknown as { upload: UploadFn; replace: ReplaceFn };
  const upload = service.upload;
  const replace = service.replace;
  service.upload = async (input, opts) => {
    await checkContent(Array.isArray(input.files) ? input.files : [input.files]);
    const created = await upload(input, opts);
    const actor = await resolveActor(strapi);
    if (actor.kind === 'user' && typeof actor.id === 'number' && created.length) {
      const kerjasamaUploader: UploaderMark = { usersPermissionsUser: actor.id };
      await strapi.db.query(FILE).updateMany({ where: { id: { $in: created.map((file) => file.id) } }, data: { provider_metadata: { kerjasamaUploader } } });
    }
    return created;
  };
  service.replace = async (id, input, opts) => {
    await checkContent([input.file]);
    return replace(id, input, opts);
  };
};

let signer: UrlSigner | undefined;
export const uploadUrlSigner = () => {
  if (!signer) throw new Error('upload links are not set up');
  return signer;
};

/** The local provider, private: Strapi then signs every file URL it returns (`signFileUrls`). */
const makeProviderPrivate = (strapi: Core.Strapi) => {
  signer = createUrlSigner((strapi.config.get('server.app.keys') as string[] | undefined) ?? []);
  const provider = strapi.plugin('upload').provider as unknown as { extend: (methods: Record<string, unknown>) => void };
  provider.extend({
    isPrivate: () => true,
    getSignedUrl: (file: { url: string }) => ({ url: file.url.startsWith('/uploads/') ? uploadUrlSigner().sign(file.url.split('?')[0]) : file.url }),
  });
};

export const registerUploadSafety = (strapi: Core.Strapi) => {
  makeProviderPrivate(strapi);
  guardUploadService(strapi);
};
