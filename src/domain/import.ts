/**
 * Importing an office's existing spreadsheet ("daftar kerjasama"): the fields a column may be
 * mapped to, the guess of a mapping from the header row, the reading of each cell the way
 * Indonesian offices write it (dates such as "12 Agustus 2024", "MoA/PKS", "Internasional",
 * "Indonesia"), and the plan of the rows (parents before children, duplicate numbers). Pure: no
 * Strapi; the glue (src/planning/services/import.ts) writes the planned rows through the
 * Document Service, where every field and workflow rule applies.
 */
import { AGREEMENT_KIND_LABELS, AGREEMENT_KINDS, type AgreementKind } from './agreement';
import { formatBilingual, type Bilingual } from './bilingual';
import { isIsoDate, type IsoDate } from './dates';
import { INSTITUTION_TYPE_LABELS, INSTITUTION_TYPES, PARTNER_LEVELS, type InstitutionType, type PartnerLevel } from './directory';
import { foldText, institutionTypeFromName, partnerMatchKey } from './partner-names';

export type ImportTarget = 'partner' | 'agreement' | 'monitoring';

export const IMPORT_FIELD_KEYS = [
  'partnerName', 'country', 'level', 'city', 'institutionType', 'website',
  'kind', 'ourNumber', 'partnerNumber', 'title', 'scope', 'signedDate', 'startDate', 'endDate', 'units', 'parentNumber',
  'monitoredOn', 'implementationState', 'activitiesCount', 'studentParticipants', 'lecturerParticipants', 'outputs', 'followUp',
] as const;
export type ImportFieldKey = (typeof IMPORT_FIELD_KEYS)[number];

export interface ImportField {
  key: ImportFieldKey;
  target: ImportTarget;
  /** The attribute of the target content type the value is written to. */
  attribute: string;
  labels: Bilingual;
  /** Header texts (folded, see `normaliseHeader`) this field is guessed from; a header may add words after one. */
  aliases: readonly string[];
}

const field = (key: ImportFieldKey, target: ImportTarget, attribute: string, labels: Bilingual, aliases: string[]): ImportField => ({ key, target, attribute, labels, aliases });

