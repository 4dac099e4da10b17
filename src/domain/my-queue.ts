/**
 * "My queue" (Tugas saya): the records waiting for a move the person's role may make, how long
 * each has waited and whether it waited too long. Which (type, state) pairs wait for a role is
 * read from the workflow specs (their transitions and the roles that may fire them), never kept
 * by hand; only the names of the moves that a record waits for are listed here.
 */
import type { Bilingual } from './bilingual';
import { addDays, daysBetween, type IsoDate } from './dates';
import { EXPIRING_WITHIN_DAYS } from './agreement';
import type { ActorRole } from './roles';
import { WORKFLOWS } from './workflow';
import type { WorkflowMachine } from './workflow/types';
import { workingDaysBetween } from './working-days';

/**
 * The moves a record waits for: someone handed it over and a decision is due (review,
 * recommend, approve, finalize, verify). Moves a person makes on their own initiative (submit a
 * draft, withdraw, cancel, open a revision, close, reopen) do not make a record wait.
 */
export const DECISION_MOVES: readonly string[] = ['review', 'recommend', 'approve', 'finalize', 'verify'];

/** Roles of people (an API token or the system has no queue; a unit's queue is the unit portal). */
const PERSON_ROLES: readonly ActorRole[] = ['super_admin', 'staf_humas', 'kapokja', 'direktur'];

/** Roles that follow every agreement: Humas receives each agreement's expiry reminders. */
export const AGREEMENT_FOLLOWER_ROLES: readonly ActorRole[] = ['staf_humas', 'kapokja'];

export const ACTIVITY_REPORT_UID = 'api::activity-report.activity-report';

/**
 * Used only while the activity report has no spec in WORKFLOWS: a submitted report waits for
 * Humas's verification. Once its spec is registered, the spec decides.
 */
const FALLBACK_STATES: readonly QueueState[] = [
  {
    uid: ACTIVITY_REPORT_UID,
    state: 'submitted',
    typeLabels: { id: 'Laporan kegiatan', en: 'The activity report' },
    stateLabels: { id: 'Diajukan', en: 'Submitted' },
    roles: ['staf_humas', 'kapokja', 'super_admin'],
    moves: [{ name: 'verify', labels: { id: 'Verifikasi', en: 'Verify' } }],
  },
];

export const DEFAULT_QUEUE_STALE_WORKING_DAYS = 5;

export interface QueueMove {
  name: string;
  labels: Bilingual;
}

/** One state of one type in which records wait for a decision, and who may make it. */
export interface QueueState {
  uid: string;
  state: string;
  typeLabels: Bilingual;
  stateLabels: Bilingual;
  /** The person roles that may make one of the moves. */
  roles: readonly ActorRole[];
  moves: readonly QueueMove[];
}

/** Every waiting state of every workflow, from the specs (plus the activity report's fallback). */
export function queueStates(workflows: readonly WorkflowMachine[] = Object.values(WORKFLOWS)): QueueState[] {
  const states: QueueState[] = [];
  for (const machine of workflows) {
    for (const state of machine.states) {
      const moves = machine.transitions.filter((t) => t.from === state.name && DECISION_MOVES.includes(t.name));
      const roles = [...new Set(moves.flatMap((t) => t.roles.filter((role) => PERSON_ROLES.includes(role))))];
      if (!roles.length) continue;
      states.push({
        uid: machine.uid,
        state: state.name,
        typeLabels: machine.labels,
        stateLabels: state.labels,
        roles,
        moves: [...new Map(moves.map((t) => [t.name, { name: t.name, labels: t.labels }])).values()],
      });
    }
  }
  const registered = new Set(workflows.map((machine) => machine.uid as string));
  return [...states, ...FALLBACK_STATES.filter((fallback) => !registered.has(fallback.uid))];
}

/** The waiting states in which one of these roles may move the record, each with only the moves those roles may make. */
export function queueStatesFor(roles: readonly ActorRole[], workflows?: readonly WorkflowMachine[]): QueueState[] {
  const byUid = new Map((workflows ?? Object.values(WORKFLOWS)).map((machine) => [machine.uid as string, machine]));
  return queueStates(workflows)
    .filter((state) => state.roles.some((role) => roles.includes(role)))
    .map((state) => {
      const machine = byUid.get(state.uid);
      if (!machine) return state;
      const mine = machine.transitions.filter((t) => t.from === state.state && DECISION_MOVES.includes(t.name) && t.roles.some((role) => roles.includes(role)));
      return { ...state, moves: [...new Map(mine.map((t) => [t.name, { name: t.name, labels: t.labels }])).values()] };
    });
}

