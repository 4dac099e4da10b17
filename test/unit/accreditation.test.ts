import fs from 'fs';
import path from 'path';
import { buildLkpsTable1, durationText, endYearText, lkpsCell, type LkpsReportInput } from '../../src/domain/accreditation/lkps';
import { ACCREDITATION_INSTRUMENTS, INSTRUMENTS, instrumentOf } from '../../src/domain/accreditation/instruments';
import { computeIku6, IKU6_CATEGORIES, IKU6_QUALIFYING_FORMS, type Iku6Fact } from '../../src/domain/accreditation/iku6';
import { buildEvidencePack, EVIDENCE_KPI_CODES, KPI_EVIDENCE, safeSegment } from '../../src/domain/accreditation/evidence-pack';
import { ACCREDITATION_INSTRUMENT_LABELS } from '../../src/contracts/labels';
import { KPI_CODES } from '../../src/seed/reference-data';

/** Issue 12: the pure builders of LKPS Table 1, IKU 6 and the KPI evidence pack. */
const ROOT = path.resolve(__dirname, '..', '..');
const enumOf = (file: string, attribute: string): string[] =>
  (JSON.parse(fs.readFileSync(path.join(ROOT, 'src', 'api', file, 'content-types', file, 'schema.json'), 'utf8')) as { attributes: Record<string, { enum: string[] }> }).attributes[attribute].enum;

const report = (over: Partial<LkpsReportInput>): LkpsReportInput => ({
  documentId: 'r1', title: 'Magang', tridharma: 'education', workflowState: 'verified', startDate: '2025-02-01', endDate: '2025-07-31',
  benefit: 'Kurikulum', studentParticipants: 12, lecturerParticipants: 2, partnerName: 'PT A', partnerLevel: 'national',
  agreement: { documentId: 'a1', ourNumber: 'PKS/1', endDate: '2027-12-31', indefinite: false }, ...over,
});