/** Every field a column may be mapped to, in the order the mapping form lists them. */
export const IMPORT_FIELDS: readonly ImportField[] = [
  field('partnerName', 'partner', 'name', { id: 'Nama mitra', en: 'Partner name' }, ['nama mitra', 'mitra', 'nama instansi', 'instansi', 'nama lembaga', 'partner', 'partner name', 'institution']),
  field('country', 'partner', 'country', { id: 'Negara', en: 'Country' }, ['negara', 'negara mitra', 'country']),
  field('level', 'partner', 'level', { id: 'Tingkat', en: 'Level' }, ['tingkat', 'tingkat kerjasama', 'level', 'skala', 'lingkup wilayah']),
  field('city', 'partner', 'city', { id: 'Kota', en: 'City' }, ['kota', 'kota mitra', 'kota kabupaten', 'city']),
  field('institutionType', 'partner', 'institutionType', { id: 'Jenis mitra', en: 'Institution type' }, ['jenis mitra', 'jenis instansi', 'kategori mitra', 'institution type']),
  field('website', 'partner', 'website', { id: 'Situs web mitra', en: 'Partner website' }, ['website', 'situs', 'situs web', 'laman']),
  field('kind', 'agreement', 'kind', { id: 'Jenis naskah', en: 'Agreement kind' }, ['jenis naskah', 'jenis dokumen', 'jenis kerjasama naskah', 'bentuk naskah', 'kind', 'document type']),
  field('ourNumber', 'agreement', 'ourNumber', { id: 'Nomor naskah (Polibatam)', en: 'Our number (Polibatam)' }, ['nomor naskah', 'no naskah', 'nomor naskah polibatam', 'nomor polibatam', 'nomor dokumen', 'our number']),
  field('partnerNumber', 'agreement', 'partnerNumber', { id: 'Nomor naskah mitra', en: 'Partner number' }, ['nomor naskah mitra', 'no naskah mitra', 'nomor mitra', 'partner number']),
  field('title', 'agreement', 'title', { id: 'Judul', en: 'Title' }, ['judul', 'judul naskah', 'perihal', 'tentang', 'title']),
  field('scope', 'agreement', 'scope', { id: 'Ruang lingkup', en: 'Scope' }, ['ruang lingkup', 'lingkup', 'scope']),
  field('signedDate', 'agreement', 'signedDate', { id: 'Tanggal penandatanganan', en: 'Signed date' }, ['tanggal penandatanganan', 'tanggal ttd', 'tanggal tanda tangan', 'signed date']),
  field('startDate', 'agreement', 'startDate', { id: 'Tanggal mulai', en: 'Start date' }, ['tanggal mulai', 'tgl mulai', 'mulai', 'tanggal berlaku', 'start date']),
  field('endDate', 'agreement', 'endDate', { id: 'Tanggal berakhir', en: 'End date' }, ['tanggal berakhir', 'tgl berakhir', 'tanggal selesai', 'tanggal akhir', 'berakhir', 'end date']),
  field('units', 'agreement', 'units', { id: 'Unit pelaksana', en: 'Implementing units' }, ['unit pelaksana', 'unit', 'unit kerja', 'jurusan prodi', 'pelaksana', 'units']),
  field('parentNumber', 'agreement', 'parent', { id: 'Naskah induk (nomor)', en: 'Parent agreement (number)' }, ['naskah induk', 'nomor naskah induk', 'induk', 'parent', 'parent agreement']),
  field('monitoredOn', 'monitoring', 'monitoredOn', { id: 'Tanggal monitoring', en: 'Monitoring date' }, ['tanggal monitoring', 'tgl monitoring', 'tanggal monev', 'monitoring date']),
  field('implementationState', 'monitoring', 'implementationState', { id: 'Status pelaksanaan', en: 'Implementation state' }, ['status pelaksanaan', 'keterlaksanaan', 'implementation state']),
  field('activitiesCount', 'monitoring', 'activitiesCount', { id: 'Jumlah kegiatan', en: 'Activities' }, ['jumlah kegiatan', 'kegiatan', 'activities']),
  field('studentParticipants', 'monitoring', 'studentParticipants', { id: 'Mahasiswa terlibat', en: 'Students taking part' }, ['mahasiswa terlibat', 'jumlah mahasiswa', 'mahasiswa', 'students']),
  field('lecturerParticipants', 'monitoring', 'lecturerParticipants', { id: 'Dosen terlibat', en: 'Lecturers taking part' }, ['dosen terlibat', 'jumlah dosen', 'dosen', 'lecturers']),
  field('outputs', 'monitoring', 'outputs', { id: 'Luaran', en: 'Outputs' }, ['luaran', 'hasil', 'output', 'outputs']),
  field('followUp', 'monitoring', 'followUp', { id: 'Tindak lanjut', en: 'Follow-up' }, ['tindak lanjut', 'rencana tindak lanjut', 'follow up']),
];

export const IMPORT_FIELD_BY_KEY: Readonly<Record<ImportFieldKey, ImportField>> = Object.fromEntries(IMPORT_FIELDS.map((item) => [item.key, item])) as Record<ImportFieldKey, ImportField>;

/** The import field a content type's attribute is read from, to report a refused write at its column. */
export const fieldOfAttribute = (target: ImportTarget, attribute: string): ImportFieldKey | null =>
  IMPORT_FIELDS.find((item) => item.target === target && item.attribute === attribute)?.key ?? null;

/** A cell as read from XLSX or CSV (rich text, formulas and links already reduced to their value). */
export type Cell = string | number | boolean | Date | null;

export interface SheetRow {
  /** The row number as the spreadsheet shows it (1 = the first row of the sheet). */
  row: number;
  cells: Cell[];
}

export interface Sheet {
  sheetName: string;
  /** The header row's texts, made unique ("Kolom 3" for a blank one, "Tanggal (2)" for a repeat). */
  headers: string[];
  headerRow: number;
  rows: SheetRow[];
}

/** A header as compared: folded case, accents and punctuation ("Jenis Naskah (MoU/MoA/IA)" → "jenis naskah mou moa ia"). */
export const normaliseHeader = (header: string): string => foldText(header);

