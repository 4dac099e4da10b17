#!/usr/bin/env node
/**
 * Word templates of the minutes (BO.29.3.1), the monitoring recap (BO.28.1.2), the annual program
 * (FO.28.1.1) and the survey results (FO.28.2.2), built with the
 * shared template builder (scripts/make-templates.js: header, footer with form code, number, page
 * x of y and the QR picture). Placeholders are listed in templates/README.md.
 * Run: node scripts/make-issued-templates.js
 */
const fs = require('fs');
const path = require('path');
const { buildDocx, p, heading, table } = require('./make-templates');

/** BO.29.3.1 — Notulen Rapat (meeting minutes). */
const minutes = () =>
  [
    p({ text: '{titleId}', bold: true, size: 28 }, { align: 'center', spacingAfter: 0 }),
    p({ text: '{titleEn}', italic: true, size: 22 }, { align: 'center' }),
    p({ text: '{meetingTitle}', bold: true }, { align: 'center', spacingAfter: 240 }),
    p('Nomor notulen / Minutes number: {number}'),
    p('Tanggal / Date: {date}'),
    p('Jenis rapat / Kind: {kind}'),
    p('Tempat / Place: {place}'),
    p('Pimpinan rapat / Chair: {chair}'),
    p('Notulis / Minute-taker: {minuteTaker}'),
    p('Unit atau mitra / Unit or partner: {counterpart}', { spacingAfter: 200 }),
    heading('A. Daftar Hadir / Attendance'),
    table(
      [
        { header: 'No', field: 'no', width: 0.06 },
        { header: 'Nama / Name', field: 'name', width: 0.28 },
        { header: 'Jabatan / Role', field: 'role', width: 0.2 },
        { header: 'Instansi / Organisation', field: 'organisation', width: 0.24 },
        { header: 'Tanda tangan / Signature', field: 'signature', width: 0.22 },
      ],
      'attendees',
    ),
    heading('B. Agenda'),
    p('{agenda}'),
    heading('C. Pembahasan / Discussion'),
    p('{discussion}'),
    heading('D. Keputusan / Decisions'),
    table(
      [
        { header: 'No', field: 'no', width: 0.06 },
        { header: 'Keputusan / Decision', field: 'text', width: 0.59 },
        { header: 'Usulan yang diputuskan / Proposal decided', field: 'proposal', width: 0.35 },
      ],
      'decisions',
    ),
    heading('E. Tindak Lanjut / Action Items'),
    table(
      [
        { header: 'No', field: 'no', width: 0.06 },
        { header: 'Tindakan / Action', field: 'description', width: 0.4 },
        { header: 'Penanggung jawab / Owner', field: 'owner', width: 0.2 },
        { header: 'Tenggat / Due', field: 'dueDate', width: 0.2 },
        { header: 'Status', field: 'status', width: 0.14 },
      ],
      'actionItems',
    ),
    p('', { spacingAfter: 360 }),
    p('Pimpinan rapat / Chair', { spacingAfter: 720 }),
    p('({chair})', { spacingAfter: 240 }),
    p('Notulis / Minute-taker', { spacingAfter: 720 }),
    p('({minuteTaker})'),
  ].join('');

/** BO.28.1.2 — Rekap Monitoring Kerjasama (monitoring recap) per period and unit. */
const monitoringRecap = () =>
  [
    p({ text: '{titleId}', bold: true, size: 28 }, { align: 'center', spacingAfter: 0 }),
    p({ text: '{titleEn}', italic: true, size: 22 }, { align: 'center' }),
    p('Unit: {unitName}'),
    p('Periode / Period: {period}', { spacingAfter: 200 }),
    table(
      [
        { header: 'Nomor / Number', field: 'ourNumber', width: 0.11 },
        { header: 'Naskah / Agreement', field: 'title', width: 0.14 },
        { header: 'Mitra / Partner', field: 'partner', width: 0.11 },
        { header: 'Kegiatan / Activities', field: 'activities', width: 0.08, align: 'right' },
        { header: 'Peserta / Participants', field: 'participants', width: 0.11 },
        { header: 'Keluaran / Outputs', field: 'outputs', width: 0.13 },
        { header: 'Bukti / Evidence', field: 'evidence', width: 0.11 },
        { header: 'Status', field: 'state', width: 0.09 },
        { header: 'Tindak lanjut / Follow-up', field: 'followUp', width: 0.12 },
      ],
      'rows',
    ),
    heading('Jumlah / Totals'),
    p('{totals}'),
    p('', { spacingAfter: 360 }),
    p('Batam, {issuedAt}', { align: 'right' }),
    p('Kapokja Humas & Kerjasama', { align: 'right', spacingAfter: 960 }),
    p('(........................................)', { align: 'right' }),
  ].join('');

