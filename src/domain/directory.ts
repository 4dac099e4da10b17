/**
 * The public partner directory: which fields of a listed partner the public sees, how the
 * listing is filtered and counted, and which query parameters are accepted. Pure: the caller
 * reads the rows (published partners only) and hands them in.
 */
import { Bilingual, formatBilingual } from './bilingual';
import { AGREEMENT_KIND_LABELS, AgreementKind } from './agreement';
import { fieldError, FieldError } from './validation';

export const PARTNER_LEVELS = ['local_regional', 'national', 'international'] as const;
export type PartnerLevel = (typeof PARTNER_LEVELS)[number];

export const INSTITUTION_TYPES = [
  'industry',
  'state_enterprise',
  'government',
  'university',
  'school',
  'association',
  'ngo',
  'hospital',
  'msme',
  'research_institute',
  'certification_body',
  'multilateral',
  'other',
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

export const PARTNER_LEVEL_LABELS: Readonly<Record<PartnerLevel, Bilingual>> = {
  local_regional: { id: 'Lokal/regional', en: 'Local/regional' },
  national: { id: 'Nasional', en: 'National' },
  international: { id: 'Internasional', en: 'International' },
};

export const INSTITUTION_TYPE_LABELS: Readonly<Record<InstitutionType, Bilingual>> = {
  industry: { id: 'Industri', en: 'Industry' },
  state_enterprise: { id: 'BUMN/BUMD', en: 'State-owned enterprise' },
  government: { id: 'Instansi pemerintah', en: 'Government agency' },
  university: { id: 'Perguruan tinggi', en: 'University' },
  school: { id: 'Sekolah', en: 'School' },
  association: { id: 'Asosiasi', en: 'Association' },
  ngo: { id: 'Lembaga swadaya masyarakat', en: 'NGO' },
  hospital: { id: 'Rumah sakit', en: 'Hospital' },
  msme: { id: 'UMKM', en: 'MSME' },
  research_institute: { id: 'Lembaga riset', en: 'Research institute' },
  certification_body: { id: 'Lembaga sertifikasi', en: 'Certification body' },
  multilateral: { id: 'Organisasi multilateral', en: 'Multilateral organisation' },
  other: { id: 'Lainnya', en: 'Other' },
};

/** The agreement kinds the directory names; addenda and contracts are not a partnership's kind. */
export const DIRECTORY_AGREEMENT_KINDS = ['mou', 'moa', 'ia'] as const satisfies readonly AgreementKind[];
type DirectoryAgreementKind = (typeof DIRECTORY_AGREEMENT_KINDS)[number];

/** A published partner's public fields, as read from the database. */
export interface DirectoryPartnerInput {
  documentId: string;
  name: string;
  institutionType: string;
  level: string;
  country: string;
  city: string | null;
  website: string | null;
  logoUrl: string | null;
  publicDescription: string | null;
}

/** One agreement of a listed partner: only what the directory derives from it. */
export interface DirectoryAgreementInput {
  partnerDocumentId: string;
  kind: string;
  /** Counts as active for the listing (validity active or expiring). */
  active: boolean;
  /** Signed, or started: the year the partnership began is the earliest of these. */
  began: string | null;
  cooperationTypes: string[];
  units: string[];
}

export interface CatalogueEntry {
  code: string;
  name: string;
  nameEn: string | null;
}

/** A listed partner as the directory publishes it: its public fields and what its agreements say. */
export interface DirectoryPartner extends DirectoryPartnerInput {
  /** Codes of the cooperation types of its active agreements (see meta.labels.cooperationType). */
  cooperationTypes: string[];
  /** Codes of the units named in its active agreements (see meta.labels.unit). */
  units: string[];
  /** The year of its first agreement (signed or started). */
  since: number | null;
  /** Kinds of its active agreements: mou, moa, ia. */
  agreementKinds: string[];
}

export type Counts = Record<string, number>;
type LabelTable = Record<string, Bilingual>;

export interface DirectoryLabels {
  level: LabelTable;
  institutionType: LabelTable;
  agreementKind: LabelTable;
  country: LabelTable;
  cooperationType: LabelTable;
  unit: LabelTable;
}

export interface Directory {
  data: DirectoryPartner[];
  meta: {
    total: number;
    counts: { level: Counts; institutionType: Counts; country: Counts };
    filters: DirectoryFilters;
    labels: DirectoryLabels;
  };
}

export const FILTER_PARAMETERS = ['level', 'institutionType', 'country', 'cooperationType', 'unit', 'q'] as const;
export type FilterParameter = (typeof FILTER_PARAMETERS)[number];
export type DirectoryFilters = Partial<Record<FilterParameter, string>>;

/**
 * Strapi's own query parameters. The directory has one fixed projection, so these are accepted
 * and ignored: a site written for stock Strapi (`populate=*`, `filters[...]`) gets the same bytes
 * as without them, and nothing in them can reach a private field.
 */
export const IGNORED_STRAPI_PARAMETERS = ['filters', 'populate', 'fields', 'sort', 'pagination', 'status', 'locale', 'publicationState'] as const;

export const Q_MAX_LENGTH = 100;

const byName = (a: { name: string; documentId: string }, b: { name: string; documentId: string }) =>
  a.name.localeCompare(b.name, 'id', { sensitivity: 'base' }) || (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0);

// Marked pure: a browser page importing this module's lists (public-src/) leaves them out unless it names countries.
const countryNames = {
  id: /* @__PURE__ */ new Intl.DisplayNames(['id'], { type: 'region', fallback: 'none' }),
  en: /* @__PURE__ */ new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }),
};

