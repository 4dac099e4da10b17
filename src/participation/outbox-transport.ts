import fs from 'fs';
import path from 'path';
import { randomBytes } from 'crypto';

/**
 * A nodemailer transport that writes each message to a folder instead of sending it: the
 * raw message as `.eml` (opens in any mail program) and a `.json` summary. Used when no SMTP
 * server is configured (development, tests by default), so that no e-mail is lost and none
 * leaves the machine.
 */
interface MailMessage {
  data: { to?: unknown; from?: unknown; subject?: unknown; text?: unknown; replyTo?: unknown };
  message: { build: (callback: (error: Error | null, raw: Buffer) => void) => void; messageId: () => string };
}

export const createOutboxTransport = (directory: string) => ({
  name: 'kerjasama-outbox',
  version: '1.0.0',
  send(mail: MailMessage, callback: (error: Error | null, info?: unknown) => void) {
    mail.message.build((error, raw) => {
      if (error) return callback(error);
      try {
        fs.mkdirSync(directory, { recursive: true });
        const base = path.join(directory, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}`);
        fs.writeFileSync(`${base}.eml`, raw);
        const { to, from, subject, text, replyTo } = mail.data;
        fs.writeFileSync(`${base}.json`, JSON.stringify({ to, from, replyTo, subject, text }, null, 2));
        callback(null, { messageId: mail.message.messageId(), envelope: { to }, file: `${base}.eml` });
      } catch (writeError) {
        callback(writeError as Error);
      }
    });
  },
});