/** What identifies a file's layout: its normalised header row. The mapping is remembered per layout. */
export const layoutKey = (headers: readonly string[]): string => headers.map(normaliseHeader).join('|');

/** Column header → field; unmapped columns are absent (or null). */
export type ImportMapping = Record<string, ImportFieldKey | null>;

/** The field a header is guessed to hold: the longest alias the header equals or starts with (as whole words). */
export function guessField(header: string): ImportFieldKey | null {
  const text = normaliseHeader(header);
  let best: { key: ImportFieldKey; length: number } | null = null;
  for (const item of IMPORT_FIELDS) {
    for (const alias of item.aliases) {
      if ((text === alias || text.startsWith(`${alias} `)) && (!best || alias.length > best.length)) best = { key: item.key, length: alias.length };
    }
  }
  return best?.key ?? null;
}

/** A guessed mapping: each field taken by the first header that names it. */
export function guessMapping(headers: readonly string[]): ImportMapping {
  const taken = new Set<ImportFieldKey>();
  const mapping: ImportMapping = {};
  for (const header of headers) {
    const key = guessField(header);
    if (key && !taken.has(key)) {
      taken.add(key);
      mapping[header] = key;
    }
  }
  return mapping;
}

export interface MappingError {
  path: string[];
  message: string;
}

/**
 * Whether a mapping can be used with these headers: every header it names exists, every field
 * is known and used once, and the partner's name is mapped (everything hangs on a partner); the
 * agreement and monitoring columns need the agreement's number.
 */
