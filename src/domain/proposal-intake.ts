/**
 * Proposal intake from units: what a unit's staff may write on a proposal, when, and whether a
 * call for proposals still accepts submissions. Pure rules; the Document Service middleware in
 * src/document-middlewares/proposal-intake.ts applies them to every door.
 */
import { formatBilingual } from './bilingual';
import { compareIsoDates, type IsoDate } from './dates';
import { fieldError, type FieldError } from './validation';
import { unitEdits } from './workflow/engine';

/** What a unit may write, and in which states: declared by the proposal's workflow (`unitEdits`). */
const PROPOSAL_UNIT_EDITS = unitEdits('api::proposal.proposal');
export const UNIT_WRITABLE_FIELDS = PROPOSAL_UNIT_EDITS.fields;
export const UNIT_EDITABLE_STATES = PROPOSAL_UNIT_EDITS.states;

const isUnitWritable = (field: string) => (UNIT_WRITABLE_FIELDS as readonly string[]).includes(field);

/**
 * Refusals for a unit's write: fields it may not set at all, and content changes outside the
 * states where the unit holds the pen. `changedFields` are the fields whose value would change
 * (a state change alone is the workflow's business and is checked there).
 */
export function checkUnitProposalWrite({ fields, changedFields = fields, storedState }: {
  fields: string[];
  changedFields?: string[];
  storedState?: string | null;
}): FieldError[] {
  const forbidden = fields.filter((field) => !isUnitWritable(field));
  if (forbidden.length) {
    return forbidden.map((field) =>
      fieldError([field], {
        id: field === 'analysis' ? 'Analisis usulan diisi oleh Humas, bukan oleh unit' : 'Kolom ini tidak dapat diisi oleh unit',
        en: field === 'analysis' ? 'The analysis is written by Humas, not by the unit' : 'A unit cannot set this field',
      }),
    );
  }
  const content = changedFields.filter((field) => field !== 'workflowState');
  if (storedState && content.length && !(UNIT_EDITABLE_STATES as readonly string[]).includes(storedState)) {
    return [
      fieldError([content[0]], {
        id: `Usulan berstatus "${storedState}" tidak dapat diubah oleh unit; hanya draf atau usulan yang diminta revisi`,
        en: `A proposal in state "${storedState}" cannot be edited by the unit; only a draft or a proposal returned for revision`,
      }),
    ];
  }
  return [];
}

/** A call accepts submissions up to and including its deadline day (Batam calendar). */
export function isCallOpen(deadline: IsoDate, today: IsoDate): boolean {
  return compareIsoDates(today, deadline) <= 0;
}

export function callClosedMessage(call: { title?: string | null; deadline: IsoDate }): string {
  const name = call.title ? `"${call.title}" ` : '';
  return formatBilingual({
    id: `Panggilan usulan ${name}sudah ditutup pada ${call.deadline}; usulan baru tidak dapat diajukan lagi`,
    en: `The call for proposals ${name}closed on ${call.deadline}; new proposals can no longer be submitted`,
  });
}

/** The open call a unit's new proposal belongs to when it names none: the one closing soonest. */
export function pickOpenCall<T extends { deadline: IsoDate }>(calls: T[], today: IsoDate): T | null {
  const open = calls.filter((call) => isCallOpen(call.deadline, today));
  open.sort((a, b) => compareIsoDates(a.deadline, b.deadline));
  return open[0] ?? null;
}

/**
 * Source channels a unit may name on its own proposal: answering a call (which must be open), or
 * its own initiative (PR.28.1: initiation "by the cooperation unit or other units"), which needs no call.
 */
export const UNIT_PROPOSAL_CHANNELS = ['call_for_proposals', 'unit_initiative'] as const;
export const UNIT_INITIATIVE = 'unit_initiative';
