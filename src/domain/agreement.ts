/**
 * Agreement (naskah kerjasama) rules: the validity state derived from its dates, and the date and
 * hierarchy rules checked before saving (an IA under an MoA under an MoU).
 */
import { Bilingual } from './bilingual';
import { compareIsoDates, daysBetween, IsoDate, isIsoDate } from './dates';
import { checkDateRange, fieldError, FieldError } from './validation';

export type AgreementKind = 'mou' | 'moa' | 'ia' | 'addendum' | 'contract';

export const AGREEMENT_KINDS: readonly AgreementKind[] = ['mou', 'moa', 'ia', 'addendum', 'contract'];

export const AGREEMENT_KIND_LABELS: Readonly<Record<AgreementKind, Bilingual>> = {
  mou: { id: 'MoU', en: 'MoU' },
  moa: { id: 'MoA/PKS', en: 'MoA' },
  ia: { id: 'IA', en: 'IA' },
  addendum: { id: 'Adendum', en: 'addendum' },
  contract: { id: 'Kontrak', en: 'contract' },
};

export type AgreementValidity = 'draft' | 'active' | 'expiring' | 'expired' | 'terminated' | 'superseded';

/** An agreement with this many days left or fewer (the last day counts as 0) is expiring. */
export const EXPIRING_WITHIN_DAYS = 90;

type OptionalDate = IsoDate | null | undefined;

export interface AgreementValidityInput {
  startDate?: OptionalDate;
  endDate?: OptionalDate;
  indefinite?: boolean | null;
  signedDate?: OptionalDate;
  terminated?: boolean | null;
  superseded?: boolean | null;
  today: IsoDate;
}

/**
 * The state an agreement is in on `today`. Decisions:
 * - an explicit ending wins over the dates: terminated first, then superseded (by a renewal);
 * - not signed yet (no signed date, or one still in the future) is `draft`;
 * - once signed it binds both parties, so it is `active` even if its start date is still ahead;
 * - it is in force through its end date: on that day 0 days are left and it is `expiring`;
 * - an indefinite agreement, or a signed one with no end date recorded, never expires.
 */
export function validityState(input: AgreementValidityInput): AgreementValidity {
  const { endDate, indefinite, signedDate, terminated, superseded, today } = input;
  if (terminated) return 'terminated';
  if (superseded) return 'superseded';
  if (!signedDate || compareIsoDates(signedDate, today) > 0) return 'draft';
  if (indefinite || !endDate) return 'active';
  const daysLeft = daysUntil(endDate, today);
  if (daysLeft < 0) return 'expired';
  return daysLeft <= EXPIRING_WITHIN_DAYS ? 'expiring' : 'active';
}

/** States in which an agreement no longer binds: its retention period has begun. */
export const ENDED_VALIDITY: readonly AgreementValidity[] = ['expired', 'terminated', 'superseded'];

export const hasEnded = (state: AgreementValidity | null | undefined): boolean => state !== null && state !== undefined && ENDED_VALIDITY.includes(state);

/**
 * When the system records an agreement as ended (`endedAt`, the fact retention counts from
 * besides the typed dates): the moment a write or the daily pass first moves it into an ended
 * state. It stays while the agreement remains ended, whatever its dates are rewritten to, and a
 * later end after a revival records the later moment. Never typed by a person.
 */
export function recordedEnd(input: {
  previous: AgreementValidity | null | undefined;
  next: AgreementValidity;
  storedEndedAt: string | null | undefined;
  now: Date;
}): string | null {
  const { previous, next, storedEndedAt, now } = input;
  if (hasEnded(next) && (!hasEnded(previous) || !storedEndedAt)) return now.toISOString();
  return storedEndedAt ?? null;
}

/** The end the agreement states: its termination date if it was terminated, else its end date. */
export const statedEnd = (row: { terminatedDate?: unknown; endDate?: unknown }): IsoDate | null =>
  (row.terminatedDate as IsoDate | null | undefined) || (row.endDate as IsoDate | null | undefined) || null;

/** Calendar days from `today` until `date`: 0 on the day itself, negative once it has passed. */
export function daysUntil(date: IsoDate, today: IsoDate): number {
  return daysBetween(today, date);
}

interface AgreementPeriod {
  startDate?: OptionalDate;
  endDate?: OptionalDate;
  indefinite?: boolean | null;
}

export interface AgreementDatesInput extends AgreementPeriod {
  kind: AgreementKind;
  parent?: (AgreementPeriod & { kind: AgreementKind }) | null;
}

/**
 * Which parent an agreement may hang under. An IA implements an MoA or MoU and an addendum
 * amends an existing agreement, so both need a parent; an MoA may stand on its own or sit
 * under an MoU; a contract may stand alone or sit under anything; an MoU is the umbrella.
 */
