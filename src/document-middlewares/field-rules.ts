import type { Core, UID } from '@strapi/strapi';
import { AGREEMENT_KINDS, checkAgreementDates, type AgreementKind } from '../domain/agreement';
import { checkDateRange, checkUnitParent, fieldError, UNIT_KIND_LABELS, type FieldError, type UnitKind } from '../domain/validation';
import { throwFieldErrors } from '../workflow/errors';
import { RecordView } from './record-view';

/**
 * Field rules that Strapi's schema cannot declare: cross-field dates, relation kinds, required
 * relations, uniqueness over several fields. Run for every create and update, whichever door
 * the write came through (REST, GraphQL, Content Manager, Document Service).
 */
type Rule = (record: RecordView, strapi: Core.Strapi) => Promise<FieldError[]>;

const requiredRelation = async (record: RecordView, field: string, label: { id: string; en: string }) =>
  (await record.relation(field))
    ? []
    : [fieldError([field], { id: `${label.id} wajib diisi`, en: `${label.en} is required` })];

const unique = async (
  record: RecordView,
  strapi: Core.Strapi,
  fields: Record<string, unknown>,
  reportAt: string,
  what: { id: string; en: string },
): Promise<FieldError[]> => {
  const where: Record<string, unknown> = { ...fields };
  if (record.id !== undefined) where.id = { $ne: record.id };
  const clash = await strapi.db.query(record.uid).findOne({ where, select: ['id'] });
  return clash
    ? [fieldError([reportAt], { id: `${what.id} sudah ada`, en: `${what.en} already exists` })]
    : [];
};

const relationId = async (record: RecordView, field: string) => (await record.relation(field))?.id ?? null;

const RULES: Partial<Record<UID.ContentType, Rule>> = {
  'api::unit.unit': async (record) => {
    const kind = record.value<UnitKind>('kind');
    // An unknown kind is reported by Strapi's own enum validation, which runs after this.
    if (!kind || !(kind in UNIT_KIND_LABELS)) return [];
    const parent = await record.relation('parent');
    if (parent && record.id !== undefined && parent.id === record.id) {
      return [fieldError(['parent'], { id: 'Unit tidak boleh menjadi induk dirinya sendiri', en: 'A unit cannot be its own parent' })];
    }
    return checkUnitParent({ kind, parentKind: (parent?.kind as UnitKind | undefined) ?? null });
  },

  'api::agreement.agreement': async (record) => {
    const kind = record.value<AgreementKind>('kind');
    const parent = await record.relation('parent');
    const indefinite = Boolean(record.value('indefinite'));
    const endDate = record.value<string>('endDate');
    const errorsFound = [
      ...(await requiredRelation(record, 'partner', { id: 'Mitra', en: 'The partner' })),
      ...(!indefinite && !endDate
        ? [fieldError(['endDate'], { id: 'Tanggal berakhir wajib diisi kecuali tanpa batas waktu', en: 'The end date is required unless the agreement is indefinite' })]
        : []),
    ];
    if (parent && record.id !== undefined && parent.id === record.id) {
      errorsFound.push(fieldError(['parent'], { id: 'Naskah tidak boleh menjadi induk dirinya sendiri', en: 'An agreement cannot be its own parent' }));
    }
    if (!kind || !AGREEMENT_KINDS.includes(kind)) return errorsFound;
    return [
      ...errorsFound,
      ...checkAgreementDates({
        kind,
        startDate: record.value('startDate'),
        endDate,
        indefinite,
        parent: parent
          ? {
              kind: parent.kind as AgreementKind,
              startDate: parent.startDate as string,
              endDate: parent.endDate as string | null,
              indefinite: Boolean(parent.indefinite),
            }
          : null,
      }),
    ];
  },

  'api::needs-mapping.needs-mapping': async (record, strapi) => {
    const missing = [
      ...(await requiredRelation(record, 'unit', { id: 'Unit', en: 'The unit' })),
      ...(await requiredRelation(record, 'cooperationType', { id: 'Jenis kerjasama', en: 'The cooperation type' })),
    ];
    if (missing.length) return missing;
    return unique(
      record,
      strapi,
      { year: record.value('year'), unit: await relationId(record, 'unit'), cooperationType: await relationId(record, 'cooperationType') },
      'cooperationType',
      { id: 'Pemetaan untuk tahun, unit dan jenis kerjasama ini', en: 'A mapping for this year, unit and cooperation type' },
    );
  },

  'api::annual-target.annual-target': async (record, strapi) =>
    unique(
      record,
      strapi,
      {
        year: record.value('year'),
        unit: await relationId(record, 'unit'),
        cooperationType: await relationId(record, 'cooperationType'),
        partnerLevel: record.value('partnerLevel') ?? null,
        metric: record.value('metric'),
      },
      'metric',
      { id: 'Target dengan tahun, unit, jenis, tingkat mitra dan ukuran ini', en: 'A target with this year, unit, type, partner level and metric' },
    ),

  'api::proposal.proposal': async (record) => {
    const found = await requiredRelation(record, 'unit', { id: 'Unit pengusul', en: 'The proposing unit' });
    if (!(await record.relation('partner')) && !record.value('prospectivePartnerName')) {
      found.push(
        fieldError(['prospectivePartnerName'], {
          id: 'Pilih mitra yang ada atau isi nama calon mitra',
          en: 'Choose an existing partner or name the prospective partner',
        }),
      );
    }
    return found;
  },

  'api::meeting-minute.meeting-minute': async (record) => {
    const kind = record.value('kind');
    if (kind === 'with_unit') return requiredRelation(record, 'unit', { id: 'Unit untuk rapat dengan unit', en: 'The unit of a meeting with a unit' });
    if (kind === 'with_partner') return requiredRelation(record, 'partner', { id: 'Mitra untuk rapat dengan mitra', en: 'The partner of a meeting with a partner' });
    return [];
  },

  'api::program-item.program-item': async (record) => [
    ...(await requiredRelation(record, 'program', { id: 'Program', en: 'The program' })),
    ...checkDateRange('plannedStart', record.value('plannedStart'), 'plannedEnd', record.value('plannedEnd')),
  ],

  'api::monitoring-record.monitoring-record': async (record) => [
    ...(!(await record.relation('agreement')) && !(await record.relation('programItem'))
      ? [fieldError(['agreement'], { id: 'Pilih naskah kerjasama atau butir program', en: 'Choose an agreement or a program item' })]
      : []),
    ...checkDateRange('periodStart', record.value('periodStart'), 'periodEnd', record.value('periodEnd')),
  ],

  'api::satisfaction-survey.satisfaction-survey': async (record) =>
    checkDateRange('opensAt', record.value('opensAt'), 'closesAt', record.value('closesAt')),

  'api::survey-invitation.survey-invitation': async (record) => [
    ...(await requiredRelation(record, 'survey', { id: 'Survei', en: 'The survey' })),
    ...(await requiredRelation(record, 'partner', { id: 'Mitra', en: 'The partner' })),
  ],

  'api::survey-response.survey-response': async (record) => {
    const survey = await record.relation('survey');
    if (!survey) return requiredRelation(record, 'survey', { id: 'Survei', en: 'The survey' });
    // A non-list is reported by the component check (src/document-middlewares/input-values.ts).
    const answers = (Array.isArray(record.data.answers) ? record.data.answers : []) as Array<{ score?: number }>;
    const scaleMax = Number(survey.scaleMax);
    return answers.flatMap((answer, index) =>
      typeof answer?.score === 'number' && answer.score > scaleMax
        ? [fieldError(['answers', String(index), 'score'], { id: `Nilai maksimum skala adalah ${scaleMax}`, en: `The scale goes up to ${scaleMax}` })]
        : [],
    );
  },
};