export function followsAgreements(roles: readonly ActorRole[]): boolean {
  return roles.some((role) => AGREEMENT_FOLLOWER_ROLES.includes(role));
}

/** A record in a waiting state, as the repository reads it. */
export interface WaitingRecordRow {
  uid: string;
  documentId: string;
  title: string;
  state: string;
  /** The Batam day of the transition-log entry that put it in this state (else its creation). */
  since: IsoDate;
}

/** An agreement in force that ends within the expiry window. */
export interface ExpiringAgreementRow {
  documentId: string;
  title: string;
  ourNumber: string | null;
  endDate: IsoDate;
  createdById: number | null;
}

export interface QueueItem {
  kind: 'workflow' | 'agreement_expiring';
  uid: string;
  documentId: string;
  title: string;
  state: string;
  typeLabels: Bilingual;
  stateLabels: Bilingual;
  /** What the person may do (for an agreement: renew or end it). */
  moves: readonly QueueMove[];
  since: IsoDate;
  waitedDays: number;
  waitedWorkingDays: number;
  /** Waited more working days than the limit. */
  overdue: boolean;
  endDate?: IsoDate;
  daysLeft?: number;
}

const AGREEMENT_LABELS: Bilingual = { id: 'Naskah kerjasama', en: 'The agreement' };
const EXPIRING_LABELS: Bilingual = { id: 'Segera berakhir', en: 'Expiring' };
const RENEW: QueueMove = { name: 'renew', labels: { id: 'Perpanjang atau akhiri', en: 'Renew or end' } };

/**
 * The person's queue from plain rows: the waiting records of their states, and the expiring
 * agreements they follow (Humas follows all; anyone follows those they created). Overdue first,
 * then the longest wait, then the title.
 */
export function assembleQueue({
  roles,
  actorId,
  records,
  agreements,
  today,
  staleAfterWorkingDays,
  daysOff,
  workflows,
}: {
  roles: readonly ActorRole[];
  actorId: number | string | null;
  records: readonly WaitingRecordRow[];
  agreements: readonly ExpiringAgreementRow[];
  today: IsoDate;
  staleAfterWorkingDays: number;
  daysOff?: ReadonlySet<IsoDate>;
  workflows?: readonly WorkflowMachine[];
}): QueueItem[] {
  const states = new Map(queueStatesFor(roles, workflows).map((state) => [`${state.uid}:${state.state}`, state]));
  const waited = (since: IsoDate) => {
    const waitedWorkingDays = workingDaysBetween(since, today, daysOff);
    return { since, waitedDays: Math.max(0, daysBetween(since, today)), waitedWorkingDays, overdue: waitedWorkingDays > staleAfterWorkingDays };
  };
  const items: QueueItem[] = [];
  for (const row of records) {
    const state = states.get(`${row.uid}:${row.state}`);
    if (!state) continue;
    items.push({ kind: 'workflow', uid: row.uid, documentId: row.documentId, title: row.title, state: row.state, typeLabels: state.typeLabels, stateLabels: state.stateLabels, moves: state.moves, ...waited(row.since) });
  }
  const followsAll = followsAgreements(roles);
  for (const row of agreements) {
    if (!followsAll && (actorId === null || String(row.createdById) !== String(actorId))) continue;
    const enteredWindow = addDays(row.endDate, -EXPIRING_WITHIN_DAYS);
    items.push({
      kind: 'agreement_expiring', uid: 'api::agreement.agreement', documentId: row.documentId,
      title: row.ourNumber ? `${row.ourNumber} · ${row.title}` : row.title, state: 'expiring',
      typeLabels: AGREEMENT_LABELS, stateLabels: EXPIRING_LABELS, moves: [RENEW],
      ...waited(enteredWindow < today ? enteredWindow : today), endDate: row.endDate, daysLeft: daysBetween(today, row.endDate),
    });
  }
  return items.sort((a, b) => Number(b.overdue) - Number(a.overdue) || b.waitedWorkingDays - a.waitedWorkingDays || a.title.localeCompare(b.title));
}

/** ISO 8601 week of a day ('2026-W49'): a digest is sent once per person and week. */
export function isoWeek(date: IsoDate): string {
  const day = new Date(`${date}T00:00:00Z`);
  // The week's Thursday decides the year the week belongs to.
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7) + 3);
  const year = day.getUTCFullYear();
  const week = 1 + Math.floor((day.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}
