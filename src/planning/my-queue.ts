import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { PLUGIN_ACTIONS } from '../contracts/permissions';
import type { MyQueue } from '../contracts/my-queue';
import { digestBody } from '../contracts/schemas/my-queue';
import { addDays, todayInBatam } from '../domain/dates';
import { EXPIRING_WITHIN_DAYS } from '../domain/agreement';
import { queueDigestEmail } from '../domain/email-texts';
import {
  assembleQueue, DEFAULT_QUEUE_STALE_WORKING_DAYS, followsAgreements, isoWeek, queueStatesFor,
  type ExpiringAgreementRow, type QueueItem, type WaitingRecordRow,
} from '../domain/my-queue';
import { rolesFromAdminRoleCodes, type Actor } from '../domain/roles';
import { parseInput } from '../http/validate';
import { publicBaseUrl, sendEmail } from '../participation/mailer';
import { sendReminderOnce } from '../participation/reminder-log';
import { resolveActor } from '../workflow/actor';
import { TRANSITION_LOG_UID } from '../workflow/transition-log';
import { adminRoute, type AdminContext } from './routes/policy';
import { createSchema } from './services/schema';
import type { SqlRow } from './services/sql';

/**
 * My queue (Tugas saya, issue 13 item 2): what waits for the logged-in person's move, read from
 * the workflow specs (src/domain/my-queue.ts), and the weekly digest of it by e-mail for those
 * who switched it on (a per-person setting kept in Strapi's core store).
 */
const AGREEMENT = 'api::agreement.agreement';
/** Rows read per waiting state and of expiring agreements: a queue is a to-do list, not a report. */
const LIMIT = 500;

type Meta = { tableName: string; attributes: Record<string, { columnName?: string; joinColumn?: { name: string } }> };

/** The reads of the queue, through knex's builder with names from Strapi's metadata. */
export const createQueueRepository = (strapi: Core.Strapi) => {
  const { names } = createSchema(strapi);
  const db = () => strapi.db.connection as unknown as Knex;
  const meta = (uid: string) => strapi.db.metadata.get(uid as UID.Schema) as unknown as Meta;
  const hasType = (uid: string) => Boolean(strapi.contentTypes[uid as UID.ContentType]?.attributes?.workflowState);
  const titleField = (uid: string) => (['title', 'name', 'number'].find((field) => strapi.contentTypes[uid as UID.ContentType].attributes[field]) ?? 'documentId');
  const batamDay = (value: unknown) => todayInBatam(new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as string | number | Date)));
  const chunks = <T>(values: T[], size = 400) => Array.from({ length: Math.ceil(values.length / size) }, (_, i) => values.slice(i * size, (i + 1) * size));

  /** Records of `uid` in one of `states`, with the day the latest log entry put them there (else their creation). */
  const waitingRecords = async (uid: string, states: string[]): Promise<WaitingRecordRow[]> => {
    if (!hasType(uid) || !states.length) return [];
    const title = titleField(uid);
    const query = db()(names.table(uid))
      .select({ document_id: names.column(uid, 'documentId'), title: names.column(uid, title), state: names.column(uid, 'workflowState'), created_at: names.column(uid, 'createdAt') })
      .whereIn(names.column(uid, 'workflowState'), states)
      .orderBy(names.column(uid, 'id'), 'asc')
      .limit(LIMIT);
    if (strapi.contentTypes[uid as UID.ContentType].options?.draftAndPublish) query.whereNull(names.column(uid, 'publishedAt'));
    const rows = (await query) as SqlRow[];
    const entered = new Map<string, unknown>();
    const L = TRANSITION_LOG_UID;
    for (const ids of chunks(rows.map((row) => row.document_id as string))) {
      const logs = (await db()(names.table(L))
        .select({ document_id: names.column(L, 'recordDocumentId'), state: names.column(L, 'toState') })
        .max({ at: names.column(L, 'occurredAt') })
        .where(names.column(L, 'recordType'), uid)
        .whereIn(names.column(L, 'recordDocumentId'), ids)
        .groupBy(names.column(L, 'recordDocumentId'), names.column(L, 'toState'))) as SqlRow[];
      for (const log of logs) entered.set(`${log.document_id}:${log.state}`, log.at);
    }
    return rows.map((row) => ({
      uid,
      documentId: row.document_id as string,
      title: String(row.title ?? row.document_id),
      state: row.state as string,
      since: batamDay(entered.get(`${row.document_id}:${row.state}`) ?? row.created_at),
    }));
  };

  /** Agreements in force (active or expiring) that end within the expiry window from `today`. */
  const expiringAgreements = async (today: string, createdById?: number | string): Promise<ExpiringAgreementRow[]> => {
    const A = AGREEMENT;
    const createdBy = meta(A).attributes.createdBy?.joinColumn?.name ?? 'created_by_id';
    const query = db()(names.table(A))
      .select({ document_id: names.column(A, 'documentId'), title: names.column(A, 'title'), our_number: names.column(A, 'ourNumber'), end_date: names.column(A, 'endDate'), created_by: createdBy })
      .whereIn(names.column(A, 'validityState'), ['active', 'expiring'])
      .where(names.column(A, 'endDate'), '>=', today)
      .where(names.column(A, 'endDate'), '<=', addDays(today, EXPIRING_WITHIN_DAYS))
      .orderBy(names.column(A, 'endDate'), 'asc')
      .limit(LIMIT);
    if (createdById !== undefined) query.where(createdBy, createdById);
    const rows = (await query) as SqlRow[];
    return rows.map((row) => ({
      documentId: row.document_id as string,
      title: row.title as string,
      ourNumber: (row.our_number as string | null) ?? null,
      endDate: typeof row.end_date === 'string' ? row.end_date.slice(0, 10) : todayInBatam(new Date(row.end_date as Date)),
      createdById: row.created_by === null || row.created_by === undefined ? null : Number(row.created_by),
    }));
  };

  return { waitingRecords, expiringAgreements };
};

