/**
 * The office's "daftar kerjasama" sheet, as Humas offices keep it: a title above, then the
 * columns below. Builds the sample in docs/ (scripts/make-import-sample.js) and the benchmark's
 * 10,000-agreement sheet (scripts/bench-import.js), as XLSX or CSV.
 */
const ExcelJS = require('exceljs');

const HEADERS = [
  'No', 'Nama Mitra', 'Jenis Naskah (MoU/MoA/IA)', 'Nomor Naskah (Polibatam)', 'Nomor Naskah Mitra', 'Judul/Ruang Lingkup',
  'Tanggal Mulai', 'Tanggal Berakhir', 'Tingkat (Internasional/Nasional/Lokal)', 'Negara', 'Kota', 'Unit Pelaksana', 'Naskah Induk', 'Status',
];

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** "12 Agustus 2024", as the offices type dates. */
const tanggal = (iso) => {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
};

/**
 * A workbook (or CSV text) of `rows`, each an array in HEADERS order (without "No", which is
 * numbered here). XLSX gets the title rows offices put above the table; CSV is the table alone,
 * ";"-separated as Indonesian Excel saves it.
 */
const buildDaftarKerjasama = async (rows, { format = 'xlsx', title = 'DAFTAR KERJASAMA POLITEKNIK NEGERI BATAM' } = {}) => {
  const numbered = rows.map((row, index) => [index + 1, ...row]);
  if (format === 'csv') {
    const quote = (value) => {
      const text = value instanceof Date ? value.toISOString().slice(0, 10) : value === null || value === undefined ? '' : String(value);
      return /[;"\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    };
    return Buffer.from(`\uFEFF${[HEADERS, ...numbered].map((row) => row.map(quote).join(';')).join('\r\n')}\r\n`, 'utf8');
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Daftar Kerjasama');
  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.addRow([`Keadaan per ${tanggal(new Date().toISOString().slice(0, 10))}`]);
  sheet.addRow([]);
  const header = sheet.addRow(HEADERS);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  for (const row of numbered) sheet.addRow(row);
  sheet.columns.forEach((column, index) => {
    column.width = [5, 38, 14, 28, 22, 44, 18, 18, 14, 14, 14, 22, 28, 12][index] ?? 14;
  });
  sheet.views = [{ state: 'frozen', ySplit: 4 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

/** The sample of docs/: an MoU → MoA → IA chain, an international partner, a partner written two ways, the usual date spellings. */
const SAMPLE_ROWS = [
  ['PT Maju Jaya Tbk', 'MoU', '001/PL29/HM.01/2024', 'MJ-LGL/2024/017', 'Kerja sama pendidikan, penelitian dan pengabdian', '12 Januari 2024', '11 Januari 2029', 'Nasional', 'Indonesia', 'Batam', 'JTI', '', 'Aktif'],
  ['Maju Jaya', 'MoA/PKS', '014/PL29/HM.01/2024', 'MJ-HR/2024/102', 'Program magang mahasiswa Teknik Informatika', '01/03/2024', '28/02/2027', 'Nasional', 'Indonesia', 'Batam', 'JTI; JTE', '001/PL29/HM.01/2024', 'Aktif'],
  ['PT. MAJU JAYA TBK', 'IA', '022/PL29/HM.01/2024', '', 'Magang industri semester ganjil 2024/2025', '2 Sep 2024', '31 Jan 2025', 'Nasional', 'Indonesia', 'Batam', 'JTI', '014/PL29/HM.01/2024', 'Berakhir'],
  ['PT Pelabuhan Batam (Persero)', 'MoU', '031/PL29/HM.01/2023', 'PB-01/MOU/2023', 'Pengembangan sumber daya manusia kepelabuhanan', '17 Agustus 2023', 'Tanpa batas', 'Nasional', 'Indonesia', 'Batam', 'JTM', '', 'Aktif'],
  ['PT Pelabuhan Batam (Persero)', 'MoA', '045/PL29/HM.01/2024', 'PB-07/PKS/2024', 'Pelatihan dan sertifikasi operator crane', '05-06-2024', '04-06-2026', 'Nasional', 'Indonesia', 'Batam', 'JTM; JTE', '031/PL29/HM.01/2023', 'Aktif'],
  ['Universitas Teknologi Nanyang', 'MoU', '052/PL29/HM.01/2024', 'NTU-2024-0442', 'Academic and research collaboration', '1 Okt 2024', '30 Sep 2029', 'Internasional', 'Singapura', 'Singapore', 'JTI', '', 'Aktif'],
  ['Kobe Institute of Computing', 'MoU', '058/PL29/HM.01/2025', 'KIC/MOU/25-3', 'Pertukaran dosen dan mahasiswa', '20 Januari 2025', '19 Januari 2030', 'Internasional', 'Jepang', 'Kobe', 'JTI; JMB', '', 'Aktif'],
  ['Kobe Institute of Computing', 'IA', '063/PL29/HM.01/2025', '', 'Summer course kecerdasan buatan 2025', '7 Juli 2025', '15 Agustus 2025', 'Internasional', 'Jepang', 'Kobe', 'JTI', '058/PL29/HM.01/2025', 'Berakhir'],
  ['Dinas Pendidikan Provinsi Kepulauan Riau', 'MoA', '070/PL29/HM.01/2025', '420/DISDIK/2025', 'Pendampingan SMK pusat keunggulan', '3 Maret 2025', '2 Maret 2027', 'Lokal', 'Indonesia', 'Tanjungpinang', 'JMB', '', 'Aktif'],
  ['CV Sinar Batam Teknik', 'MoA', '077/PL29/HM.01/2025', '', 'Teaching factory perawatan mesin', '14/04/2025', '13/04/2026', 'Lokal', '', 'Batam', 'JTM', '', 'Aktif'],
];

module.exports = { HEADERS, tanggal, buildDaftarKerjasama, SAMPLE_ROWS };
