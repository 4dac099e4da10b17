#!/usr/bin/env node
/**
 * Writes the Word templates of the issued documents (templates/<form code>.docx) as minimal OOXML zipped
 * with pizzip. The office may replace a file with its own letterhead in Word: what must stay are the
 * placeholders ({...}, loops {#name}...{/name}) listed in templates/README.md, and a picture whose
 * alternative text is "qr" where the QR code goes. Run: node scripts/make-templates.js
 */
const fs = require('fs');
const path = require('path');
const PizZip = require('pizzip');

const esc = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A paragraph; runs are strings or { text, bold, size (half-points), italic }. */
const p = (runs, { align, spacingAfter = 80, style } = {}) => {
  const list = (Array.isArray(runs) ? runs : [runs]).map((run) => (typeof run === 'string' ? { text: run } : run));
  const props = [style ? `<w:pStyle w:val="${style}"/>` : '', `<w:spacing w:after="${spacingAfter}"/>`, align ? `<w:jc w:val="${align}"/>` : ''].join('');
  const body = list
    .map((run) => {
      if (run.field) return `<w:fldSimple w:instr="${run.field}"><w:r><w:t>1</w:t></w:r></w:fldSimple>`;
      const rPr = [run.bold ? '<w:b/>' : '', run.italic ? '<w:i/>' : '', run.size ? `<w:sz w:val="${run.size}"/><w:szCs w:val="${run.size}"/>` : ''].join('');
      return `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(run.text)}</w:t></w:r>`;
    })
    .join('');
  return `<w:p><w:pPr>${props}</w:pPr>${body}</w:p>`;
};

const heading = (text) => p({ text, bold: true, size: 24 }, { spacingAfter: 120 });

const cell = (content, width, { shade } = {}) =>
  `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${shade ? '<w:shd w:val="clear" w:color="auto" w:fill="EEEEEE"/>' : ''}</w:tcPr>${content}</w:tc>`;

/**
 * A table with a header row and one looped row: docxtemplater repeats the row for each element of `loop`
 * ({#loop} in the first cell, {/loop} in the last).
 */
const table = (columns, loop) => {
  const total = 9000;
  const widths = columns.map((column) => Math.round((column.width ?? 1 / columns.length) * total));
  const border = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="999999"/>`).join('');
  const header = `<w:tr>${columns.map((column, index) => cell(p({ text: column.header, bold: true, size: 18 }, { spacingAfter: 0 }), widths[index], { shade: true })).join('')}</w:tr>`;
  const row = `<w:tr>${columns
    .map((column, index) => {
      const open = index === 0 ? `{#${loop}}` : '';
      const close = index === columns.length - 1 ? `{/${loop}}` : '';
      return cell(p({ text: `${open}{${column.field}}${close}`, size: 18 }, { spacingAfter: 0, align: column.align }), widths[index]);
    })
    .join('')}</w:tr>`;
  return `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:tblBorders>${border}</w:tblBorders></w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${header}${row}</w:tbl>${p('', { spacingAfter: 120 })}`;
};

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';

/** The QR code's place: a 2 cm picture with alternative text "qr" (a blank pixel until a number is issued). */
const qrPicture = () => {
  const emu = 720000;
  return `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${emu}" cy="${emu}"/><wp:docPr id="1" name="qr" descr="qr"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="qr.png" descr="qr"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdQr"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${emu}" cy="${emu}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
};