describe('LKPS Table 1', () => {
  const reports = [
    report({ documentId: 'r1' }),
    report({ documentId: 'r2', title: 'Riset', tridharma: 'research', startDate: '2024-01-10', endDate: '2024-01-10', partnerLevel: 'international', agreement: { documentId: 'a2', ourNumber: 'MoU/2', indefinite: true } }),
    report({ documentId: 'r3', title: 'Bakti', tridharma: 'community_service', startDate: '2023-12-01', endDate: '2024-01-05', partnerLevel: 'local_regional', agreement: null }),
    report({ documentId: 'r4', title: 'Lama', startDate: '2022-03-01', endDate: '2023-12-31' }),
    report({ documentId: 'r5', title: 'Draf', workflowState: 'draft' }),
    report({ documentId: 'r6', title: 'Dikembalikan', workflowState: 'returned' }),
    report({ documentId: 'r7', title: 'Diajukan', workflowState: 'submitted' }),
    report({ documentId: 'r8', title: 'Nanti', startDate: '2027-01-01', endDate: '2027-02-01' }),
  ];

  test('BAN-PT: three tables of the verified reports touching TS-2..TS, the level ticked', () => {
    const table = buildLkpsTable1({ year: 2025, unitName: 'TI', instrument: 'ban_pt' }, reports);
    expect(table.years).toEqual([2023, 2024, 2025]);
    expect(table.tables.map((t) => [t.code, t.rows.map((row) => row.reportDocumentId)])).toEqual([['1-1', ['r4', 'r1']], ['1-2', ['r2']], ['1-3', ['r3']]]);
    expect(table.total).toBe(4);
    const [r4, r1] = table.tables[0].rows;
    expect(r1).toMatchObject({ number: 2, partner: 'PT A', level: 'national', days: 181, endYear: '2027', evidence: 'Laporan kegiatan / Activity report r1; Naskah / Agreement PKS/1' });
    expect(r4.number).toBe(1);
    const cells = table.instrument.columns.map((column) => lkpsCell(r1, column.field));
    expect(cells).toEqual([2, 'PT A', '', '√', '', 'Magang', 'Kurikulum', '2025-02-01 s.d. / to 2025-07-31 (181 hari / days)', 'Laporan kegiatan / Activity report r1; Naskah / Agreement PKS/1', '2027']);
    expect(table.tables[1].rows[0].endYear).toBe('Tidak terbatas / Indefinite');
    expect(table.tables[2].rows[0]).toMatchObject({ endYear: '-', evidence: 'Laporan kegiatan / Activity report r3', agreementNumber: null });
  });

  test('LAM Teknik: one table with the tridharma column; LAM INFOKOM: the level in words', () => {
    const teknik = buildLkpsTable1({ year: 2025, unitName: 'TM', instrument: 'lam_teknik' }, reports);
    expect(teknik.tables).toHaveLength(1);
    expect(teknik.tables[0].rows.map((row) => row.reportDocumentId)).toEqual(['r4', 'r3', 'r2', 'r1']);
    const fields = teknik.instrument.columns.map((column) => column.field);
    expect(fields).toContain('tridharma');
    expect(lkpsCell(teknik.tables[0].rows[2], 'tridharma')).toBe('Penelitian / Research');
    expect(lkpsCell(teknik.tables[0].rows[3], 'participants')).toBe('12 / 2');
    const infokom = buildLkpsTable1({ year: 2025, unitName: 'IF', instrument: 'lam_infokom' }, reports);
    expect(infokom.instrument.columns.map((column) => column.field)).toEqual(['number', 'partner', 'level', 'title', 'benefit', 'duration', 'evidence', 'endYear']);
    expect(lkpsCell(infokom.tables[1].rows[0], 'level')).toBe('Internasional / International');
  });

  test('an unknown or missing instrument is BAN-PT; durations and end years', () => {
    expect(instrumentOf(null).code).toBe('ban_pt');
    expect(instrumentOf('lamemba').code).toBe('ban_pt');
    expect(durationText('2024-01-10', '2024-01-10')).toBe('2024-01-10 s.d. / to 2024-01-10 (1 hari / days)');
    expect(durationText('2024-01-10', null)).toBe('2024-01-10 (tanpa tanggal selesai / no end date)');
    expect(endYearText({ documentId: 'x', ourNumber: 'n', endDate: null })).toBe('-');
  });

  test('every instrument has a label, its enum in the unit schema, and a column for each LKPS item', () => {
    expect([...enumOf('unit', 'accreditationInstrument')].sort()).toEqual([...ACCREDITATION_INSTRUMENTS].sort());
    expect(Object.keys(ACCREDITATION_INSTRUMENT_LABELS).sort()).toEqual([...ACCREDITATION_INSTRUMENTS].sort());
    for (const instrument of Object.values(INSTRUMENTS)) {
      const fields = instrument.columns.map((column) => column.field);
      for (const needed of ['partner', 'title', 'benefit', 'duration', 'evidence', 'endYear']) expect(fields).toContain(needed);
      expect(fields.some((field) => field === 'level' || field === 'levelInternational')).toBe(true);
      expect(instrument.tables.flatMap((table) => table.tridharma).sort()).toEqual(['community_service', 'education', 'research']);
    }
  });
});

