#!/usr/bin/env node
/**
 * Word templates of the minutes (BO.29.3.1) and the monitoring recap (BO.28.1.2), built with the
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

const TEMPLATES = { 'BO.29.3.1': minutes, 'BO.28.1.2': monitoringRecap };

module.exports = { TEMPLATES };

if (require.main === module) {
  const dir = path.join(__dirname, '..', 'templates');
  for (const [code, body] of Object.entries(TEMPLATES)) {
    fs.writeFileSync(path.join(dir, `${code}.docx`), buildDocx(body()));
    console.log(`templates/${code}.docx`);
  }
}