/** The common header (institution, form title) and footer (code, version, number, page x of y, QR). */
const headerXml = () =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ${NS}>${p([{ text: '{institutionId}', bold: true, size: 18 }])}${p([{ text: '{institutionEn}', italic: true, size: 16 }])}</w:hdr>`;

const footerXml = () =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr ${NS}>` +
  `<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="7600"/><w:gridCol w:w="1400"/></w:tblGrid><w:tr>` +
  cell(
    p({ text: '{formCode} · Versi / Version {formVersion} · No. {documentNumber}', size: 16 }, { spacingAfter: 0 }) +
      p([{ text: 'Halaman / Page ', size: 16 }, { field: 'PAGE' }, { text: ' dari / of ', size: 16 }, { field: 'NUMPAGES' }], { spacingAfter: 0 }) +
      p({ text: '{verifyUrl}', size: 14 }, { spacingAfter: 0 }),
    7600,
  ) +
  cell(`<w:p><w:pPr><w:jc w:val="right"/></w:pPr>${qrPicture()}</w:p>`, 1400) +
  `</w:tr></w:tbl></w:ftr>`;

const documentXml = (body) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body>${body}` +
  // A4 (11906 × 16838 twips), 2 cm margins.
  `<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>`;

// A blank 1 × 1 PNG: replaced by the QR code when the document has a verification URL.
const BLANK_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=', 'base64');

const rel = (id, type, target) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
const rels = (items) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;

/** A complete .docx from the body XML. */
const buildDocx = (body) => {
  const zip = new PizZip();
  // A fixed date keeps the committed file byte-stable between runs of this script.
  const file = zip.file.bind(zip);
  zip.file = (name, data) => file(name, data, { date: new Date('2025-03-03T00:00:00Z') });
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
  );
  zip.file('_rels/.rels', rels([rel('rId1', 'officeDocument', 'word/document.xml'), '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>']));
  zip.file('docProps/core.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{formCode}</dc:title><dc:creator>Kerjasama</dc:creator></cp:coreProperties>');
  zip.file('word/document.xml', documentXml(body));
  zip.file('word/_rels/document.xml.rels', rels([rel('rIdHeader', 'header', 'header1.xml'), rel('rIdFooter', 'footer', 'footer1.xml')]));
  zip.file('word/header1.xml', headerXml());
  zip.file('word/footer1.xml', footerXml());
  zip.file('word/_rels/footer1.xml.rels', rels([rel('rIdQr', 'image', 'media/qr.png')]));
  zip.file('word/media/qr.png', BLANK_PNG);
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
};

/** FO.28.2.1 — Laporan Evaluasi Tahunan Kerjasama (annual cooperation evaluation report). */
const evaluationReport = () =>
  [
    p({ text: '{titleId}', bold: true, size: 28 }, { align: 'center', spacingAfter: 0 }),
    p({ text: '{titleEn}', italic: true, size: 22 }, { align: 'center' }),
    p({ text: 'Tahun / Year {year} · Status: {stateLabel} · Dibuat / Generated {generatedAt}', size: 18 }, { align: 'center', spacingAfter: 240 }),
    heading('A. Target dan Capaian / Targets and Achievement'),
    p('Capaian keseluruhan / Overall achievement: {overall}'),
    table(
      [
        { header: 'Ukuran / Metric', field: 'metric', width: 0.34 },
        { header: 'Cakupan / Scope', field: 'scope', width: 0.3 },
        { header: 'Target', field: 'target', width: 0.12, align: 'right' },
        { header: 'Capaian / Achieved', field: 'achieved', width: 0.12, align: 'right' },
        { header: '%', field: 'percent', width: 0.12, align: 'right' },
      ],
      'targets',
    ),
    heading('B. Program Kerjasama / Cooperation Program'),
    p('{programTitle}'),
    table(
      [
        { header: 'Butir program / Program items', field: 'label', width: 0.8 },
        { header: 'Jumlah / Count', field: 'value', width: 0.2, align: 'right' },
      ],
      'programRows',
    ),
    p({ text: 'Butir batal atau terlambat, dengan alasan / Cancelled or late items, with reasons', bold: true }),
    table(
      [
        { header: 'Butir / Item', field: 'title', width: 0.4 },
        { header: 'Status', field: 'status', width: 0.2 },
        { header: 'Alasan / Reason', field: 'reason', width: 0.4 },
      ],
      'programReasons',
    ),
    heading('C. Naskah Kerjasama / Agreements'),
    table(
      [
        { header: 'Naskah / Agreements', field: 'label', width: 0.8 },
        { header: 'Jumlah / Count', field: 'value', width: 0.2, align: 'right' },
      ],
      'agreementRows',
    ),
    heading('D. Hasil Monitoring / Monitoring Outputs'),
    table(
      [
        { header: 'Keluaran / Output', field: 'label', width: 0.8 },
        { header: 'Jumlah / Count', field: 'value', width: 0.2, align: 'right' },
      ],
      'monitoringRows',
    ),
    heading('E. Usulan Kerjasama / Proposals'),
    table(
      [
        { header: 'Saluran / Channel', field: 'channel', width: 0.3 },
        { header: 'Disetujui / Approved', field: 'approved', width: 0.14, align: 'right' },
        { header: 'Ditolak / Rejected', field: 'rejected', width: 0.14, align: 'right' },
        { header: 'Ditarik / Withdrawn', field: 'withdrawn', width: 0.14, align: 'right' },
        { header: 'Proses / Pending', field: 'pending', width: 0.14, align: 'right' },
        { header: 'Total', field: 'total', width: 0.14, align: 'right' },
      ],
      'proposalRows',
    ),
    heading('F. Survei Kepuasan Mitra / Partner Satisfaction Survey'),
    p('{surveyTitle}'),
    p('Tingkat respons / Response rate: {responseRate} · Indeks kepuasan / Satisfaction index: {surveyIndex}'),
    table(
      [
        { header: 'Dimensi / Dimension', field: 'label', width: 0.5 },
        { header: 'Rata-rata / Mean', field: 'mean', width: 0.25, align: 'right' },
        { header: 'Indeks / Index (%)', field: 'index', width: 0.25, align: 'right' },
      ],
      'surveyDimensions',
    ),
    table(
      [
        { header: 'Tingkat mitra / Partner level', field: 'label', width: 0.4 },
        { header: 'Respons / Responses', field: 'responses', width: 0.2, align: 'right' },
        { header: 'Rata-rata / Mean', field: 'mean', width: 0.2, align: 'right' },
        { header: 'Indeks / Index (%)', field: 'index', width: 0.2, align: 'right' },
      ],
      'surveyLevels',
    ),
    heading('G. Perbandingan dengan Tahun Sebelumnya / Comparison with the Previous Year'),
    table(
      [
        { header: 'Ukuran / Figure', field: 'label', width: 0.55 },
        { header: '{previousYear}', field: 'previous', width: 0.15, align: 'right' },
        { header: '{year}', field: 'current', width: 0.15, align: 'right' },
        { header: 'Selisih / Change', field: 'change', width: 0.15, align: 'right' },
      ],
      'comparisonRows',
    ),
    heading('H. Temuan / Findings'),
    p('{findings}'),
    heading('I. Permasalahan / Problems'),
    p('{problems}'),
    heading('J. Rekomendasi untuk Tahun Berikutnya / Recommendations for Next Year'),
    p('{recommendations}'),
    p('', { spacingAfter: 480 }),
    p('Batam, {signedDate}', { align: 'right' }),
    p('Kapokja Humas & Kerjasama', { align: 'right', spacingAfter: 960 }),
    p('(........................................)', { align: 'right' }),
  ].join('');

const TEMPLATES = { 'FO.28.2.1': evaluationReport };

module.exports = { buildDocx, p, heading, table, TEMPLATES };

if (require.main === module) {
  const dir = path.join(__dirname, '..', 'templates');
  fs.mkdirSync(dir, { recursive: true });
  for (const [code, body] of Object.entries(TEMPLATES)) {
    fs.writeFileSync(path.join(dir, `${code}.docx`), buildDocx(body()));
    console.log(`templates/${code}.docx`);
  }
}
