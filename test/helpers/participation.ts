import { once } from 'events';
import type { AddressInfo } from 'net';
import { SMTPServer } from 'smtp-server';
import type { Core } from '@strapi/strapi';
import type supertest from 'supertest';
import { TEST_PASSWORD } from './auth';

/** Fixtures and tools for units, partners and e-mail (issue 6). */

export const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
export const shiftDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

let counter = 0;
const suffix = () => `${Date.now().toString(36)}${(counter += 1)}`.toUpperCase();

type Row = Record<string, unknown> & { id: number; documentId: string };

export const createUnit = async (strapi: Core.Strapi, kind: 'department' | 'study_program', parent?: Row, email?: string) =>
  (await strapi.documents('api::unit.unit').create({
    data: { code: `U-${suffix()}`, name: `Unit uji ${suffix()}`, kind, parent: parent?.id, email } as never,
  })) as unknown as Row;

/** A Unit-role user of `unit`, logged in through /api/auth/local; returns its JWT. */
export const createUnitUser = async (strapi: Core.Strapi, request: () => supertest.Agent, unit: Row, email = `staf-${suffix().toLowerCase()}@unit.test`) => {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'unit' } });
  await strapi.plugin('users-permissions').service('user').add({
    username: email, email, provider: 'local', password: TEST_PASSWORD, confirmed: true, blocked: false, role: role.id, unit: unit.id,
  });
  const response = await request().post('/api/auth/local').send({ identifier: email, password: TEST_PASSWORD });
  if (response.status !== 200) throw new Error(`login ${email}: ${response.status} ${JSON.stringify(response.body)}`);
  return { jwt: response.body.jwt as string, email };
};

export const createCall = async (strapi: Core.Strapi, deadline: string, year = 2027) =>
  (await strapi.documents('api::call-for-proposal.call-for-proposal').create({
    data: { title: `Panggilan uji ${suffix()}`, year, deadline, message: 'Silakan mengusulkan.' } as never,
  })) as unknown as Row;

export const createPartner = async (strapi: Core.Strapi, extra: Record<string, unknown> = {}) =>
  (await strapi.documents('api::partner.partner').create({
    data: { name: `PT Mitra ${suffix()}`, institutionType: 'industry', level: 'national', country: 'ID', city: 'Batam', ...extra } as never,
  })) as unknown as Row;

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  subject: string;
}

/** A real SMTP server on 127.0.0.1 and an ephemeral port, collecting what it receives. */
export const startSmtpServer = async () => {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const subject = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw,
          subject: decodeHeader(subject),
        });
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_SECURE: 'false', EMAIL_FROM: 'Kerjasama <kerjasama@polibatam.test>' },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

/** Decodes RFC 2047 encoded words (nodemailer encodes non-ASCII and long subjects). */
const decodeHeader = (value: string) =>
  value.replace(/\r?\n[ \t]/g, ' ').replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, encoding: string, text: string) =>
    encoding.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))),
  ).trim();

/** The decoded text/plain part of a raw message (quoted-printable or base64, as nodemailer chose). */
export const bodyOf = (raw: string) => partOf(raw, 'plain');

/** The decoded text/html part of a raw message ('' when it has none). */
export const htmlOf = (raw: string) => (/^Content-Type: text\/html/im.test(raw) ? partOf(raw, 'html') : '');

const partOf = (raw: string, subtype: 'plain' | 'html') => {
  const lines = raw.split(/\r?\n/);
  const start = lines.findIndex((line) => new RegExp(`^Content-Type: text/${subtype}`, 'i').test(line));
  const from = start === -1 ? 0 : start;
  const blank = lines.findIndex((line, index) => index > from && line === '');
  const headers = lines.slice(from, blank).join('\n');
  const end = lines.findIndex((line, index) => index > blank && line.startsWith('--'));
  const body = lines.slice(blank + 1, end === -1 ? undefined : end).join('\n');
  if (/Content-Transfer-Encoding: base64/i.test(headers)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/Content-Transfer-Encoding: quoted-printable/i.test(headers)) {
    const bytes = body.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
};

/** Removes the SMTP settings a test put in process.env, so later test files use the outbox. */
export const clearSmtpEnv = () => {
  for (const key of ['SMTP_HOST', 'SMTP_PORT', 'SMTP_SECURE', 'EMAIL_FROM']) delete process.env[key];
};