const staleAfter = () => {
  const parsed = Number(process.env.QUEUE_STALE_WORKING_DAYS);
  return Number.isInteger(parsed) && parsed >= 0 && process.env.QUEUE_STALE_WORKING_DAYS !== '' ? parsed : DEFAULT_QUEUE_STALE_WORKING_DAYS;
};

/** The queue of one person (roles and id), for `today` (Batam). */
export const queueFor = async (strapi: Core.Strapi, actor: Pick<Actor, 'roles' | 'id'>, today = todayInBatam()): Promise<{ items: QueueItem[]; staleAfterWorkingDays: number }> => {
  const repository = createQueueRepository(strapi);
  const byUid = new Map<string, string[]>();
  for (const state of queueStatesFor(actor.roles)) byUid.set(state.uid, [...(byUid.get(state.uid) ?? []), state.state]);
  const records = (await Promise.all([...byUid].map(([uid, states]) => repository.waitingRecords(uid, states)))).flat();
  // Humas follows every agreement; anyone else the ones they created.
  const agreements = followsAgreements(actor.roles)
    ? await repository.expiringAgreements(today)
    : actor.id === undefined ? [] : await repository.expiringAgreements(today, actor.id);
  const staleAfterWorkingDays = staleAfter();
  return { items: assembleQueue({ roles: actor.roles, actorId: actor.id ?? null, records, agreements, today, staleAfterWorkingDays }), staleAfterWorkingDays };
};

/** The digest setting, one core-store entry per admin user. */
const DIGEST_KEY = 'queue-digest';
const digestStore = (strapi: Core.Strapi, userId: number | string) => strapi.store({ type: 'plugin', name: 'kerjasama', key: `${DIGEST_KEY}:${userId}` });
export const digestEnabled = async (strapi: Core.Strapi, userId: number | string) => (await digestStore(strapi, userId).get({})) === true;
export const setDigest = (strapi: Core.Strapi, userId: number | string, enabled: boolean) => digestStore(strapi, userId).set({ value: enabled });

