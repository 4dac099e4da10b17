/**
 * The minutes of a meeting (form BO.29.3.1) as printed: pure data, the same for the PDF and the
 * DOCX, built from the stored record. No Strapi import: tests and both renderers read this.
 */
import type { Bilingual } from '../render/options';

export const MINUTES_FORM = {
  formCode: 'BO.29.3.1',
  formVersion: '1',
  title: { id: 'Notulen Rapat', en: 'Meeting Minutes' },
} as const;

export const MEETING_KIND_LABELS: Record<string, Bilingual> = {
  internal: { id: 'Rapat internal', en: 'Internal meeting' },
  with_unit: { id: 'Rapat dengan unit', en: 'Meeting with a unit' },
  with_partner: { id: 'Rapat dengan mitra', en: 'Meeting with a partner' },
};

export interface MinuteRecord {
  number: string;
  title: string;
  meetingDate: string;
  kind: string;
  place?: string | null;
  chair?: string | null;
  minuteTaker?: string | null;
  agenda?: string | null;
  discussion?: string | null;
  workflowState?: string | null;
  unit?: { name?: string | null } | null;
  partner?: { name?: string | null } | null;
  attendees?: Array<{ name: string; role?: string | null; organisation?: string | null }> | null;
  decisions?: Array<{ text: string; proposal?: { title?: string | null; workflowState?: string | null } | null }> | null;
  actionItems?: Array<{ description: string; owner?: string | null; dueDate?: string | null; done?: boolean | null }> | null;
}

const DASH = '-';
const text = (value: string | null | undefined) => (value && value.trim() ? value.trim() : DASH);

const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "10 Maret 2026 / 10 March 2026" from an ISO calendar day. */
export const printedDate = (day: string | null | undefined) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day ?? '');
  if (!match) return DASH;
  const [, year, month, date] = match;
  const d = Number(date);
  return `${d} ${MONTHS_ID[Number(month) - 1]} ${year} / ${d} ${MONTHS_EN[Number(month) - 1]} ${year}`;
};

export interface MinutesView {
  number: string;
  meetingTitle: string;
  date: string;
  kind: string;
  place: string;
  chair: string;
  minuteTaker: string;
  counterpart: string;
  agenda: string;
  discussion: string;
  attendees: Array<{ no: string; name: string; role: string; organisation: string; signature: string }>;
  decisions: Array<{ no: string; text: string; proposal: string }>;
  actionItems: Array<{ no: string; description: string; owner: string; dueDate: string; status: string }>;
}

/** The printed view of a minute; empty lists print one "-" row, so a table is never missing. */
export const minutesView = (minute: MinuteRecord): MinutesView => {
  const kind = MEETING_KIND_LABELS[minute.kind];
  const numbered = <T, R>(rows: T[] | null | undefined, map: (row: T) => R, empty: R) =>
    (rows?.length ? rows.map((row, index) => ({ no: String(index + 1), ...map(row) })) : [{ no: DASH, ...empty }]);
  return {
    number: text(minute.number),
    meetingTitle: text(minute.title),
    date: printedDate(minute.meetingDate),
    kind: kind ? `${kind.id} / ${kind.en}` : text(minute.kind),
    place: text(minute.place),
    chair: text(minute.chair),
    minuteTaker: text(minute.minuteTaker),
    counterpart: text(minute.partner?.name ?? minute.unit?.name),
    agenda: text(minute.agenda),
    discussion: text(minute.discussion),
    attendees: numbered(minute.attendees, (a) => ({ name: text(a.name), role: text(a.role), organisation: text(a.organisation), signature: '' }), { name: DASH, role: DASH, organisation: DASH, signature: '' }),
    decisions: numbered(minute.decisions, (d) => ({ text: text(d.text), proposal: text(d.proposal?.title) }), { text: DASH, proposal: DASH }),
    actionItems: numbered(
      minute.actionItems,
      (item) => ({ description: text(item.description), owner: text(item.owner), dueDate: printedDate(item.dueDate), status: item.done ? 'Selesai / Done' : 'Belum / Open' }),
      { description: DASH, owner: DASH, dueDate: DASH, status: DASH },
    ),
  };
};
