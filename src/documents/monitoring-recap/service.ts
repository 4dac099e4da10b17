import type { Core } from '@strapi/strapi';
import type { Content } from 'pdfmake/interfaces';
import { formatBilingual } from '../../domain/bilingual';
import type { Actor } from '../../domain/roles';
import { refuse } from '../../workflow/errors';
import { documentFileName, MIME } from '../issued/formats';
import type { RecapInput, RecapPrintInput } from '../../contracts/schemas/documents';
import { rowsOf, type Ref } from '../../planning/rows';
import { issueDocument, type IssuedDocument, type RenderedDocument } from '../issued/issue';
import { renderDocx, renderPdf, renderXlsx, templatePath, type DocumentOptions } from '../render';
import { computeRecap, PERIOD_LABELS, periodRange, RECAP_FORM, type Recap, type RecapAgreement, type RecapRecord } from './recap';

const UNIT = 'api::unit.unit';
const AGREEMENT = 'api::agreement.agreement';
const MONITORING = 'api::monitoring-record.monitoring-record';
export const RECAP_FORMATS = ['pdf', 'docx', 'xlsx'] as const;
type AgreementRow = Omit<RecapAgreement, 'partnerName'> & { partner: { name: string } | null };
type RecordRow = Omit<RecapRecord, 'agreementId' | 'evidenceFiles' | 'monitoredOn'> & { monitoredOn: unknown; agreement: Ref; evidence: Ref[] | null };

/** The unit of a recap request (its shape checked by the route's schema), or a 400 naming it. */
const loadUnit = async (strapi: Core.Strapi, documentId: string) => {
  const unit = await rowsOf<Ref & { name: string }>(strapi, UNIT).findOne({ where: { documentId }, select: ['id', 'documentId', 'name'] });
  if (!unit) return refuse('unit', formatBilingual({ id: 'Unit tidak ditemukan', en: 'Unit not found' }));
  return unit;
};

/** The recap's figures, from the unit's agreements and their monitoring records. */
export const monitoringRecap = async (strapi: Core.Strapi, { year, period, unit: unitDocumentId }: RecapInput): Promise<Recap & { unitDocumentId: string }> => {
  const unit = await loadUnit(strapi, unitDocumentId);
  const range = periodRange(year, period);
  const agreements = await rowsOf<AgreementRow>(strapi, AGREEMENT).findMany({
    where: { units: { id: unit.id } },
    select: ['id', 'ourNumber', 'title', 'kind', 'startDate', 'endDate', 'indefinite', 'validityState'],
    populate: { partner: { select: ['name'] } },
  });
  const records = agreements.length
    ? await rowsOf<RecordRow>(strapi, MONITORING).findMany({
      where: { agreement: { id: { $in: agreements.map((agreement) => agreement.id) } }, monitoredOn: { $gte: range.from, $lte: range.to } },
      populate: { agreement: { select: ['id'] }, evidence: { select: ['id'] } },
    })
    : [];
  const recap = computeRecap(
    { year, period, unitName: String(unit.name) },
    agreements.map((agreement) => ({ ...agreement, partnerName: agreement.partner?.name ?? null })),
    records.map((record): RecapRecord => ({
      ...record,
      agreementId: record.agreement.id,
      monitoredOn: String(record.monitoredOn),
      evidenceFiles: (record.evidence ?? []).length,
    })),
  );
  return { ...recap, unitDocumentId: unit.documentId };
};

const COLUMNS: Array<{ header: string; field: keyof Recap['rows'][number] }> = [
  { header: 'Nomor / Number', field: 'ourNumber' },
  { header: 'Naskah / Agreement', field: 'title' },
  { header: 'Mitra / Partner', field: 'partner' },
  { header: 'Kegiatan / Activities', field: 'activities' },
  { header: 'Peserta / Participants', field: 'students' },
  { header: 'Keluaran / Outputs', field: 'outputs' },
  { header: 'Bukti / Evidence', field: 'evidence' },
  { header: 'Status', field: 'state' },
  { header: 'Tindak lanjut / Follow-up', field: 'followUp' },
];

const periodText = (recap: Recap) => `${PERIOD_LABELS[recap.period].id} / ${PERIOD_LABELS[recap.period].en} ${recap.year} (${recap.from} – ${recap.to})`;
const participants = (row: Recap['rows'][number]) => `${row.students} mhs / students, ${row.lecturers} dosen / lecturers`;
const cellOf = (row: Recap['rows'][number], field: keyof Recap['rows'][number]) => (field === 'students' ? participants(row) : String(row[field]));