export function checkMapping(mapping: ImportMapping, headers: readonly string[]): MappingError[] {
  const errors: MappingError[] = [];
  const used = new Map<string, string>();
  for (const [header, key] of Object.entries(mapping)) {
    if (!headers.includes(header)) {
      errors.push({ path: ['mapping', header], message: formatBilingual({ id: `Kolom "${header}" tidak ada di berkas`, en: `The file has no column "${header}"` }) });
      continue;
    }
    if (key === null || (key as string) === '') continue;
    if (!(IMPORT_FIELD_KEYS as readonly string[]).includes(key)) {
      errors.push({ path: ['mapping', header], message: formatBilingual({ id: `Isian tidak dikenal: ${key}`, en: `Unknown field: ${key}` }) });
      continue;
    }
    const before = used.get(key);
    if (before) {
      const label = IMPORT_FIELD_BY_KEY[key].labels;
      errors.push({ path: ['mapping', header], message: formatBilingual({ id: `${label.id} sudah dipetakan ke kolom "${before}"`, en: `${label.en} is already mapped to the column "${before}"` }) });
    }
    used.set(key, header);
  }
  if (!used.has('partnerName')) {
    errors.push({ path: ['mapping', 'partnerName'], message: formatBilingual({ id: 'Petakan satu kolom ke Nama mitra', en: 'Map one column to the partner name' }) });
  }
  const needsNumber = [...used.keys()].some((key) => IMPORT_FIELD_BY_KEY[key as ImportFieldKey].target !== 'partner');
  if (needsNumber && !used.has('ourNumber')) {
    errors.push({ path: ['mapping', 'ourNumber'], message: formatBilingual({ id: 'Kolom naskah dan monitoring memerlukan kolom Nomor naskah (Polibatam)', en: 'Agreement and monitoring columns need the column of our agreement number' }) });
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Reading cells

/** The text of a cell, trimmed; '' for an empty one and for the "-" offices put in empty cells. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  const text = String(cell).replace(/\s+/g, ' ').trim();
  return /^[-–—]+$/.test(text) ? '' : text;
}

const MONTHS: Readonly<Record<string, number>> = {
  januari: 1, jan: 1, january: 1,
  februari: 2, pebruari: 2, feb: 2, peb: 2, february: 2,
  maret: 3, mar: 3, march: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, jun: 6, june: 6,
  juli: 7, jul: 7, july: 7,
  agustus: 8, agu: 8, agt: 8, ags: 8, aug: 8, august: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, oct: 10, october: 10,
  november: 11, nopember: 11, nov: 11, nop: 11,
  desember: 12, des: 12, dec: 12, december: 12,
};

const pad = (value: number) => String(value).padStart(2, '0');

const isoOf = (year: number, month: number, day: number): IsoDate | null => {
  const iso = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  return isIsoDate(iso) ? iso : null;
};

const fullYear = (year: number) => (year < 100 ? 2000 + year : year);

/** Excel's serial day 25569 is 1970-01-01 (the 1900 date system, with its phantom 29 February 1900). */
const fromSerial = (serial: number): IsoDate | null =>
  serial > 366 && serial < 2958466 ? new Date(Math.round((serial - 25569) * 86_400_000)).toISOString().slice(0, 10) : null;

/**
 * A date as offices write it: a date cell, an Excel serial number, "2024-08-12", "12/08/2024",
 * "12-08-2024", "12.08.2024" (day first, as in Indonesia), "12 Agustus 2024", "12 Agt 2024",
 * "Agustus 12, 2024". `undefined` when the cell is empty, `null` when it is not a real date.
 */
export function parseDate(cell: Cell | undefined): IsoDate | null | undefined {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return fromSerial(cell);
  const text = cellText(cell).toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t].*)?$/.exec(text);
  if (match) return isoOf(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (match) return isoOf(fullYear(Number(match[3])), Number(match[2]), Number(match[1]));
  match = /^(\d{1,2})[ -]([a-z]+)\.?[ -](\d{2}|\d{4})$/.exec(text);
  if (match && MONTHS[match[2]]) return isoOf(fullYear(Number(match[3])), MONTHS[match[2]], Number(match[1]));
  match = /^([a-z]+)\.? (\d{1,2}) (\d{4})$/.exec(text);
  if (match && MONTHS[match[1]]) return isoOf(Number(match[3]), MONTHS[match[1]], Number(match[2]));
  if (/^\d+(\.\d+)?$/.test(text)) return fromSerial(Number(text));
  return null;
}

/** End-date texts that say the agreement has no end date. */
const INDEFINITE = ['tanpa batas', 'tanpa batas waktu', 'tidak terbatas', 'tidak ada batas', 'selamanya', 'indefinite', 'no end date', 'open ended'];

export const isIndefiniteText = (cell: Cell | undefined): boolean => INDEFINITE.includes(foldText(cellText(cell)));

const KIND_WORDS: ReadonlyArray<[AgreementKind, string[]]> = [
  ['mou', ['mou', 'nota kesepahaman', 'memorandum of understanding', 'nk']],
  ['moa', ['moa', 'moa pks', 'pks', 'perjanjian kerja sama', 'perjanjian kerjasama', 'memorandum of agreement', 'agreement']],
  ['ia', ['ia', 'implementation arrangement', 'implementation agreement', 'perjanjian pelaksanaan', 'ia pks']],
  ['addendum', ['addendum', 'adendum', 'amandemen', 'amendment']],
  ['contract', ['kontrak', 'contract', 'spk', 'surat perjanjian kerja']],
];

/** "MoU", "MoA/PKS", "PKS", "IA", "Adendum", "Kontrak", in any case; the keys themselves too. */
export function parseKind(cell: Cell | undefined): AgreementKind | null | undefined {
  const text = foldText(cellText(cell));
  if (!text) return undefined;
  for (const [kind, words] of KIND_WORDS) if (words.includes(text)) return kind;
  return (AGREEMENT_KINDS as readonly string[]).includes(text) ? (text as AgreementKind) : null;
}

const LEVEL_WORDS: ReadonlyArray<[PartnerLevel, string[]]> = [
  ['international', ['internasional', 'international', 'luar negeri', 'global']],
  ['national', ['nasional', 'national', 'dalam negeri']],
  ['local_regional', ['lokal', 'local', 'regional', 'wilayah', 'lokal regional', 'daerah', 'provinsi', 'kota', 'local regional']],
];

/** "Internasional", "Nasional", "Lokal"/"Regional" (Indonesian or English). */
export function parseLevel(cell: Cell | undefined): PartnerLevel | null | undefined {
  const text = foldText(cellText(cell));
  if (!text) return undefined;
  for (const [level, words] of LEVEL_WORDS) if (words.includes(text)) return level;
  return (PARTNER_LEVELS as readonly string[]).includes(text.replace(/ /g, '_')) ? (text.replace(/ /g, '_') as PartnerLevel) : null;
}

/** The institution type named by its Indonesian or English label, or by its key. */
export function parseInstitutionType(cell: Cell | undefined): InstitutionType | null | undefined {
  const text = foldText(cellText(cell));
  if (!text) return undefined;
  for (const type of INSTITUTION_TYPES) {
    const labels = INSTITUTION_TYPE_LABELS[type];
    if ([foldText(labels.id), foldText(labels.en), type.replace(/_/g, ' ')].includes(text)) return type;
  }
  return null;
}

/** Names offices use that are not the Indonesian or English standard name of the country. */
const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  indonesia: 'ID', ri: 'ID', 'republik indonesia': 'ID',
  usa: 'US', 'amerika': 'US', 'united states of america': 'US', us: 'US',
  uk: 'GB', inggris: 'GB', 'britania raya': 'GB', england: 'GB',
  'korea selatan': 'KR', 'south korea': 'KR', korea: 'KR', 'republic of korea': 'KR',
  tiongkok: 'CN', cina: 'CN', china: 'CN', rrt: 'CN', taiwan: 'TW',
  belanda: 'NL', netherlands: 'NL', jerman: 'DE', germany: 'DE', jepang: 'JP', japan: 'JP',
  malaysia: 'MY', singapura: 'SG', singapore: 'SG', thailand: 'TH', australia: 'AU', prancis: 'FR', perancis: 'FR', france: 'FR',
};

