import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import type supertest from 'supertest';
import { fromDist } from './dist';
import type { Actor } from '../../src/domain/roles';

type IssueModule = typeof import('../../src/documents/issued/issue');
export const issueModule = () => fromDist<IssueModule>('src/documents/issued/issue');
export const ISSUED = 'api::issued-document.issued-document';

export const KAPOKJA: Actor = { kind: 'admin', id: 7, name: 'Dr. Kapokja Uji', roles: ['kapokja'] };

export const sha256 = (bytes: Buffer | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A small genuine PDF-signature file whose text names its number (the upload rules accept it). */
export const tinyPdf = (documentNumber: string, verifyUrl: string) =>
  Buffer.from(`%PDF-1.4\n% ${documentNumber}\n% ${verifyUrl}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

/** A meeting minute to issue documents from. */
export const createMinute = async (strapi: Core.Strapi, extra: Record<string, unknown> = {}) =>
  (await strapi.documents('api::meeting-minute.meeting-minute').create({
    data: { number: `NR-${Math.random().toString(36).slice(2, 9)}`, title: 'Rapat koordinasi kerjasama', meetingDate: '2026-03-10', kind: 'internal', ...extra } as never,
  })) as { documentId: string; id: number };

/** The stored bytes of an issued document, downloaded through the signed link the content API gives. */
export const downloadIssued = async (request: () => supertest.Agent, token: string, documentId: string) => {
  const found = await request().get(`/api/issued-documents/${documentId}?populate=file`).set('Authorization', `Bearer ${token}`);
  if (found.status !== 200) throw new Error(`issued document ${documentId}: ${found.status}`);
  const url = found.body.data.file.url as string;
  const file = await request().get(url.replace(/^https?:\/\/[^/]+/, '')).buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
  if (file.status !== 200) throw new Error(`download ${url}: ${file.status}`);
  return { url, bytes: file.body as Buffer };
};