const pdfContent = (recap: Recap): Content[] => [
  { text: `${RECAP_FORM.title.id} / ${RECAP_FORM.title.en}`, style: 'title' },
  { text: `Unit: ${recap.unitName} · Periode / Period: ${periodText(recap)}`, style: 'subtitle' },
  {
    table: {
      headerRows: 1,
      widths: [60, 90, 70, 40, 70, '*', 70, 60, '*'],
      body: [COLUMNS.map((column) => ({ text: column.header, style: 'tableHeader' })), ...recap.rows.map((row) => COLUMNS.map((column) => cellOf(row, column.field)))],
    },
    layout: 'lightHorizontalLines',
    fontSize: 8,
  },
  { text: 'Jumlah / Totals', style: 'heading' },
  { text: totalsText(recap) },
];

const totalsText = (recap: Recap) => {
  const t = recap.totals;
  return `Naskah / Agreements ${t.agreements} (belum dimonitor / not monitored ${t.unmonitored}) · Monitoring ${t.records} · Kegiatan / Activities ${t.activities} · Mahasiswa / Students ${t.students} · Dosen / Lecturers ${t.lecturers} · SKS / Credits ${t.credits} · Sertifikat / Certificates ${t.certificates} · Bukti ada / Evidence present ${t.evidencePresent} · Bukti tidak ada / Evidence missing ${t.evidenceMissing}`;
};

const renderRecap = async (recap: Recap, format: (typeof RECAP_FORMATS)[number], options: DocumentOptions): Promise<Buffer> => {
  if (format === 'pdf') return renderPdf({ content: pdfContent(recap), pageOrientation: 'landscape' }, options);
  if (format === 'docx') {
    return renderDocx(templatePath(RECAP_FORM.formCode), {
      unitName: recap.unitName, period: periodText(recap), year: String(recap.year), totals: totalsText(recap),
      rows: recap.rows.map((row) => ({ ...Object.fromEntries(Object.entries(row).map(([key, value]) => [key, String(value)])), participants: participants(row) })),
    }, options);
  }
  return renderXlsx((workbook) => {
    const sheet = workbook.addWorksheet('BO.28.1.2');
    sheet.addRow([`${RECAP_FORM.title.id} / ${RECAP_FORM.title.en}`]);
    sheet.addRow([`Unit: ${recap.unitName}`, `Periode / Period: ${periodText(recap)}`]);
    const header = ['Nomor / Number', 'Naskah / Agreement', 'Jenis / Kind', 'Mitra / Partner', 'Monitoring', 'Kegiatan / Activities', 'Mahasiswa / Students', 'Dosen / Lecturers', 'SKS / Credits', 'Sertifikat / Certificates', 'Bukti ada / Evidence present', 'Bukti tidak ada / Evidence missing', 'Status', 'Keluaran / Outputs', 'Tindak lanjut / Follow-up'];
    sheet.addRow(header).font = { bold: true };
    for (const row of recap.rows) {
      sheet.addRow([row.ourNumber, row.title, row.kind, row.partner, row.records, row.activities, row.students, row.lecturers, row.credits, row.certificates, row.evidencePresent, row.evidenceMissing, row.state, row.outputs, row.followUp]);
    }
    const t = recap.totals;
    sheet.addRow(['Jumlah / Totals', `${t.agreements}`, '', '', t.records, t.activities, t.students, t.lecturers, t.credits, t.certificates, t.evidencePresent, t.evidenceMissing]).font = { bold: true };
    sheet.columns.forEach((column) => { column.width = 18; });
  }, options);
};

const options = (documentNumber?: string, verifyUrl?: string): DocumentOptions => ({ ...RECAP_FORM, documentNumber, verifyUrl });

const rendered = async (recap: Recap, format: (typeof RECAP_FORMATS)[number], documentNumber?: string, verifyUrl?: string): Promise<RenderedDocument> => ({
  bytes: await renderRecap(recap, format, options(documentNumber, verifyUrl)),
  filename: documentFileName(documentNumber ?? `Rekap-${recap.year}-${recap.period}-draf`, format),
  mime: MIME[format],
});

/** A print without a number (preview). */
export const previewRecap = async (strapi: Core.Strapi, request: RecapPrintInput) =>
  rendered(await monitoringRecap(strapi, request), request.format);

/** Issues the recap as BO.28.1.2 (numbered per year, QR to its check); its record is the unit. */
export const issueRecap = async (strapi: Core.Strapi, request: RecapPrintInput & { actor?: Actor }): Promise<IssuedDocument> => {
  const { format } = request;
  const recap = await monitoringRecap(strapi, request);
  if (!recap.rows.length) refuse('unit', formatBilingual({ id: 'Unit ini tidak memiliki naskah kerjasama pada periode tersebut', en: 'This unit has no agreement in that period' }));
  return issueDocument(strapi, {
    formCode: RECAP_FORM.formCode,
    record: { uid: UNIT, documentId: recap.unitDocumentId },
    year: recap.year,
    title: `${RECAP_FORM.title.id}: ${recap.unitName}, ${PERIOD_LABELS[recap.period].id} ${recap.year}`.slice(0, 300),
    render: (documentNumber, verifyUrl) => rendered(recap, format, documentNumber, verifyUrl),
    actor: request.actor,
  });
};