let countryIndex: Map<string, string> | null = null;

/** Folded country name (Indonesian or English, as ICU names it) → ISO 3166-1 alpha-2 code. */
const countries = (): Map<string, string> => {
  if (countryIndex) return countryIndex;
  const index = new Map<string, string>(Object.entries(COUNTRY_ALIASES));
  const names = ['id', 'en'].map((locale) => new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }));
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const first of letters) {
    for (const second of letters) {
      const code = `${first}${second}`;
      if (code === 'ZZ') continue;
      for (const display of names) {
        const name = display.of(code);
        if (name && name !== code && !index.has(foldText(name))) index.set(foldText(name), code);
      }
    }
  }
  countryIndex = index;
  return index;
};

/** "Indonesia", "Jepang", "Japan", "JP", "Korea Selatan": the ISO code. */
export function parseCountry(cell: Cell | undefined): string | null | undefined {
  const raw = cellText(cell);
  if (!raw) return undefined;
  if (/^[A-Za-z]{2}$/.test(raw) && !COUNTRY_ALIASES[raw.toLowerCase()]) {
    const code = raw.toUpperCase();
    return new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(code) ? code : null;
  }
  return countries().get(foldText(raw)) ?? null;
}

export type ImplementationState = 'not_started' | 'on_track' | 'delayed' | 'completed' | 'no_activity';

export const IMPLEMENTATION_STATE_LABELS: Readonly<Record<ImplementationState, Bilingual>> = {
  not_started: { id: 'Belum dimulai', en: 'Not started' },
  on_track: { id: 'Berjalan sesuai rencana', en: 'On track' },
  delayed: { id: 'Terlambat', en: 'Delayed' },
  completed: { id: 'Selesai', en: 'Completed' },
  no_activity: { id: 'Tidak ada kegiatan', en: 'No activity' },
};

const IMPLEMENTATION_WORDS: ReadonlyArray<[ImplementationState, string[]]> = [
  ['not_started', ['belum dimulai', 'belum mulai', 'belum', 'not started']],
  ['on_track', ['berjalan sesuai rencana', 'sesuai rencana', 'berjalan', 'on track', 'aktif', 'terlaksana']],
  ['delayed', ['terlambat', 'tertunda', 'delayed']],
  ['completed', ['selesai', 'tuntas', 'completed', 'done']],
  ['no_activity', ['tidak ada kegiatan', 'tidak ada', 'tidak aktif', 'no activity']],
];

export function parseImplementationState(cell: Cell | undefined): ImplementationState | null | undefined {
  const text = foldText(cellText(cell));
  if (!text) return undefined;
  for (const [state, words] of IMPLEMENTATION_WORDS) if (words.includes(text) || text === state.replace(/_/g, ' ')) return state;
  return null;
}

