import { spawnSync } from 'child_process';
import path from 'path';
import { distDir, fromDist } from '../helpers/dist';
import { pdfText } from '../helpers/documents';

/**
 * The parsed-font cache (src/documents/render/font-cache.ts) works only in Node's own module
 * cache, so it is off inside jest, where every other PDF test runs. Here the production path runs
 * in a plain child process: the cache is on, and three documents rendered one after the other with
 * the same fonts (regular, bold, italic; Indonesian text) read back exactly as the same documents
 * rendered with fonts parsed per document, here in jest.
 */
type PdfModule = typeof import('../../src/documents/render/pdf');

const DOCUMENTS = [
  { title: 'Laporan Evaluasi Tahunan 2026', lines: ['Naskah kerja sama ditandatangani: 12', 'Mitra internasional — Universiti Teknologi Malaysia'] },
  { title: 'Notulen Rapat Koordinasi', lines: ['Pimpinan rapat: Rina Kapokja', 'Tindak lanjut (Dr. Budi): menyusun draf MoA magang (15 April 2026)'] },
  { title: 'Rekap Monitoring S1 2026', lines: ['Kegiatan 5 · Peserta 120 · SKS diakui 60', 'Bukti: lengkap / complete'] },
];

const bodyOf = (document: (typeof DOCUMENTS)[number]) => ({
  content: [
    { text: document.title, style: 'title' },
    ...document.lines.map((line, i) => ({ text: line, bold: i === 0, italics: i === 1 })),
  ],
});
const optionsOf = (document: (typeof DOCUMENTS)[number], n: number) => ({
  formCode: 'FO.28.2.1', formVersion: '1', title: { id: document.title, en: 'Test document' },
  documentNumber: `KS/FO.28.2.1/2026/000${n + 1}`, verifyUrl: `https://kerjasama.polibatam.test/verifikasi/KS/FO.28.2.1/2026/000${n + 1}`,
  issuedAt: new Date('2026-06-01T03:00:00.000Z'),
});

test('with the font cache on (a plain Node process), consecutive PDFs read back as those rendered with fonts parsed per document', async () => {
  const script = `
    const path = require('path');
    const dist = ${JSON.stringify(distDir())};
    const { fontCacheInstalled } = require(path.join(dist, 'src/documents/render/font-cache'));
    const { renderPdf } = require(path.join(dist, 'src/documents/render/pdf'));
    const documents = JSON.parse(process.argv[1]);
    (async () => {
      const pdfs = [];
      for (const { body, options } of documents) pdfs.push((await renderPdf(body, { ...options, issuedAt: new Date(options.issuedAt) })).toString('base64'));
      process.stdout.write(JSON.stringify({ fontCacheInstalled, pdfs }));
    })().catch((error) => { console.error(error); process.exit(1); });
  `;
  const input = DOCUMENTS.map((document, n) => ({ body: bodyOf(document), options: optionsOf(document, n) }));
  const child = spawnSync(process.execPath, ['-e', script, JSON.stringify(input)], { cwd: path.resolve(__dirname, '..', '..'), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  const produced = JSON.parse(child.stdout) as { fontCacheInstalled: boolean; pdfs: string[] };
  expect(produced.fontCacheInstalled).toBe(true);

  const { renderPdf } = fromDist<PdfModule>('src/documents/render/pdf');
  for (const [n, document] of DOCUMENTS.entries()) {
    const cached = (await pdfText(Buffer.from(produced.pdfs[n], 'base64'))).flat;
    const perDocument = (await pdfText(await renderPdf(bodyOf(document) as never, optionsOf(document, n)))).flat;
    expect(cached).toBe(perDocument);
    for (const line of [document.title, ...document.lines]) expect(cached).toContain(line);
  }
});