/** FO.28.1.1 — Program Kerjasama Tahunan (the annual program as approved). */
const annualProgram = () =>
  [
    p({ text: '{titleId} {year}', bold: true, size: 28 }, { align: 'center', spacingAfter: 0 }),
    p({ text: '{titleEn} {year}', italic: true, size: 22 }, { align: 'center' }),
    p({ text: '{programTitle}', bold: true }, { align: 'center', spacingAfter: 240 }),
    p('Status: {stateLabel}'),
    p('Revisi ke / Revision number: {revisionNumber}'),
    p('Disetujui oleh / Approved by: {approvedBy}'),
    p('Disetujui pada / Approved at: {approvedAt}'),
    p('Jumlah butir / Items: {itemCount}'),
    p('Total anggaran / Budget total: {budgetTotal}', { spacingAfter: 200 }),
    heading('Butir Program / Program Items'),
    table(
      [
        { header: 'No', field: 'no', width: 0.05 },
        { header: 'Kegiatan / Activity', field: 'title', width: 0.17 },
        { header: 'Mitra / Partner', field: 'partner', width: 0.13 },
        { header: 'Jenis / Type', field: 'cooperationType', width: 0.09 },
        { header: 'Unit', field: 'units', width: 0.09 },
        { header: 'Triwulan / Quarter', field: 'quarter', width: 0.08 },
        { header: 'Jadwal / Schedule', field: 'schedule', width: 0.13 },
        { header: 'Anggaran / Budget', field: 'budget', width: 0.12, align: 'right' },
        { header: 'Keluaran / Expected output', field: 'expectedOutput', width: 0.14 },
      ],
      'items',
    ),
    heading('Ringkasan Program / Program Summary'),
    p('{programSummary}'),
    p('', { spacingAfter: 360 }),
    p('Batam, {signedDate}', { align: 'right' }),
    p('Disetujui / Approved — Direktur / Director', { align: 'right', spacingAfter: 960 }),
    p('({approvedBy})', { align: 'right' }),
  ].join('');

/** FO.28.2.2 — Hasil Survei Kepuasan Mitra (partner satisfaction survey results). */
const surveyResults = () =>
  [
    p({ text: '{titleId} {year}', bold: true, size: 28 }, { align: 'center', spacingAfter: 0 }),
    p({ text: '{titleEn} {year}', italic: true, size: 22 }, { align: 'center' }),
    p({ text: '{surveyTitle}', bold: true }, { align: 'center', spacingAfter: 240 }),
    p('Status: {stateLabel} · Skala / Scale: {scale}'),
    p('Diundang / Invited: {invited} · Menjawab / Answered: {answered}'),
    p('Tingkat respons / Response rate: {responseRate}'),
    p('Indeks kepuasan / Satisfaction index: {surveyIndex} · Rata-rata / Mean: {surveyMean}', { spacingAfter: 200 }),
    heading('Menurut dimensi layanan / By service dimension'),
    table(
      [
        { header: 'Dimensi / Dimension', field: 'label', width: 0.5 },
        { header: 'Rata-rata / Mean', field: 'mean', width: 0.25, align: 'right' },
        { header: 'Indeks / Index (%)', field: 'index', width: 0.25, align: 'right' },
      ],
      'dimensions',
    ),
    heading('Menurut tingkat mitra / By partner level'),
    table(
      [
        { header: 'Tingkat mitra / Partner level', field: 'label', width: 0.4 },
        { header: 'Respons / Responses', field: 'responses', width: 0.2, align: 'right' },
        { header: 'Rata-rata / Mean', field: 'mean', width: 0.2, align: 'right' },
        { header: 'Indeks / Index (%)', field: 'index', width: 0.2, align: 'right' },
      ],
      'levels',
    ),
    heading('Menurut butir pertanyaan / By question'),
    table(
      [
        { header: 'Kode / Code', field: 'code', width: 0.1 },
        { header: 'Pertanyaan / Question', field: 'text', width: 0.38 },
        { header: 'Dimensi / Dimension', field: 'dimension', width: 0.2 },
        { header: 'Jawaban / Answers', field: 'n', width: 0.1, align: 'right' },
        { header: 'Rata-rata / Mean', field: 'mean', width: 0.11, align: 'right' },
        { header: 'Indeks / Index (%)', field: 'index', width: 0.11, align: 'right' },
      ],
      'questions',
    ),
    p('', { spacingAfter: 360 }),
    p('Batam, {signedDate}', { align: 'right' }),
    p('Kapokja Humas & Kerjasama', { align: 'right', spacingAfter: 960 }),
    p('(........................................)', { align: 'right' }),
  ].join('');

const TEMPLATES = { 'BO.29.3.1': minutes, 'BO.28.1.2': monitoringRecap, 'FO.28.1.1': annualProgram, 'FO.28.2.2': surveyResults };

module.exports = { TEMPLATES };

if (require.main === module) {
  const dir = path.join(__dirname, '..', 'templates');
  for (const [code, body] of Object.entries(TEMPLATES)) {
    fs.writeFileSync(path.join(dir, `${code}.docx`), buildDocx(body()));
    console.log(`templates/${code}.docx`);
  }
}