/** A count: a whole number of 0 or more ("12", 12, "1.200" with the Indonesian thousands dot). */
export function parseCount(cell: Cell | undefined): number | null | undefined {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 0 ? cell : null;
  const text = cellText(cell).replace(/\./g, '');
  if (!text) return undefined;
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}

/** "TI; Teknik Elektro, MB" → ["TI", "Teknik Elektro", "MB"]: units are codes or names, split on , ; and new lines. */
export const splitList = (cell: Cell | undefined): string[] =>
  (cell === null || cell === undefined ? '' : String(cell)).split(/[,;\n]+/).map((item) => item.trim()).filter(Boolean);

// ---------------------------------------------------------------------------------------------
// Rows

export interface RowError {
  row: number;
  field: ImportFieldKey | 'row';
  /** The column the value came from (null when the field was not mapped). */
  column: string | null;
  message: string;
}

export interface PartnerInput {
  name: string;
  country: string;
  level: PartnerLevel;
  institutionType: InstitutionType;
  city?: string;
  website?: string;
  /** `partnerMatchKey(name, country)`: rows and records with the same key are one partner. */
  key: string;
}

export interface AgreementInput {
  kind: AgreementKind;
  ourNumber: string;
  partnerNumber?: string;
  title: string;
  scope?: string;
  /** Absent when the sheet gives none: a new agreement is then taken as signed on its start date. */
  signedDate?: IsoDate;
  startDate: IsoDate;
  endDate?: IsoDate;
  indefinite: boolean;
  /** Unit codes or names as written. */
  units: string[];
  parentNumber?: string;
}

export interface MonitoringInput {
  monitoredOn: IsoDate;
  implementationState: ImplementationState;
  activitiesCount?: number;
  studentParticipants?: number;
  lecturerParticipants?: number;
  outputs?: string;
  followUp?: string;
}

export interface ImportRow {
  row: number;
  partner: PartnerInput | null;
  agreement: AgreementInput | null;
  monitoring: MonitoringInput | null;
  errors: RowError[];
  /** Set when the row repeats an earlier row's agreement exactly: it adds nothing. */
  sameAs?: number;
}

/** The lengths the content types allow, checked here so the message names the column in both languages. */
const MAX_LENGTH: Partial<Record<ImportFieldKey, number>> = {
  partnerName: 200, city: 100, website: 300, ourNumber: 100, partnerNumber: 100, title: 300, scope: 2000, outputs: 5000, followUp: 5000,
};

const label = (key: ImportFieldKey) => IMPORT_FIELD_BY_KEY[key].labels;

