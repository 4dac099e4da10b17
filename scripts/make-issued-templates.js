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

const TEMPLATES = { 'BO.29.3.1': minutes };

module.exports = { TEMPLATES };

if (require.main === module) {
  const dir = path.join(__dirname, '..', 'templates');
  for (const [code, body] of Object.entries(TEMPLATES)) {
    fs.writeFileSync(path.join(dir, `${code}.docx`), buildDocx(body()));
    console.log(`templates/${code}.docx`);
  }
}
