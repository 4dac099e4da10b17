/**
 * Cross-field rules the Strapi glue runs before saving; each returns field errors shaped like
 * Strapi's ValidationError details (`path` names the attribute).
 */
import { Bilingual, formatBilingual } from './bilingual';
import { compareIsoDates, IsoDate, isIsoDate } from './dates';

export interface FieldError {
  path: string[];
  message: string;
}

export function fieldError(path: string[], message: Bilingual): FieldError {
  return { path, message: formatBilingual(message) };
}

type OptionalDate = IsoDate | null | undefined;

/** Each present date must be a real 'YYYY-MM-DD' date, and the end may not be before the start. */
export function checkDateRange(
  startField: string,
  start: OptionalDate,
  endField: string,
  end: OptionalDate,
): FieldError[] {
  const errors = [checkDateFormat(startField, start), checkDateFormat(endField, end)].filter(
    (error): error is FieldError => error !== null,
  );
  if (errors.length > 0 || !start || !end) return errors;
  if (compareIsoDates(end, start) < 0) {
    return [
      fieldError([endField], {
        id: `Tanggal akhir ${end} tidak boleh sebelum tanggal mulai ${start}`,
        en: `The end date ${end} cannot be before the start date ${start}`,
      }),
    ];
  }
  return [];
}

function checkDateFormat(field: string, value: OptionalDate): FieldError | null {
  if (value === null || value === undefined || value === '' || isIsoDate(value)) return null;
  return fieldError([field], {
    id: `Tanggal tidak valid: ${value}, gunakan format TTTT-BB-HH`,
    en: `Not a valid date: ${value}, use the format YYYY-MM-DD`,
  });
}

export type UnitKind = 'directorate' | 'department' | 'study_program' | 'office';

export const UNIT_KIND_LABELS: Readonly<Record<UnitKind, Bilingual>> = {
  directorate: { id: 'Direktorat', en: 'directorate' },
  department: { id: 'Jurusan', en: 'department' },
  study_program: { id: 'Program studi', en: 'study program' },
  office: { id: 'Unit kerja', en: 'office' },
};

/** Which kinds of unit a unit may hang under; a study program always belongs to a department. */
const UNIT_PARENT_RULES: Readonly<Record<UnitKind, { allowed: readonly UnitKind[]; required: boolean }>> = {
  directorate: { allowed: [], required: false },
  department: { allowed: ['directorate'], required: false },
  office: { allowed: ['directorate'], required: false },
  study_program: { allowed: ['department'], required: true },
};

export function checkUnitParent({ kind, parentKind }: { kind: UnitKind; parentKind?: UnitKind | null }): FieldError[] {
  const rule = UNIT_PARENT_RULES[kind];
  const child = UNIT_KIND_LABELS[kind];
  const allowedId = rule.allowed.map((allowed) => UNIT_KIND_LABELS[allowed].id.toLowerCase()).join(' atau ');
  const allowedEn = rule.allowed.map((allowed) => withArticle(UNIT_KIND_LABELS[allowed].en)).join(' or ');

  if (!parentKind) {
    if (!rule.required) return [];
    return [
      fieldError(['parent'], {
        id: `${child.id} harus berada di bawah ${allowedId}`,
        en: `The ${child.en} must belong to ${allowedEn}`,
      }),
    ];
  }
  if (rule.allowed.includes(parentKind)) return [];
  if (rule.allowed.length === 0) {
    return [
      fieldError(['parent'], {
        id: `${child.id} tidak boleh memiliki unit induk`,
        en: `The ${child.en} cannot have a parent unit`,
      }),
    ];
  }
  const parent = UNIT_KIND_LABELS[parentKind];
  return [
    fieldError(['parent'], {
      id: `${child.id} tidak boleh berada di bawah ${parent.id.toLowerCase()}, hanya di bawah ${allowedId}`,
      en: `The ${child.en} cannot belong to ${withArticle(parent.en)}, only to ${allowedEn}`,
    }),
  ];
}

function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}