/** Reads the mapped cells of each data row into partner, agreement and monitoring values, with each row's errors. */
export function readRows(sheet: Sheet, mapping: ImportMapping): ImportRow[] {
  const column = new Map<ImportFieldKey, number>();
  const header = new Map<ImportFieldKey, string>();
  for (const [name, key] of Object.entries(mapping)) {
    const index = sheet.headers.indexOf(name);
    if (key && index >= 0) {
      column.set(key, index);
      header.set(key, name);
    }
  }
  const out: ImportRow[] = [];
  for (const { row, cells } of sheet.rows) {
    const get = (key: ImportFieldKey): Cell | undefined => (column.has(key) ? cells[column.get(key)!] : undefined);
    const mappedCells = [...column.values()].map((index) => cells[index]);
    if (mappedCells.every((cell) => cellText(cell) === '')) continue;
    const errors: RowError[] = [];
    const fail = (key: ImportFieldKey, message: Bilingual) => errors.push({ row, field: key, column: header.get(key) ?? null, message: formatBilingual(message) });
    const text = (key: ImportFieldKey): string | undefined => {
      const value = cellText(get(key));
      if (!value) return undefined;
      const max = MAX_LENGTH[key];
      if (max && value.length > max) fail(key, { id: `${label(key).id} paling banyak ${max} karakter (ada ${value.length})`, en: `${label(key).en}: at most ${max} characters (${value.length} given)` });
      return value;
    };
    const required = (key: ImportFieldKey) => fail(key, { id: `${label(key).id} wajib diisi`, en: `${label(key).en} is required` });
    const unknown = (key: ImportFieldKey, hint: Bilingual) =>
      fail(key, { id: `${label(key).id} tidak dikenal: "${cellText(get(key))}"; ${hint.id}`, en: `Unknown ${label(key).en.toLowerCase()}: "${cellText(get(key))}"; ${hint.en}` });
    const date = (key: ImportFieldKey): IsoDate | undefined => {
      const value = parseDate(get(key));
      if (value === null) fail(key, { id: `${label(key).id} bukan tanggal: "${cellText(get(key))}"; tulis misalnya 17 Agustus 2024 atau 17/08/2024`, en: `${label(key).en} is not a date: "${cellText(get(key))}"; write e.g. 17 Agustus 2024 or 17/08/2024` });
      return value ?? undefined;
    };
    const count = (key: ImportFieldKey): number | undefined => {
      const value = parseCount(get(key));
      if (value === null) fail(key, { id: `${label(key).id} harus bilangan bulat 0 atau lebih`, en: `${label(key).en} must be a whole number of 0 or more` });
      return value ?? undefined;
    };

    // The partner.
    const name = text('partnerName');
    let partner: PartnerInput | null = null;
    if (!name) required('partnerName');
    const parsedLevel = parseLevel(get('level'));
    if (parsedLevel === null) unknown('level', { id: 'gunakan Internasional, Nasional atau Lokal', en: 'use Internasional, Nasional or Lokal' });
    const parsedCountry = parseCountry(get('country'));
    if (parsedCountry === null) unknown('country', { id: 'tulis nama negara atau kodenya (ID, JP, ...)', en: 'write the country name or its code (ID, JP, ...)' });
    if (parsedCountry === undefined && parsedLevel === 'international') fail('country', { id: 'Negara wajib diisi untuk mitra internasional', en: 'The country is required for an international partner' });
    // A domestic office's sheet leaves the country of Indonesian partners empty.
    const country = parsedCountry ?? 'ID';
    const level: PartnerLevel = parsedLevel ?? (country === 'ID' ? 'national' : 'international');
    const parsedType = parseInstitutionType(get('institutionType'));
    if (parsedType === null) unknown('institutionType', { id: 'gunakan salah satu jenis mitra di Content Manager', en: 'use one of the institution types of the Content Manager' });
    const city = text('city');
    const website = text('website');
    if (name) {
      partner = {
        name,
        country,
        level,
        institutionType: parsedType ?? institutionTypeFromName(name),
        ...(city ? { city } : {}),
        ...(website ? { website } : {}),
        key: partnerMatchKey(name, country),
      };
    }

    // The agreement.
    const ourNumber = text('ourNumber');
    const agreementKeys: ImportFieldKey[] = ['kind', 'partnerNumber', 'title', 'scope', 'signedDate', 'startDate', 'endDate', 'units', 'parentNumber'];
    const monitoringKeys: ImportFieldKey[] = ['monitoredOn', 'implementationState', 'activitiesCount', 'studentParticipants', 'lecturerParticipants', 'outputs', 'followUp'];
    const filled = (keys: ImportFieldKey[]) => keys.some((key) => cellText(get(key)) !== '');
    let agreement: AgreementInput | null = null;
    if (!ourNumber && (filled(agreementKeys) || filled(monitoringKeys))) required('ourNumber');
    if (ourNumber) {
      const kind = parseKind(get('kind'));
      if (kind === undefined) required('kind');
      if (kind === null) unknown('kind', { id: `gunakan ${AGREEMENT_KINDS.map((k) => AGREEMENT_KIND_LABELS[k].id).join(', ')}`, en: `use ${AGREEMENT_KINDS.map((k) => AGREEMENT_KIND_LABELS[k].en).join(', ')}` });
      const title = text('title');
      if (!title) required('title');
      const startDate = date('startDate');
      if (!startDate && parseDate(get('startDate')) === undefined) required('startDate');
      const indefinite = isIndefiniteText(get('endDate'));
      const endDate = indefinite ? undefined : date('endDate');
      const signedDate = date('signedDate');
      const partnerNumber = text('partnerNumber');
      const scope = text('scope');
      const parentNumber = text('parentNumber');
      if (parentNumber && parentNumber === ourNumber) fail('parentNumber', { id: 'Naskah tidak boleh menjadi induk dirinya sendiri', en: 'An agreement cannot be its own parent' });
      if (kind && title && startDate) {
        agreement = {
          kind,
          ourNumber,
          title,
          startDate,
          indefinite,
          ...(signedDate ? { signedDate } : {}),
          ...(endDate ? { endDate } : {}),
          ...(partnerNumber ? { partnerNumber } : {}),
          ...(scope ? { scope } : {}),
          ...(parentNumber ? { parentNumber } : {}),
          units: splitList(get('units')),
        };
      }
    }

    // The monitoring record.
    let monitoring: MonitoringInput | null = null;
    if (filled(monitoringKeys)) {
      const monitoredOn = date('monitoredOn');
      if (parseDate(get('monitoredOn')) === undefined) required('monitoredOn');
      const state = parseImplementationState(get('implementationState'));
      if (state === undefined) required('implementationState');
      if (state === null) unknown('implementationState', { id: `gunakan ${Object.values(IMPLEMENTATION_STATE_LABELS).map((l) => l.id).join(', ')}`, en: `use ${Object.values(IMPLEMENTATION_STATE_LABELS).map((l) => l.en).join(', ')}` });
      const counts = {
        activitiesCount: count('activitiesCount'),
        studentParticipants: count('studentParticipants'),
        lecturerParticipants: count('lecturerParticipants'),
      };
      const outputs = text('outputs');
      const followUp = text('followUp');
      if (monitoredOn && state) {
        monitoring = {
          monitoredOn,
          implementationState: state,
          ...Object.fromEntries(Object.entries(counts).filter(([, value]) => value !== undefined)),
          ...(outputs ? { outputs } : {}),
          ...(followUp ? { followUp } : {}),
        };
      }
    }
    out.push({ row, partner, agreement, monitoring, errors });
  }
  return out;
}

