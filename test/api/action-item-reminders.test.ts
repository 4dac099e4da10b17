import { setupStrapi, type TestApp } from '../helpers/strapi';
import { adminToken } from '../helpers/auth';
import { fromDist } from '../helpers/dist';
import { createMinute } from '../helpers/issued';
import { bodyOf, clearSmtpEnv, shiftDays, startSmtpServer, today } from '../helpers/participation';

/**
 * Issue 11 item 3: action items of meeting minutes whose due date has passed and that are not
 * done remind their owner once, however often (and however concurrently) the daily task runs.
 */
type Reminders = typeof import('../../src/participation/reminders');

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let reminders: Reminders;
const day0 = today();

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await setupStrapi({ ...smtp.env, HUMAS_EMAIL: 'humas@polibatam.test' });
  reminders = fromDist<Reminders>('src/participation/reminders');
  // An admin user whose name is written as an owner in the minutes.
  await adminToken(app.strapi, app.request, ['Staf Humas'], 'sari@polibatam.test');
  await app.strapi.db.query('admin::user').update({ where: { email: 'sari@polibatam.test' }, data: { firstname: 'Sari', lastname: 'Wulandari' } });
  await createMinute(app.strapi, {
    title: 'Rapat tindak lanjut magang',
    actionItems: [
      { description: 'Menyusun draf MoA magang', owner: 'Sari Wulandari', dueDate: shiftDays(day0, -2), done: false },
      { description: 'Mengirim surat ke mitra', owner: 'Budi <budi@jurusan.test>', dueDate: shiftDays(day0, -1) },
      { description: 'Sudah selesai', owner: 'Sari Wulandari', dueDate: shiftDays(day0, -5), done: true },
      { description: 'Belum jatuh tempo', owner: 'Sari Wulandari', dueDate: day0 },
      { description: 'Pemilik tidak dikenal', owner: 'Pak Entah', dueDate: shiftDays(day0, -3) },
    ],
  });
});
afterAll(async () => {
  await app?.destroy();
  await smtp?.close();
  clearSmtpEnv();
});

test('overdue, not-done items remind their owner once; done and not-yet-due items do not', async () => {
  const runs = await Promise.all([1, 2, 3].map(() => reminders.runDailyReminders(app.strapi, { today: day0 })));
  expect(runs.reduce((sum, run) => sum + (run as { actionItems: number }).actionItems, 0)).toBe(3);
  expect((await reminders.runDailyReminders(app.strapi, { today: day0 }) as { actionItems: number }).actionItems).toBe(0);
  const about = (text: string) => smtp.received.filter((mail) => bodyOf(mail.raw).includes(text));
  expect(about('Menyusun draf MoA magang').map((mail) => mail.to)).toEqual([['sari@polibatam.test']]);
  expect(about('Mengirim surat ke mitra').map((mail) => mail.to)).toEqual([['budi@jurusan.test']]);
  // An owner the system cannot reach: Humas follows it up.
  expect(about('Pemilik tidak dikenal').map((mail) => mail.to)).toEqual([['humas@polibatam.test']]);
  expect(about('Sudah selesai')).toHaveLength(0);
  expect(about('Belum jatuh tempo')).toHaveLength(0);
  const [mail] = about('Menyusun draf MoA magang');
  expect(mail.subject).toContain('Tindak lanjut rapat melewati tenggat');
  expect(bodyOf(mail.raw)).toContain('Rapat tindak lanjut magang');
  const logged = await app.strapi.db.query('api::reminder-log.reminder-log').count({ where: { kind: 'action_item_overdue' } });
  expect(logged).toBe(3);
  // The next day, the item due today has passed too: only it reminds.
  expect((await reminders.runDailyReminders(app.strapi, { today: shiftDays(day0, 1) }) as { actionItems: number }).actionItems).toBe(1);
  expect(about('Belum jatuh tempo').map((mail) => mail.to)).toEqual([['sari@polibatam.test']]);
});

test('a new due date that passes again is a new reminder', async () => {
  smtp.received.length = 0;
  const minute = await app.strapi.db.query('api::meeting-minute.meeting-minute').findOne({ where: { title: 'Rapat tindak lanjut magang' }, populate: { actionItems: true } });
  const items = minute.actionItems.map(({ id: _id, ...item }: Record<string, unknown>) => (item.description === 'Menyusun draf MoA magang' ? { ...item, dueDate: shiftDays(day0, 3) } : item));
  await app.strapi.documents('api::meeting-minute.meeting-minute').update({ documentId: minute.documentId, data: { actionItems: items } as never });
  expect((await reminders.runDailyReminders(app.strapi, { today: shiftDays(day0, 4) }) as { actionItems: number }).actionItems).toBe(1);
  expect(smtp.received.map((mail) => [mail.to[0], bodyOf(mail.raw).includes('Menyusun draf MoA magang')])).toEqual([['sari@polibatam.test', true]]);
});