/** Admin ids that switched the digest on. */
const digestSubscribers = async (strapi: Core.Strapi): Promise<number[]> => {
  const prefix = `plugin_kerjasama_${DIGEST_KEY}:`;
  const rows = (await strapi.db.query('strapi::core-store').findMany({ where: { key: { $startsWith: prefix } }, select: ['key', 'value'] })) as Array<{ key: string; value: string }>;
  return rows.filter((row) => JSON.parse(row.value) === true).map((row) => Number(row.key.slice(prefix.length))).filter(Number.isInteger);
};

const adminEntryLink = (strapi: Core.Strapi, uid: string, documentId: string) => `${publicBaseUrl(strapi)}/admin/content-manager/collection-types/${uid}/${documentId}`;

/**
 * The weekly digest: to each active admin who switched it on and has something waiting, once per
 * ISO week (the reminder log's unique key `queue_digest:<user>:<week>` lets one send through).
 */
export const sendQueueDigests = async (strapi: Core.Strapi, { today = todayInBatam() }: { today?: string } = {}) => {
  const ids = await digestSubscribers(strapi);
  if (!ids.length) return 0;
  const users = (await strapi.db.query('admin::user').findMany({
    where: { id: { $in: ids }, isActive: true, blocked: false },
    select: ['id', 'email', 'firstname', 'lastname'],
    populate: { roles: { select: ['code'] } },
  })) as Array<{ id: number; email: string; firstname?: string; lastname?: string; roles?: Array<{ code: string }> }>;
  let sent = 0;
  for (const user of users) {
    try {
      const roles = rolesFromAdminRoleCodes((user.roles ?? []).map((role) => role.code));
      const { items, staleAfterWorkingDays } = await queueFor(strapi, { roles, id: user.id }, today);
      if (!items.length) continue;
      const delivered = await sendReminderOnce(
        strapi,
        { kind: 'queue_digest', recordType: 'admin::user', recordDocumentId: String(user.id), threshold: isoWeek(today) },
        [user.email],
        () => sendEmail(strapi, user.email, queueDigestEmail({
          name: [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email,
          items: items.map((item) => ({ ...item, link: adminEntryLink(strapi, item.uid, item.documentId) })),
          staleAfterWorkingDays,
          queueLink: `${publicBaseUrl(strapi)}/admin/plugins/kerjasama`,
        })),
      );
      if (delivered) sent += 1;
    } catch (error) {
      strapi.log.error(`[reminders] queue digest for admin ${user.id}: ${(error as Error).message}`);
    }
  }
  return sent;
};

/** Everyone reads their own queue: the workflow permission every office role holds. */
export const myQueueRoutes = [
  adminRoute('GET', '/my-queue', 'myQueue.show', PLUGIN_ACTIONS.readWorkflow),
  adminRoute('PUT', '/my-queue/digest', 'myQueue.setDigest', PLUGIN_ACTIONS.readWorkflow),
];

export const myQueueControllers = {
  myQueue: ({ strapi }: { strapi: Core.Strapi }) => ({
    async show(ctx: AdminContext) {
      const actor = await resolveActor(strapi);
      const today = todayInBatam();
      const queue = await queueFor(strapi, actor, today);
      const body: MyQueue = { today, ...queue, digest: { enabled: actor.id === undefined ? false : await digestEnabled(strapi, actor.id) } };
      ctx.body = { data: body };
    },
    async setDigest(ctx: AdminContext) {
      const { enabled } = parseInput(digestBody, ctx.request.body);
      const actor = await resolveActor(strapi);
      if (actor.id !== undefined) await setDigest(strapi, actor.id, enabled);
      ctx.body = { data: { enabled } };
    },
  }),
};