const sameAgreement = (a: AgreementInput, b: AgreementInput) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The rows in the order they can be written: an agreement after the agreement it names as its
 * parent when that one is in the file too (MoU, then MoA, then IA, whatever the sheet's order).
 * A number given twice is an error on the later row unless the row says exactly the same
 * (then it is kept as `sameAs` and adds nothing); a parent chain that loops is an error.
 */
export function planRows(rows: ImportRow[], headerOf: (key: ImportFieldKey) => string | null = () => null): ImportRow[] {
  const first = new Map<string, ImportRow>();
  for (const row of rows) {
    const number = row.agreement?.ourNumber;
    if (!number) continue;
    const earlier = first.get(number);
    if (!earlier) {
      first.set(number, row);
      continue;
    }
    if (earlier.agreement && row.agreement && sameAgreement(earlier.agreement, row.agreement) && earlier.partner?.key === row.partner?.key) {
      row.sameAs = earlier.row;
    } else {
      row.errors.push({
        row: row.row,
        field: 'ourNumber',
        column: headerOf('ourNumber'),
        message: formatBilingual({ id: `Nomor naskah ${number} sudah dipakai di baris ${earlier.row}`, en: `The agreement number ${number} is already used in row ${earlier.row}` }),
      });
    }
  }

  const ordered: ImportRow[] = [];
  const state = new Map<ImportRow, 'visiting' | 'done'>();
  const visit = (row: ImportRow, chain: ImportRow[]) => {
    if (state.get(row) === 'done') return;
    if (state.get(row) === 'visiting') {
      for (const looped of chain.slice(chain.indexOf(row))) {
        looped.errors.push({
          row: looped.row,
          field: 'parentNumber',
          column: headerOf('parentNumber'),
          message: formatBilingual({ id: 'Naskah induk membentuk lingkaran', en: 'The parent agreements form a loop' }),
        });
      }
      return;
    }
    state.set(row, 'visiting');
    const parentNumber = row.agreement?.parentNumber;
    const parent = parentNumber ? first.get(parentNumber) : undefined;
    if (parent && parent !== row) visit(parent, [...chain, row]);
    state.set(row, 'done');
    ordered.push(row);
  };
  for (const row of rows) visit(row, []);
  return ordered;
}
