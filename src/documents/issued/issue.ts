import { createHash } from 'crypto';
import { mkdtemp, rm, writeFile } from 'fs/promises';
import os from 'os';
import path from 'path';
import { AsyncLocalStorage } from 'async_hooks';
import type { Core, UID } from '@strapi/strapi';
import { formatBilingual } from '../../domain/bilingual';
import { ROLE_LABELS, type Actor } from '../../domain/roles';
import { publicBaseUrl } from '../../participation/mailer';
import { resolveActor } from '../../workflow/actor';
import { refuse } from '../../workflow/errors';
import { MIME } from './formats';
import { FORM_CODE, formatDocumentNumber, verifyPath } from './number';

export const ISSUED_DOCUMENT = 'api::issued-document.issued-document';

/** What a renderer hands back: the bytes exactly as they are stored and hashed. */
export interface RenderedDocument {
  bytes: Buffer | Uint8Array;
  filename: string;
  mime: string;
}

export interface IssueRequest {
  formCode: string;
  /** The record the document is printed from. */
  record: { uid: string; documentId: string };
  /** The year of the record, which numbers the document (`KS/<form>/<year>/<n>`). */
  year: number;
  title: string;
  /** Renders the document carrying its number and the link to its public check. */
  render: (documentNumber: string, verifyUrl: string) => Promise<RenderedDocument>;
  /** Who issues; default: the person of the current request. */
  actor?: Actor;
}

export interface IssuedDocument {
  documentId: string;
  documentNumber: string;
  formCode: string;
  year: number;
  title: string;
  sha256: string;
  issuedAt: string;
  issuedByName: string;
  issuedByRole: string | null;
  filename: string;
  mime: string;
  size: number;
  verifyUrl: string;
}

/** The document formats the office files: PDF, Word, Excel. */
const ISSUABLE_MIME = new Set<string>(Object.values(MIME));

/** Only issueDocument writes issued documents: the immutability rule lets this context through, once, to create. */
const issuing = new AsyncLocalStorage<true>();
export const isIssuing = () => issuing.getStore() === true;


const issuerOf = (actor: Actor) => ({
  issuedByName: actor.name ?? actor.kind,
  issuedByRole: actor.roles.map((role) => (ROLE_LABELS[role] ? `${ROLE_LABELS[role].id} / ${ROLE_LABELS[role].en}` : role)).join(', ') || null,
  issuedById: actor.id === undefined ? null : `${actor.kind}:${actor.id}`,
});

const checkRequest = async (strapi: Core.Strapi, request: IssueRequest) => {
  if (typeof request.formCode !== 'string' || !FORM_CODE.test(request.formCode)) {
    refuse('formCode', formatBilingual({ id: 'Kode formulir tidak dikenal (contoh: BO.29.3.1)', en: 'Unknown form code (e.g. BO.29.3.1)' }));
  }
  if (!Number.isInteger(request.year) || request.year < 2000 || request.year > 2100) {
    refuse('year', formatBilingual({ id: 'Tahun harus bilangan bulat 2000–2100', en: 'The year must be a whole number 2000–2100' }));
  }
  if (typeof request.title !== 'string' || !request.title.trim() || request.title.length > 300) {
    refuse('title', formatBilingual({ id: 'Judul wajib diisi (paling banyak 300 karakter)', en: 'A title is required (at most 300 characters)' }));
  }
  const { uid, documentId } = request.record ?? {};
  const known = typeof uid === 'string' && uid in strapi.contentTypes && typeof documentId === 'string' && documentId.length > 0;
  const row = known ? await strapi.db.query(uid as UID.ContentType).findOne({ where: { documentId }, select: ['id'] }) : null;
  if (!row) refuse('record', formatBilingual({ id: 'Rekaman sumber dokumen tidak ditemukan', en: 'The record the document is issued from was not found' }));
};

/** Stores the bytes as a private upload (confidential: served only through signed, expiring links). */
const storeFile = async (strapi: Core.Strapi, rendered: RenderedDocument, documentNumber: string) => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'kerjasama-issue-'));
  try {
    const filepath = path.join(folder, rendered.filename);
    await writeFile(filepath, rendered.bytes);
    const upload = strapi.plugin('upload').service('upload') as unknown as {
      upload: (input: unknown) => Promise<Array<{ id: number }>>;
    };
    const [file] = await upload.upload({
      data: { fileInfo: { name: rendered.filename, caption: documentNumber } },
      files: { filepath, originalFilename: rendered.filename, mimetype: rendered.mime, size: rendered.bytes.length },
    });
    return file;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
};

/**
 * Issues a document: in one transaction, allocates the next number of its form and year (on
 * PostgreSQL behind an advisory lock per form and year, so concurrent issues queue and no
 * number repeats or is skipped; SQLite has one writer), renders it with that number and its
 * verification link, hashes the bytes (SHA-256), stores the file privately and records it.
 * A failed render leaves nothing behind, not even a used number.
 */
export const issueDocument = async (strapi: Core.Strapi, request: IssueRequest): Promise<IssuedDocument> => {
  await checkRequest(strapi, request);
  const actor = request.actor ?? (await resolveActor(strapi));
  const { formCode, year } = request;
  return strapi.db.transaction(async ({ trx }) => {
    if (strapi.db.dialect.client === 'postgres') {
      await strapi.db.connection.raw('select pg_advisory_xact_lock(hashtext(?))', [`issued-document:${formCode}:${year}`]).transacting(trx);
    }
    const last = (await strapi.db.query(ISSUED_DOCUMENT).findOne({ where: { formCode, year }, orderBy: { sequence: 'desc' }, select: ['sequence'] })) as { sequence: number } | null;
    const sequence = (last?.sequence ?? 0) + 1;
    const documentNumber = formatDocumentNumber(formCode, year, sequence);
    const verifyUrl = `${publicBaseUrl(strapi)}${verifyPath(documentNumber)}`;
    const rendered = await request.render(documentNumber, verifyUrl);
    if (!ISSUABLE_MIME.has(rendered.mime)) refuse('mime', formatBilingual({ id: 'Jenis berkas dokumen tidak didukung', en: 'Unsupported document file type' }));
    const bytes = Buffer.from(rendered.bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const file = await storeFile(strapi, { ...rendered, bytes }, documentNumber);
    const issuedAt = new Date().toISOString();
    const data = {
      documentNumber, formCode, year, sequence, title: request.title.trim(),
      recordType: request.record.uid, recordDocumentId: request.record.documentId,
      ...issuerOf(actor), issuedAt, sha256, mime: rendered.mime, filename: rendered.filename, size: bytes.length, file: file.id,
    };
    const created = (await issuing.run(true, () => strapi.documents(ISSUED_DOCUMENT).create({ data: data as never }))) as { documentId: string };
    return {
      documentId: created.documentId, documentNumber, formCode, year, title: data.title, sha256, issuedAt,
      issuedByName: data.issuedByName, issuedByRole: data.issuedByRole, filename: rendered.filename, mime: rendered.mime, size: bytes.length, verifyUrl,
    };
  });
};