/** The Indonesian and English name of an ISO 3166-1 alpha-2 code, or null for an unknown code. */
export function countryLabel(code: string): Bilingual | null {
  // ZZ is ICU's "Unknown Region", not a country.
  if (!/^[A-Z]{2}$/.test(code) || code === 'ZZ') return null;
  const id = countryNames.id.of(code);
  const en = countryNames.en.of(code);
  return id && en ? { id, en } : null;
}

const catalogueLabel = (entry: CatalogueEntry): Bilingual => ({ id: entry.name, en: entry.nameEn || entry.name });

const sortedUnique = (values: Iterable<string>) => [...new Set(values)].sort();

const tally = (partners: DirectoryPartner[], key: 'level' | 'institutionType' | 'country'): Counts => {
  const counts: Counts = {};
  for (const partner of partners) counts[partner[key]] = (counts[partner[key]] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
};

/** Folds case and accents so "cafe" finds "Café". */
export const searchKey = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

/** The listing: listed partners with their public fields and what their agreements say. */
export function buildDirectory(
  partners: DirectoryPartnerInput[],
  agreements: DirectoryAgreementInput[],
  catalogue: { cooperationTypes: CatalogueEntry[]; units: CatalogueEntry[] },
): Directory {
  const byPartner = new Map<string, DirectoryAgreementInput[]>();
  for (const agreement of agreements) {
    const list = byPartner.get(agreement.partnerDocumentId) ?? [];
    list.push(agreement);
    byPartner.set(agreement.partnerDocumentId, list);
  }
  const data = partners
    .map((partner): DirectoryPartner => {
      const own = byPartner.get(partner.documentId) ?? [];
      const active = own.filter((agreement) => agreement.active);
      const years = own.map((agreement) => agreement.began).filter((date): date is string => Boolean(date)).map((date) => Number(date.slice(0, 4)));
      return {
        documentId: partner.documentId,
        name: partner.name,
        institutionType: partner.institutionType,
        level: partner.level,
        country: partner.country,
        city: partner.city || null,
        website: partner.website || null,
        logoUrl: partner.logoUrl || null,
        publicDescription: partner.publicDescription || null,
        cooperationTypes: sortedUnique(active.flatMap((agreement) => agreement.cooperationTypes)),
        units: sortedUnique(active.flatMap((agreement) => agreement.units)),
        since: years.length ? Math.min(...years) : null,
        agreementKinds: DIRECTORY_AGREEMENT_KINDS.filter((kind) => active.some((agreement) => agreement.kind === kind)),
      };
    })
    .sort(byName);

  const used = (key: 'cooperationTypes' | 'units') => new Set(data.flatMap((partner) => partner[key]));
  const usedTypes = used('cooperationTypes');
  const usedUnits = used('units');
  const labels: DirectoryLabels = {
    level: { ...PARTNER_LEVEL_LABELS },
    institutionType: { ...INSTITUTION_TYPE_LABELS },
    agreementKind: Object.fromEntries(DIRECTORY_AGREEMENT_KINDS.map((kind: DirectoryAgreementKind) => [kind, AGREEMENT_KIND_LABELS[kind]])),
    country: Object.fromEntries(
      sortedUnique(data.map((partner) => partner.country)).map((code) => [code, countryLabel(code) ?? { id: code, en: code }]),
    ),
    cooperationType: Object.fromEntries(
      catalogue.cooperationTypes.filter((entry) => usedTypes.has(entry.code)).sort((a, b) => (a.code < b.code ? -1 : 1)).map((entry) => [entry.code, catalogueLabel(entry)]),
    ),
    unit: Object.fromEntries(
      catalogue.units.filter((entry) => usedUnits.has(entry.code)).sort((a, b) => (a.code < b.code ? -1 : 1)).map((entry) => [entry.code, catalogueLabel(entry)]),
    ),
  };
  return withData({ data, meta: { total: 0, counts: { level: {}, institutionType: {}, country: {} }, filters: {}, labels } }, data, {});
}

const withData = (directory: Directory, data: DirectoryPartner[], filters: DirectoryFilters): Directory => ({
  data,
  meta: {
    total: data.length,
    counts: { level: tally(data, 'level'), institutionType: tally(data, 'institutionType'), country: tally(data, 'country') },
    filters,
    labels: directory.meta.labels,
  },
});

/** The listing narrowed by the filters; counts are those of the partners returned. */
export function filterDirectory(directory: Directory, filters: DirectoryFilters): Directory {
  const q = filters.q ? searchKey(filters.q) : null;
  const data = directory.data.filter(
    (partner) =>
      (!filters.level || partner.level === filters.level) &&
      (!filters.institutionType || partner.institutionType === filters.institutionType) &&
      (!filters.country || partner.country === filters.country) &&
      (!filters.cooperationType || partner.cooperationTypes.includes(filters.cooperationType)) &&
      (!filters.unit || partner.units.includes(filters.unit)) &&
      (!q || searchKey(partner.name).includes(q)),
  );
  return withData(directory, data, filters);
}

const refusal = (parameter: string, id: string, en: string): FieldError => fieldError([parameter], { id: `Parameter "${parameter}": ${id}`, en: `Parameter "${parameter}": ${en}` });

export type ParsedDirectoryQuery = { ok: true; filters: DirectoryFilters } | { ok: false; errors: FieldError[] };

/**
 * Checks a query string against the filters the directory understands. Unknown parameters and
 * unknown values are refused, naming the parameter; Strapi's own parameters are ignored.
 */
export function parseDirectoryQuery(
  query: Record<string, unknown>,
  known: { cooperationTypes: ReadonlySet<string>; units: ReadonlySet<string> },
): ParsedDirectoryQuery {
  const errors: FieldError[] = [];
  const filters: DirectoryFilters = {};
  const ignored = new Set<string>(IGNORED_STRAPI_PARAMETERS);
  const accepted = new Set<string>(FILTER_PARAMETERS);
  for (const [parameter, raw] of Object.entries(query)) {
    const root = parameter.split('[')[0];
    if (ignored.has(root)) continue;
    if (!accepted.has(parameter)) {
      errors.push(refusal(parameter, `tidak dikenal; yang dapat dipakai: ${FILTER_PARAMETERS.join(', ')}`, `unknown; accepted: ${FILTER_PARAMETERS.join(', ')}`));
      continue;
    }
    if (typeof raw !== 'string') {
      errors.push(refusal(parameter, 'harus berupa satu nilai teks', 'must be a single text value'));
      continue;
    }
    const name = parameter as FilterParameter;
    // The search matches without case or repeated spaces, so `q` is kept that way: " BY  x" and
    // "by x" are one cached listing, not two.
    const value = name === 'q' ? raw.trim().replace(/\s+/g, ' ').toLowerCase() : raw.trim();
    if (value === '') continue;
    const valid = (() => {
      switch (name) {
        case 'level':
          return (PARTNER_LEVELS as readonly string[]).includes(value);
        case 'institutionType':
          return (INSTITUTION_TYPES as readonly string[]).includes(value);
        case 'country':
          return countryLabel(value) !== null;
        case 'cooperationType':
          return known.cooperationTypes.has(value);
        case 'unit':
          return known.units.has(value);
        case 'q':
          return value.length <= Q_MAX_LENGTH;
      }
    })();
    if (!valid) {
      const hint: Record<FilterParameter, Bilingual> = {
        level: { id: `nilai "${value}" tidak dikenal; pilihan: ${PARTNER_LEVELS.join(', ')}`, en: `unknown value "${value}"; choose one of ${PARTNER_LEVELS.join(', ')}` },
        institutionType: { id: `nilai "${value}" tidak dikenal; pilihan: ${INSTITUTION_TYPES.join(', ')}`, en: `unknown value "${value}"; choose one of ${INSTITUTION_TYPES.join(', ')}` },
        country: { id: `"${value}" bukan kode negara ISO 3166-1 alpha-2 (mis. ID, JP)`, en: `"${value}" is not an ISO 3166-1 alpha-2 country code (e.g. ID, JP)` },
        cooperationType: { id: `kode jenis kerjasama "${value}" tidak dikenal`, en: `unknown cooperation type code "${value}"` },
        unit: { id: `kode unit "${value}" tidak dikenal`, en: `unknown unit code "${value}"` },
        q: { id: `paling banyak ${Q_MAX_LENGTH} karakter`, en: `at most ${Q_MAX_LENGTH} characters` },
      };
      errors.push(refusal(parameter, hint[name].id, hint[name].en));
      continue;
    }
    filters[name] = value;
  }
  if (errors.length) return { ok: false, errors };
  // A fixed key order, so equal filters give equal cache keys and equal bytes.
  return { ok: true, filters: Object.fromEntries(FILTER_PARAMETERS.filter((key) => filters[key] !== undefined).map((key) => [key, filters[key]])) };
}

/** The message of a refused query, for a 400 response. */
export const directoryQueryMessage = (errors: FieldError[]) =>
  errors.length === 1 ? errors[0].message : formatBilingual({ id: `${errors.length} parameter ditolak`, en: `${errors.length} parameters refused` });