describe('IKU 6', () => {
  const programs = [1, 2, 3, 4, 5, 6].map((id) => ({ id, documentId: `p${id}`, code: `P${id}`, name: `Prodi ${id}` }));
  const example = (title: string) => ({ reportDocumentId: title, title, agreementNumber: 'PKS/1', partnerName: 'PT A' });
  const facts: Iku6Fact[] = [
    // P1 meets it: a verified qualifying report under an agreement in force.
    { unitId: 1, source: 'report', partnerCategory: 'national_company', activityForm: 'internship_semester', workflowState: 'verified', agreementInForce: true, count: 2, examples: [example('Magang')] },
    // P2: only an 'other' partner.
    { unitId: 2, source: 'agreement', partnerCategory: 'other', activityForm: 'internship_semester', count: 1 },
    // P3: a qualifying partner, no qualifying form.
    { unitId: 3, source: 'agreement', partnerCategory: 'msme', activityForm: null, count: 1 },
    // P4: agreement qualifies, but its report is only submitted (counts nowhere).
    { unitId: 4, source: 'agreement', partnerCategory: 'msme', activityForm: 'joint_research', count: 1 },
    { unitId: 4, source: 'report', partnerCategory: 'msme', activityForm: 'joint_research', workflowState: 'submitted', agreementInForce: true, count: 1 },
    // P5: a verified report, not under an agreement in force.
    { unitId: 5, source: 'report', partnerCategory: 'top_university', activityForm: 'double_degree', workflowState: 'verified', agreementInForce: false, count: 1 },
    // P6: nothing at all.
  ];

  test('status, what is missing, and the percentage', () => {
    const result = computeIku6(2025, programs, facts);
    expect(result.rows.map((row) => [row.code, row.met, row.missing])).toEqual([
      ['P1', true, null], ['P2', false, 'qualifying_partner'], ['P3', false, 'qualifying_form'], ['P4', false, 'verified_report'],
      ['P5', false, 'agreement_in_force'], ['P6', false, 'qualifying_partner'],
    ]);
    expect(result.rows[0]).toMatchObject({ qualifyingReports: 2, evidence: [example('Magang')] });
    expect(result).toMatchObject({ studyPrograms: 6, met: 1, percentage: 16.7 });
    expect(result.notMet.map((row) => row.code)).toEqual(['P2', 'P3', 'P4', 'P5', 'P6']);
    expect(computeIku6(2025, [], []).percentage).toBeNull();
  });

  test('the qualifying lists are the schema enums (other does not qualify)', () => {
    expect([...enumOf('partner', 'iku6Category')].sort()).toEqual([...IKU6_CATEGORIES].sort());
    expect([...enumOf('cooperation-type', 'iku6Criterion')].sort()).toEqual([...IKU6_QUALIFYING_FORMS].sort());
  });
});

describe('KPI evidence pack', () => {
  test('the codes are the seeded KPI codes, each with its sections', () => {
    expect([...EVIDENCE_KPI_CODES]).toEqual([...KPI_CODES]);
    for (const code of EVIDENCE_KPI_CODES) expect(KPI_EVIDENCE[code].sections.length).toBeGreaterThan(0);
  });

  test('index rows in section order, each file a safe, unique path; missing files listed, not packed', () => {
    const file = (name: string, size = 10, missing = false) => ({ source: `/tmp/${name}`, name, size, missing });
    const pack = buildEvidencePack('B.1.2.5.8', 2025, [
      { section: 'activity_reports', documentId: 'r1', reference: 'TI r1', title: 'Magang', date: '2025-02-01', details: 'd', files: [file('foto.jpg'), file('foto.jpg'), file('../../etc/passwd', 5, true)] },
      { section: 'agreements', documentId: 'a1', reference: 'PKS/1', title: 'Naskah', date: '2024-01-01', details: '', files: [file('naskah.pdf', 100)] },
      { section: 'surveys', documentId: 's1', reference: 'S', title: 'not a section of this code', date: null, details: '', files: [] },
    ]);
    expect(pack.rows.map((row) => [row.number, row.section])).toEqual([[1, 'agreements'], [2, 'activity_reports']]);
    expect(pack.rows[0]).toMatchObject({ fileList: 'files/agreements/PKS_1/naskah.pdf', details: '-' });
    expect(pack.rows[1].files.map((f) => f.path)).toEqual(['files/activity_reports/TI r1/foto.jpg', 'files/activity_reports/TI r1/foto (2).jpg', 'files/activity_reports/TI r1/__.._etc_passwd']);
    expect(pack.files.map((f) => f.path)).toEqual(['files/agreements/PKS_1/naskah.pdf', 'files/activity_reports/TI r1/foto.jpg', 'files/activity_reports/TI r1/foto (2).jpg']);
    expect(pack).toMatchObject({ missing: 1, bytes: 120 });
    expect(safeSegment('a/b\\c:d')).toBe('a_b_c_d');
    expect(safeSegment('')).toBe('_');
  });
});
