import ExcelJS from 'exceljs';
import {
  checkMapping, guessMapping, layoutKey, parseCountry, parseDate, parseKind, parseLevel, planRows, readRows, type Sheet,
} from '../../src/domain/import';
import { readSheet, sheetFormat } from '../../src/domain/import-sheet';
import { editDistance, findDuplicateGroups, institutionTypeFromName, partnerMatchKey, partnerNameKey } from '../../src/domain/partner-names';

describe('partner names', () => {
  it.each([
    ['PT. Maju Jaya Tbk', 'maju jaya'],
    ['P.T. MAJU  JAYA', 'maju jaya'],
    ['PT Pelabuhan Indonesia (Persero)', 'pelabuhan indonesia'],
    ['CV Sinar-Batam', 'sinar batam'],
    ['Universitas Gadjah Mada', 'gadjah mada'],
    ['Univ. Gadjah Mada', 'gadjah mada'],
    ['University of Gadjah Mada', 'gadjah mada'],
    ['Université de Lyon', 'de lyon'],
    ['Café  Nusantara', 'cafe nusantara'],
    ['PT', 'pt'],
  ])('%s → %s', (name, key) => expect(partnerNameKey(name)).toBe(key));

  it('matches by name key and country', () => {
    expect(partnerMatchKey('PT Maju Jaya', 'id')).toBe(partnerMatchKey('maju jaya tbk', 'ID'));
    expect(partnerMatchKey('PT Maju Jaya', 'ID')).not.toBe(partnerMatchKey('PT Maju Jaya', 'MY'));
  });

  it('computes the edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('groups exact and near duplicates of one country, not across countries', () => {
    const partners = [
      { documentId: 'a', name: 'PT Maju Jaya Tbk', country: 'ID' },
      { documentId: 'b', name: 'Maju Jaya', country: 'ID' },
      { documentId: 'c', name: 'PT Maju Jayaa', country: 'ID' },
      { documentId: 'd', name: 'Maju Jaya', country: 'MY' },
      { documentId: 'e', name: 'Universitas Gadjah Mada', country: 'ID' },
      { documentId: 'f', name: 'University of Gadjah Mada', country: 'ID' },
      { documentId: 'g', name: 'PT Lain Sekali', country: 'ID' },
    ];
    const groups = findDuplicateGroups(partners);
    expect(groups.map((group) => group.partners.map((p) => p.documentId).sort())).toEqual([['a', 'b', 'c'], ['e', 'f']]);
    expect(groups.find((group) => group.partners.length === 3)!.match).toBe('near');
    expect(groups.find((group) => group.partners.length === 2)!.match).toBe('exact');
  });

  it('infers the institution type from the name', () => {
    expect(institutionTypeFromName('PT Pelabuhan Indonesia (Persero)')).toBe('state_enterprise');
    expect(institutionTypeFromName('PT Maju Jaya Tbk')).toBe('industry');
    expect(institutionTypeFromName('Universitas Batam')).toBe('university');
    expect(institutionTypeFromName('Dinas Pendidikan Kota Batam')).toBe('government');
    expect(institutionTypeFromName('Kelompok Tani')).toBe('other');
  });
});

describe('cell readers', () => {
  it.each([
    ['12 Agustus 2024', '2024-08-12'],
    ['1 Agt 2024', '2024-08-01'],
    ['17/08/2024', '2024-08-17'],
    ['17-08-24', '2024-08-17'],
    ['2024-08-17', '2024-08-17'],
    ['3 Des. 2025', '2025-12-03'],
    ['Januari 5, 2023', '2023-01-05'],
    ['31/02/2024', null],
    ['kemarin', null],
    ['', undefined],
    ['-', undefined],
  ])('date %s', (text, iso) => expect(parseDate(text)).toBe(iso));

  it('reads date cells and serial numbers', () => {
    expect(parseDate(new Date(Date.UTC(2024, 7, 12)))).toBe('2024-08-12');
    expect(parseDate(45516)).toBe('2024-08-12');
  });

  it('reads kinds, levels and countries', () => {
    expect(['MoU', 'MoA/PKS', 'PKS', 'IA', 'Adendum', 'Kontrak', 'mou', 'Surat'].map(parseKind)).toEqual(['mou', 'moa', 'moa', 'ia', 'addendum', 'contract', 'mou', null]);
    expect(['Internasional', 'Nasional', 'Lokal', 'regional', 'Galaksi'].map(parseLevel)).toEqual(['international', 'national', 'local_regional', 'local_regional', null]);
    expect(['Indonesia', 'Jepang', 'Japan', 'jp', 'Korea Selatan', 'Belanda', 'Negeri Dongeng'].map(parseCountry)).toEqual(['ID', 'JP', 'JP', 'JP', 'KR', 'NL', null]);
  });
});