/** Relations named in the write must exist; Strapi would otherwise fail deep inside. */
const danglingToOneRelations = async (record: RecordView, strapi: Core.Strapi): Promise<FieldError[]> => {
  const attributes = strapi.contentTypes[record.uid].attributes as Record<string, { type: string; relation?: string }>;
  const found: FieldError[] = [];
  for (const [field, attribute] of Object.entries(attributes)) {
    const toOne = attribute.type === 'relation' && (attribute.relation === 'manyToOne' || attribute.relation === 'oneToOne');
    if (toOne && field in record.data && (await record.isDanglingRelation(field))) {
      found.push(fieldError([field], { id: 'Rekaman terkait tidak ditemukan', en: 'The related record does not exist' }));
    }
  }
  return found;
};

/** Strapi does not check min/max of big integers (amounts in whole rupiah): check them here. */
const bigIntegerRanges = (record: RecordView, strapi: Core.Strapi): FieldError[] => {
  const attributes = strapi.contentTypes[record.uid].attributes as Record<string, { type: string; min?: string; max?: string }>;
  return Object.entries(attributes)
    .filter(([field, attribute]) => attribute.type === 'biginteger' && record.data[field] !== undefined && record.data[field] !== null && record.data[field] !== '')
    .flatMap(([field, attribute]) => {
      const raw = String(record.data[field]);
      if (!/^-?\d+$/.test(raw)) return [fieldError([field], { id: 'Harus bilangan bulat', en: 'Must be a whole number' })];
      const value = BigInt(raw);
      const below = attribute.min !== undefined && value < BigInt(attribute.min);
      const above = attribute.max !== undefined && value > BigInt(attribute.max);
      return below || above
        ? [fieldError([field], { id: `Harus antara ${attribute.min ?? '-∞'} dan ${attribute.max ?? '∞'}`, en: `Must be between ${attribute.min ?? '-∞'} and ${attribute.max ?? '∞'}` })]
        : [];
    });
};

/**
 * Required attributes, checked before the rules below read them. Draft & publish types skip
 * Strapi's required check on drafts (the partner's identity fields are needed from the first
 * save), and on the other types a rule's uniqueness query with a missing value reached the
 * database (a NOT NULL 500 for `POST /api/annual-targets {"data":{}}`).
 */
const requiredFields = (record: RecordView, strapi: Core.Strapi): FieldError[] => {
  const attributes = strapi.contentTypes[record.uid].attributes as Record<string, { required?: boolean; type: string; default?: unknown }>;
  return Object.entries(attributes)
    .filter(([field, attribute]) => attribute.required && attribute.default === undefined && attribute.type !== 'relation' && (record.isCreate || field in record.data))
    .filter(([field]) => {
      const value = record.value(field);
      return value === undefined || value === null || value === '';
    })
    .map(([field]) => fieldError([field], { id: `${field} wajib diisi`, en: `${field} is required` }));
};

export const registerFieldRules = (strapi: Core.Strapi) => {
  strapi.documents.use(async (context, next) => {
    const rule = RULES[context.uid as UID.ContentType];
    const isApiType = context.uid.startsWith('api::');
    if (!isApiType || (context.action !== 'create' && context.action !== 'update')) return next();

    const record = await RecordView.load(strapi, context.uid as UID.ContentType, context.action, context.params as Record<string, unknown>);
    const dangling = await danglingToOneRelations(record, strapi);
    throwFieldErrors(dangling);
    throwFieldErrors(requiredFields(record, strapi));
    throwFieldErrors([...bigIntegerRanges(record, strapi), ...(rule ? await rule(record, strapi) : [])]);
    return next();
  });
};