const PARENT_RULES: Readonly<Record<AgreementKind, { allowed: readonly AgreementKind[]; required: boolean }>> = {
  mou: { allowed: [], required: false },
  moa: { allowed: ['mou'], required: false },
  ia: { allowed: ['moa', 'mou'], required: true },
  addendum: { allowed: AGREEMENT_KINDS, required: true },
  contract: { allowed: AGREEMENT_KINDS, required: false },
};

/** Date and hierarchy errors of an agreement about to be saved; empty when it is consistent. */
export function checkAgreementDates(input: AgreementDatesInput): FieldError[] {
  const { kind, startDate, endDate, indefinite, parent } = input;
  const errors = checkDateRange('startDate', startDate, 'endDate', endDate);
  if (indefinite && endDate) {
    errors.push(
      fieldError(['endDate'], {
        id: 'Tanggal berakhir harus kosong untuk naskah yang berlaku tanpa batas waktu',
        en: 'The end date must be empty for an agreement without an end date',
      }),
    );
  }
  errors.push(...checkParentKind(kind, parent?.kind ?? null));
  if (parent) errors.push(...checkWithinParentPeriod(input, parent));
  return errors;
}

function checkParentKind(kind: AgreementKind, parentKind: AgreementKind | null): FieldError[] {
  const rule = PARENT_RULES[kind];
  const child = AGREEMENT_KIND_LABELS[kind];
  const allowedId = rule.allowed.map((allowed) => AGREEMENT_KIND_LABELS[allowed].id).join(' atau ');
  const allowedEn = rule.allowed.map((allowed) => AGREEMENT_KIND_LABELS[allowed].en).join(' or ');
  if (parentKind === null) {
    if (!rule.required) return [];
    return [
      fieldError(['parent'], {
        id: `${child.id} harus memiliki naskah induk (${allowedId})`,
        en: `The ${child.en} needs a parent agreement: ${allowedEn}`,
      }),
    ];
  }
  if (rule.allowed.includes(parentKind)) return [];
  if (rule.allowed.length === 0) {
    return [
      fieldError(['parent'], {
        id: `${child.id} adalah naskah payung dan tidak boleh memiliki naskah induk`,
        en: `The ${child.en} is an umbrella agreement and cannot have a parent agreement`,
      }),
    ];
  }
  const parent = AGREEMENT_KIND_LABELS[parentKind];
  return [
    fieldError(['parent'], {
      id: `${child.id} tidak boleh berada di bawah ${parent.id}, hanya di bawah ${allowedId}`,
      en: `The ${child.en} cannot be placed under a parent of kind ${parent.en}, only under ${allowedEn}`,
    }),
  ];
}

/** A child agreement may not start before its parent, nor run past the parent's end. */
function checkWithinParentPeriod(child: AgreementPeriod, parent: AgreementPeriod): FieldError[] {
  const errors: FieldError[] = [];
  const childStart = validDate(child.startDate);
  const childEnd = validDate(child.endDate);
  const parentStart = validDate(parent.startDate);
  const parentEnd = parent.indefinite ? null : validDate(parent.endDate);

  if (childStart && parentStart && compareIsoDates(childStart, parentStart) < 0) {
    errors.push(
      fieldError(['startDate'], {
        id: `Tanggal mulai ${childStart} sebelum naskah induk mulai berlaku pada ${parentStart}`,
        en: `The start date ${childStart} is before the parent agreement starts on ${parentStart}`,
      }),
    );
  }
  if (!parentEnd) return errors;
  if (childStart && compareIsoDates(childStart, parentEnd) > 0) {
    errors.push(
      fieldError(['startDate'], {
        id: `Tanggal mulai ${childStart} setelah naskah induk berakhir pada ${parentEnd}`,
        en: `The start date ${childStart} is after the parent agreement ends on ${parentEnd}`,
      }),
    );
  }
  if (child.indefinite) {
    errors.push(
      fieldError(['indefinite'], {
        id: `Naskah tidak boleh berlaku tanpa batas waktu karena naskah induk berakhir pada ${parentEnd}`,
        en: `The agreement cannot run without an end date because the parent agreement ends on ${parentEnd}`,
      }),
    );
  } else if (childEnd && compareIsoDates(childEnd, parentEnd) > 0) {
    errors.push(
      fieldError(['endDate'], {
        id: `Tanggal berakhir ${childEnd} melewati berakhirnya naskah induk pada ${parentEnd}`,
        en: `The end date ${childEnd} is after the parent agreement ends on ${parentEnd}`,
      }),
    );
  }
  return errors;
}

/** Malformed dates are reported by checkDateRange; here they are simply not compared. */
function validDate(date: OptionalDate): IsoDate | null {
  return isIsoDate(date) ? date : null;
}