describe('mapping and rows', () => {
  const headers = ['No', 'Nama Mitra', 'Jenis Naskah (MoU/MoA/IA)', 'Nomor Naskah (Polibatam)', 'Nomor Naskah Mitra', 'Judul/Ruang Lingkup', 'Tanggal Mulai', 'Tanggal Berakhir', 'Tingkat', 'Negara', 'Kota', 'Unit Pelaksana', 'Naskah Induk', 'Status'];

  it('guesses the office layout and keys it by the normalised header row', () => {
    expect(guessMapping(headers)).toEqual({
      'Nama Mitra': 'partnerName',
      'Jenis Naskah (MoU/MoA/IA)': 'kind',
      'Nomor Naskah (Polibatam)': 'ourNumber',
      'Nomor Naskah Mitra': 'partnerNumber',
      'Judul/Ruang Lingkup': 'title',
      'Tanggal Mulai': 'startDate',
      'Tanggal Berakhir': 'endDate',
      Tingkat: 'level',
      Negara: 'country',
      Kota: 'city',
      'Unit Pelaksana': 'units',
      'Naskah Induk': 'parentNumber',
    });
    expect(layoutKey(['Nama  Mitra', 'NEGARA'])).toBe(layoutKey(['nama mitra', 'Negara']));
  });

  it('refuses a mapping naming an unknown column or field, a field twice, or no partner name', () => {
    expect(checkMapping({ 'Nama Mitra': 'partnerName' }, headers)).toEqual([]);
    const errors = checkMapping({ Kota: 'city', Negara: 'city', Hantu: 'title', Tingkat: 'nope' as never }, headers);
    expect(errors.map((error) => error.path.join('.'))).toEqual(['mapping.Negara', 'mapping.Hantu', 'mapping.Tingkat', 'mapping.partnerName']);
    expect(checkMapping({ 'Nama Mitra': 'partnerName', Kota: 'startDate' }, headers).map((error) => error.path.join('.'))).toEqual(['mapping.ourNumber']);
  });

  const sheet = (rows: unknown[][]): Sheet => ({ sheetName: 'S', headerRow: 1, headers, rows: rows.map((cells, index) => ({ row: index + 2, cells: cells as never })) });

  it('reads rows with each error at its row and column, and plans parents first', () => {
    const rows = readRows(
      sheet([
        ['1', 'PT Maju Jaya', 'IA', 'IA/1', '', 'Magang', '1 Maret 2024', '1 Maret 2025', 'Nasional', 'Indonesia', 'Batam', 'IF; MB', 'MOA/1', 'Aktif'],
        ['2', 'Maju Jaya Tbk', 'MoA', 'MOA/1', 'P-9', 'Kerja sama', '01/01/2024', 'Tanpa batas', '', '', '', '', 'MOU/1'],
        ['3', 'PT Maju Jaya', 'MoU', 'MOU/1', '', 'Payung', '2023-01-01', '2030-01-01'],
        ['4', '', 'Surat', 'X/1', '', '', '31/02/2024', '', 'Galaksi'],
        [],
        ['6', 'PT Maju Jaya', 'MoU', 'MOU/1', '', 'Payung', '2023-01-01', '2030-01-01'],
        ['7', 'PT Lain', 'MoU', 'MOU/1', '', 'Lain', '2023-01-01', '2030-01-01'],
      ]),
      guessMapping(headers),
    );
    expect(rows.map((row) => row.row)).toEqual([2, 3, 4, 5, 7, 8]);
    expect(rows[0].agreement).toMatchObject({ kind: 'ia', ourNumber: 'IA/1', startDate: '2024-03-01', endDate: '2025-03-01', units: ['IF', 'MB'], parentNumber: 'MOA/1' });
    expect(rows[1].agreement).toMatchObject({ kind: 'moa', indefinite: true, partnerNumber: 'P-9' });
    expect(rows[1].agreement!.endDate).toBeUndefined();
    expect(rows[0].partner!.key).toBe(rows[1].partner!.key);
    expect(rows[0].partner).toMatchObject({ country: 'ID', level: 'national', institutionType: 'industry' });
    const bad = rows[3];
    expect(bad.errors.map((error) => [error.row, error.field, error.column])).toEqual([
      [5, 'partnerName', 'Nama Mitra'],
      [5, 'level', 'Tingkat'],
      [5, 'kind', 'Jenis Naskah (MoU/MoA/IA)'],
      [5, 'title', 'Judul/Ruang Lingkup'],
      [5, 'startDate', 'Tanggal Mulai'],
    ]);
    expect(bad.errors[0].message).toBe('Nama mitra wajib diisi (Partner name is required)');

    const planned = planRows(rows, () => 'Nomor Naskah (Polibatam)');
    expect(planned.map((row) => row.row)).toEqual([4, 3, 2, 5, 7, 8]);
    expect(planned.find((row) => row.row === 7)!.sameAs).toBe(4);
    expect(planned.find((row) => row.row === 8)!.errors).toEqual([
      { row: 8, field: 'ourNumber', column: 'Nomor Naskah (Polibatam)', message: 'Nomor naskah MOU/1 sudah dipakai di baris 4 (The agreement number MOU/1 is already used in row 4)' },
    ]);
  });

  it('reports a parent loop', () => {
    const rows = planRows(readRows(sheet([
      ['1', 'A Corp', 'MoA', 'A', '', 'a', '2024-01-01', '2025-01-01', '', '', '', '', 'B'],
      ['2', 'A Corp', 'MoA', 'B', '', 'b', '2024-01-01', '2025-01-01', '', '', '', '', 'A'],
    ]), guessMapping(headers)));
    expect(rows.flatMap((row) => row.errors.map((error) => error.field))).toEqual(['parentNumber', 'parentNumber']);
  });
});

