/**
 * Accreditation instruments and the layout of their cooperation table (LKPS Table 1, "Kerjasama
 * Tridharma"), as data: each study program is accredited under one instrument (the unit's
 * `accreditationInstrument`, BAN-PT by default), and its table is printed with that instrument's
 * columns. A new instrument (LAMEMBA, LAMDIK, …) is one entry here, its enum value in the unit
 * schema and its label; nothing else changes.
 *
 * Layouts as best known from the instruments' LKPS templates (check against the current template
 * before an accreditation round, the associations revise them):
 * - BAN-PT, IAPS 4.0 (Peraturan BAN-PT No. 5/2019), LKPS Tabel 1: three tables, 1-1 education,
 *   1-2 research, 1-3 community service; the level ticked in three columns (Internasional /
 *   Nasional / Lokal-Wilayah); "Tahun berakhirnya kerjasama (YYYY)".
 * - LAM INFOKOM (IAPS LAM INFOKOM), LKPS Tabel 1: the same three tables; the level written in one
 *   column; the period of validity as its end year.
 * - LAM Teknik (IAPS LAM Teknik), LKPS Tabel 1 "Kerja Sama Tridharma": one table with a column
 *   naming the tridharma area, the level ticked, participants named.
 */
import type { Bilingual } from '../bilingual';

export const ACCREDITATION_INSTRUMENTS = ['ban_pt', 'lam_teknik', 'lam_infokom'] as const;
export type AccreditationInstrument = (typeof ACCREDITATION_INSTRUMENTS)[number];
export const DEFAULT_INSTRUMENT: AccreditationInstrument = 'ban_pt';

export const LKPS_TRIDHARMA = ['education', 'research', 'community_service'] as const;
export type LkpsTridharma = (typeof LKPS_TRIDHARMA)[number];

/** What a column shows, read from a row of the table (lkps.ts). */
export type LkpsField =
  | 'number' | 'partner' | 'level' | 'levelInternational' | 'levelNational' | 'levelLocal' | 'tridharma'
  | 'title' | 'benefit' | 'participants' | 'duration' | 'evidence' | 'endYear';

export interface LkpsColumn {
  field: LkpsField;
  header: Bilingual;
  /** A header spanning this and the next columns of the same group (the level's three ticks). */
  group?: Bilingual;
  /** Width in the XLSX, in characters. */
  width: number;
}

export interface LkpsTableDefinition {
  /** "1-1", "1-2", "1-3" or "1". */
  code: string;
  title: Bilingual;
  /** The tridharma areas whose rows the table holds. */
  tridharma: readonly LkpsTridharma[];
}

export interface InstrumentDefinition {
  code: AccreditationInstrument;
  name: Bilingual;
  /** The instrument's document the layout follows. */
  source: string;
  tables: readonly LkpsTableDefinition[];
  columns: readonly LkpsColumn[];
}

const LEVEL_GROUP: Bilingual = { id: 'Tingkat', en: 'Level' };
const col = (field: LkpsField, id: string, en: string, width: number, group?: Bilingual): LkpsColumn => ({ field, header: { id, en }, width, ...(group ? { group } : {}) });

const NUMBER = col('number', 'No.', 'No.', 5);
const PARTNER = col('partner', 'Lembaga Mitra', 'Partner institution', 28);
const TICKS = [
  col('levelInternational', 'Internasional', 'International', 8, LEVEL_GROUP),
  col('levelNational', 'Nasional', 'National', 8, LEVEL_GROUP),
  col('levelLocal', 'Lokal/Wilayah', 'Local/regional', 8, LEVEL_GROUP),
];
const TITLE = col('title', 'Judul Kegiatan Kerjasama', 'Cooperation activity', 32);
const BENEFIT = col('benefit', 'Manfaat bagi PS yang Diakreditasi', 'Benefit for the study program', 32);
const DURATION = col('duration', 'Waktu dan Durasi', 'Time and duration', 22);
const EVIDENCE = col('evidence', 'Bukti Kerjasama', 'Evidence', 34);
const END_YEAR = col('endYear', 'Tahun Berakhirnya Kerjasama (YYYY)', 'Year the cooperation ends (YYYY)', 12);

const PER_TRIDHARMA: readonly LkpsTableDefinition[] = [
  { code: '1-1', title: { id: 'Tabel 1-1 Kerjasama Pendidikan', en: 'Table 1-1 Cooperation in education' }, tridharma: ['education'] },
  { code: '1-2', title: { id: 'Tabel 1-2 Kerjasama Penelitian', en: 'Table 1-2 Cooperation in research' }, tridharma: ['research'] },
  { code: '1-3', title: { id: 'Tabel 1-3 Kerjasama Pengabdian kepada Masyarakat', en: 'Table 1-3 Cooperation in community service' }, tridharma: ['community_service'] },
];

export const INSTRUMENTS: Readonly<Record<AccreditationInstrument, InstrumentDefinition>> = {
  ban_pt: {
    code: 'ban_pt',
    name: { id: 'BAN-PT (IAPS 4.0)', en: 'BAN-PT (IAPS 4.0)' },
    source: 'BAN-PT, Instrumen Akreditasi Program Studi 4.0, LKPS Tabel 1 Kerjasama Tridharma',
    tables: PER_TRIDHARMA,
    columns: [NUMBER, PARTNER, ...TICKS, TITLE, BENEFIT, DURATION, EVIDENCE, END_YEAR],
  },
  lam_infokom: {
    code: 'lam_infokom',
    name: { id: 'LAM INFOKOM', en: 'LAM INFOKOM' },
    source: 'LAM INFOKOM, Instrumen Akreditasi Program Studi, LKPS Tabel 1 Kerjasama Tridharma',
    tables: PER_TRIDHARMA,
    columns: [
      NUMBER, PARTNER, col('level', 'Tingkat (Internasional/Nasional/Wilayah)', 'Level (international/national/regional)', 16),
      TITLE, BENEFIT, DURATION, EVIDENCE, col('endYear', 'Masa Berlaku (Tahun Berakhir)', 'Valid until (year)', 12),
    ],
  },
  lam_teknik: {
    code: 'lam_teknik',
    name: { id: 'LAM Teknik', en: 'LAM Teknik' },
    source: 'LAM Teknik, Instrumen Akreditasi Program Studi, LKPS Tabel 1 Kerja Sama Tridharma',
    tables: [{ code: '1', title: { id: 'Tabel 1 Kerja Sama Tridharma', en: 'Table 1 Tridharma cooperation' }, tridharma: LKPS_TRIDHARMA }],
    columns: [
      NUMBER, PARTNER, ...TICKS, col('tridharma', 'Bidang Tridharma', 'Tridharma area', 16), TITLE, BENEFIT,
      col('participants', 'Peserta (Mahasiswa/Dosen)', 'Participants (students/lecturers)', 14), DURATION, EVIDENCE, END_YEAR,
    ],
  },
};

export const isAccreditationInstrument = (value: unknown): value is AccreditationInstrument =>
  typeof value === 'string' && (ACCREDITATION_INSTRUMENTS as readonly string[]).includes(value);

/** The instrument of a study program: its own, else BAN-PT's. */
export const instrumentOf = (value: unknown): InstrumentDefinition => INSTRUMENTS[isAccreditationInstrument(value) ? value : DEFAULT_INSTRUMENT];