describe('reading files', () => {
  it('reads an XLSX with a title above the header row, and a ";" CSV, the same way', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Daftar Kerjasama');
    ws.addRow(['DAFTAR KERJASAMA POLITEKNIK NEGERI BATAM']);
    ws.addRow([]);
    ws.addRow(['No', 'Nama Mitra', 'Tanggal Mulai', 'Negara']);
    ws.addRow([1, { richText: [{ text: 'PT ' }, { text: 'Maju' }] }, new Date(Date.UTC(2024, 0, 2)), 'Indonesia']);
    const xlsx = await readSheet(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(xlsx).toMatchObject({ sheetName: 'Daftar Kerjasama', headerRow: 3, headers: ['No', 'Nama Mitra', 'Tanggal Mulai', 'Negara'] });
    expect(xlsx.rows).toEqual([{ row: 4, cells: [1, 'PT Maju', new Date(Date.UTC(2024, 0, 2)), 'Indonesia'] }]);

    const csv = await readSheet(Buffer.from('\uFEFFNo;Nama Mitra;Tanggal Mulai;Negara\n1;PT Maju;02/01/2024;Indonesia\n'));
    expect(csv.headers).toEqual(['No', 'Nama Mitra', 'Tanggal Mulai', 'Negara']);
    expect(csv.rows).toEqual([{ row: 2, cells: ['1', 'PT Maju', '02/01/2024', 'Indonesia'] }]);
    expect(parseDate(csv.rows[0].cells[2])).toBe('2024-01-02');
  });

  it('refuses what is not XLSX or CSV', () => {
    expect(() => sheetFormat(Buffer.from('%PDF-1.4 ...'))).toThrow(/XLSX atau CSV/);
    expect(() => sheetFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toThrow(/\.xls/);
    expect(() => sheetFormat(Buffer.from([0x41, 0x00, 0x42]))).toThrow(/XLSX atau CSV/);
    expect(sheetFormat(Buffer.from('a,b\n1,2'))).toBe('csv');
  });
});
