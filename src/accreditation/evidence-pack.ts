import fs from 'fs';
import path from 'path';
import { Readable } from 'stream';
import type { Core } from '@strapi/strapi';
import type { Content } from 'pdfmake/interfaces';
import { ZipFile } from 'yazl';
import {
  buildEvidencePack, EVIDENCE_SECTION_LABELS, KPI_EVIDENCE, type EvidenceFileInput, type EvidenceKpiCode, type EvidencePack, type EvidenceRecordInput,
} from '../domain/accreditation/evidence-pack';
import { COUNTED_REPORT_STATE } from '../domain/accreditation/lkps';
import { rowsOf } from '../planning/rows';
import { UIDS } from '../planning/services/schema';
import { renderPdf, renderXlsx } from '../documents/render';
import { ISSUED_DOCUMENT } from '../documents/issued/issue';
import { REPORT_UID } from './repository';

/**
 * The KPI evidence pack (issue 12 item 4): for a code and a year, the records that evidence it
 * (KPI_EVIDENCE says which kinds), an index in PDF and XLSX, and the records' files, as one ZIP
 * written as a stream: entries are added lazily and each file is read from disk (or the upload
 * provider's URL) only when the ZIP reaches it, one at a time, through the response's
 * backpressure, so a pack of thousands of files never sits in memory. Files are stored without
 * compression (PDFs and photos are compressed already), which keeps the pack at disk speed.
 */
export const PACK_DOCUMENT = (code: string) => ({ formCode: `KPI ${code}`, formVersion: '1', title: { id: `Paket bukti KPI ${code}`, en: `KPI ${code} evidence pack` } });

/** The procedure PR.28.1 as kept in the repository: the original Indonesian text and its English reading. */
export const PROCEDURE_FILES = [path.join('docs', 'PR.28.1-procedure.id.txt'), path.join('docs', 'PROCEDURE.md')];

interface UploadRow { name: string; url: string; size?: number | null }
type Row = Record<string, unknown> & { id: number; documentId: string };

const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });
const day = (value: unknown) => (value ? String(value instanceof Date ? value.toISOString() : value).slice(0, 10) : null);

/** Where an upload is read from: its file under public/ for the local provider, else its URL. */
const uploadSource = (strapi: Core.Strapi, url: string) => (/^https?:\/\//.test(url) ? url : path.join(strapi.dirs.static.public, url.replace(/^\/+/, '')));

const fileOf = async (strapi: Core.Strapi, upload: UploadRow | null | undefined, name?: string): Promise<EvidenceFileInput | null> => {
  if (!upload?.url) return null;
  const source = uploadSource(strapi, upload.url);
  if (/^https?:\/\//.test(source)) return { source, name: name ?? upload.name, size: upload.size ? Math.round(upload.size * 1024) : null };
  const stat = await fs.promises.stat(source).catch(() => null);
  return { source, name: name ?? upload.name, size: stat?.size ?? null, missing: !stat?.isFile() };
};

const files = async (strapi: Core.Strapi, uploads: Array<{ upload: UploadRow | null | undefined; name?: string }>) =>
  (await Promise.all(uploads.map((item) => fileOf(strapi, item.upload, item.name)))).filter((file): file is EvidenceFileInput => file !== null);

const UPLOAD_FIELDS = { select: ['name', 'url', 'size'] };

/** Every record of the pack's sections, with its files. */
const gather = async (strapi: Core.Strapi, code: EvidenceKpiCode, year: number): Promise<EvidenceRecordInput[]> => {
  const rule = KPI_EVIDENCE[code];
  const { from, to } = yearRange(year);
  const records: EvidenceRecordInput[] = [];
  const wants = (section: (typeof rule.sections)[number]) => rule.sections.includes(section);
  const linkedTypes = rule.linked ? { cooperationTypes: { kpis: { code } } } : {};

  if (wants('procedure')) {
    const procedureFiles = await Promise.all(PROCEDURE_FILES.map(async (file) => {
      const source = path.join(strapi.dirs.app.root, file);
      const stat = await fs.promises.stat(source).catch(() => null);
      return { source, name: path.basename(file), size: stat?.size ?? null, missing: !stat };
    }));
    records.push({
      section: 'procedure', documentId: 'PR.28.1', reference: 'PR.28.1', title: 'Prosedur Perencanaan Program Kerjasama / Cooperation Program Planning Procedure',
      date: null, details: 'No.PR.28.1-V1', files: procedureFiles,
    });
  }
  if (wants('agreements')) {
    const rows = await rowsOf<Row & { partner: { name: string } | null; documents: UploadRow[] | null }>(strapi, UIDS.agreement).findMany({
      where: {
        validityState: { $ne: 'draft' }, startDate: { $lte: to },
        $or: [{ indefinite: true }, { endDate: { $null: true } }, { endDate: { $gte: from } }],
        ...linkedTypes,
      },
      select: ['id', 'documentId', 'ourNumber', 'title', 'kind', 'startDate', 'endDate', 'indefinite', 'validityState'],
      populate: { partner: { select: ['name'] }, documents: UPLOAD_FIELDS },
      orderBy: [{ startDate: 'asc' }, { id: 'asc' }],
    });
    for (const row of rows) {
      records.push({
        section: 'agreements', documentId: row.documentId, reference: String(row.ourNumber), title: String(row.title), date: day(row.startDate),
        details: `${String(row.kind).toUpperCase()} · ${row.partner?.name ?? '-'} · ${day(row.startDate)} – ${row.indefinite ? 'tidak terbatas / indefinite' : day(row.endDate) ?? '-'} · ${String(row.validityState)}`,
        files: await files(strapi, (row.documents ?? []).map((upload) => ({ upload }))),
      });
    }
  }
  if (wants('program')) {
    const rows = await rowsOf<Row>(strapi, UIDS.program).findMany({ where: { year }, select: ['id', 'documentId', 'year', 'title', 'workflowState', 'revisionNumber', 'approvedAt', 'approvedBy'] });
    for (const row of rows) {
      records.push({
        section: 'program', documentId: row.documentId, reference: `Program ${year}`, title: String(row.title), date: day(row.approvedAt),
        details: `Status: ${String(row.workflowState)} · Revisi / Revision ${row.revisionNumber ?? 0}${row.approvedBy ? ` · ${String(row.approvedBy)}` : ''}`, files: [],
      });
    }
  }
  if (wants('program_items')) {
    const rows = await rowsOf<Row & { partner: { name: string } | null; cooperationType: { code: string } | null; kpis: Array<{ code: string }> | null }>(strapi, UIDS.programItem).findMany({
      where: { program: { year }, ...(rule.linked ? { kpis: { code } } : {}) },
      select: ['id', 'documentId', 'title', 'quarter', 'workflowState', 'expectedOutput'],
      populate: { partner: { select: ['name'] }, cooperationType: { select: ['code'] }, kpis: { select: ['code'] } },
      orderBy: [{ id: 'asc' }],
    });
    for (const row of rows) {
      records.push({
        section: 'program_items', documentId: row.documentId, reference: `${row.quarter ?? '-'} ${row.cooperationType?.code ?? ''}`.trim(), title: String(row.title), date: null,
        details: `${row.partner?.name ?? '-'} · ${String(row.workflowState)} · KPI ${(row.kpis ?? []).map((kpi) => kpi.code).join(', ') || '-'}`, files: [],
      });
    }
  }
  if (wants('activity_reports')) {
    const byFigures = rule.reports === 'credits' ? [{ creditsRecognised: { $gt: 0 } }, { studentsWithCredits: { $gt: 0 } }]
      : rule.reports === 'certificates' ? [{ certificatesIssued: { $gt: 0 } }] : [];
    const rows = await rowsOf<Row & { unit: { code: string } | null; partner: { name: string } | null; agreement: { ourNumber: string } | null; evidence: Array<{ kind: string; note: string | null; file: UploadRow | null }> | null }>(strapi, REPORT_UID).findMany({
      where: {
        workflowState: COUNTED_REPORT_STATE, startDate: { $lte: to },
        $and: [
          { $or: [{ endDate: { $gte: from } }, { endDate: { $null: true }, startDate: { $gte: from } }] },
          ...(rule.linked ? [{ $or: [{ cooperationType: { kpis: { code } } }, ...byFigures] }] : []),
        ],
      },
      select: ['id', 'documentId', 'title', 'tridharma', 'startDate', 'endDate', 'studentParticipants', 'creditsRecognised', 'certificatesIssued', 'verifiedAt'],
      populate: { unit: { select: ['code'] }, partner: { select: ['name'] }, agreement: { select: ['ourNumber'] }, evidence: { populate: { file: UPLOAD_FIELDS } } },
      orderBy: [{ startDate: 'asc' }, { id: 'asc' }],
    });
    for (const row of rows) {
      records.push({
        section: 'activity_reports', documentId: row.documentId, reference: `${row.unit?.code ?? '-'} ${row.documentId}`, title: String(row.title), date: day(row.startDate),
        details: [
          `${day(row.startDate)} – ${day(row.endDate) ?? '-'}`, row.partner?.name ?? '-', row.agreement ? `Naskah / Agreement ${row.agreement.ourNumber}` : 'Tanpa naskah / No agreement',
          `SKS / Credits ${row.creditsRecognised ?? 0}`, `Sertifikat / Certificates ${row.certificatesIssued ?? 0}`, `Diverifikasi / Verified ${day(row.verifiedAt) ?? '-'}`,
        ].join(' · '),
        files: await files(strapi, (row.evidence ?? []).map((item) => ({
          upload: item.file,
          name: item.file ? `${item.kind} - ${item.file.name}` : undefined,
        }))),
      });
    }
  }
  if (wants('needs_mapping')) {
    const rows = await rowsOf<Row & { unit: { code: string } | null; cooperationType: { code: string } | null }>(strapi, UIDS.mapping).findMany({
      where: { year, priority: { $ne: 'none' } }, select: ['id', 'documentId', 'priority', 'source', 'rationale'],
      populate: { unit: { select: ['code'] }, cooperationType: { select: ['code'] } }, orderBy: [{ id: 'asc' }],
    });
    for (const row of rows) {
      records.push({ section: 'needs_mapping', documentId: row.documentId, reference: `${row.unit?.code ?? '-'} × ${row.cooperationType?.code ?? '-'}`, title: `Prioritas / Priority: ${String(row.priority)}`, date: null, details: `${row.source ?? '-'} · ${row.rationale ?? ''}`.trim(), files: [] });
    }
  }
  if (wants('targets')) {
    const rows = await rowsOf<Row & { unit: { code: string } | null; cooperationType: { code: string } | null }>(strapi, UIDS.target).findMany({
      where: { year }, select: ['id', 'documentId', 'metric', 'targetValue', 'partnerLevel', 'notes'],
      populate: { unit: { select: ['code'] }, cooperationType: { select: ['code'] } }, orderBy: [{ id: 'asc' }],
    });
    for (const row of rows) {
      records.push({ section: 'targets', documentId: row.documentId, reference: `${row.unit?.code ?? 'Institusi / Institution'} ${row.cooperationType?.code ?? ''}`.trim(), title: `${String(row.metric)} = ${String(row.targetValue)}`, date: null, details: `${row.partnerLevel ?? '-'} · ${row.notes ?? ''}`.trim(), files: [] });
    }
  }
  if (wants('surveys')) {
    const rows = await rowsOf<Row>(strapi, UIDS.survey).findMany({ where: { year }, select: ['id', 'documentId', 'title', 'year', 'workflowState', 'opensAt', 'closesAt'], orderBy: [{ id: 'asc' }] });
    for (const row of rows) {
      const responses = await strapi.db.query(UIDS.surveyResponse as never).count({ where: { survey: { id: row.id } } });
      records.push({ section: 'surveys', documentId: row.documentId, reference: `Survei / Survey ${year}`, title: String(row.title), date: day(row.opensAt), details: `${String(row.workflowState)} · ${responses} tanggapan / responses`, files: [] });
    }
  }
  if (wants('issued_documents')) {
    const rows = await rowsOf<Row & { file: UploadRow | null }>(strapi, ISSUED_DOCUMENT).findMany({
      where: { year, ...(rule.issuedForms === 'all' ? {} : { formCode: { $in: [...rule.issuedForms] } }) },
      select: ['id', 'documentId', 'documentNumber', 'formCode', 'title', 'issuedAt', 'issuedByName', 'filename'],
      populate: { file: UPLOAD_FIELDS }, orderBy: [{ issuedAt: 'asc' }, { id: 'asc' }],
    });
    for (const row of rows) {
      records.push({
        section: 'issued_documents', documentId: row.documentId, reference: String(row.documentNumber), title: String(row.title), date: day(row.issuedAt),
        details: `${String(row.formCode)} · ${String(row.issuedByName ?? '-')}`, files: await files(strapi, [{ upload: row.file, name: String(row.filename ?? row.file?.name ?? 'dokumen') }]),
      });
    }
  }
  return records;
};

/** The pack's index and files, without reading any file. */
export const evidencePack = async (strapi: Core.Strapi, { code, year }: { code: EvidenceKpiCode; year: number }) => buildEvidencePack(code, year, await gather(strapi, code, year));

const INDEX_HEADER = ['No.', 'Bagian / Section', 'Nomor / Reference', 'Judul / Title', 'Tanggal / Date', 'Keterangan / Details', 'Berkas / Files'];
const indexCells = (row: EvidencePack['rows'][number]) => [row.number, row.sectionLabel, row.reference, row.title, row.date, row.details, row.fileList];
const summaryText = (pack: EvidencePack) =>
  `KPI ${pack.code} · ${pack.year} · ${pack.rows.length} rekaman / records · ${pack.files.length} berkas / files (${pack.bytes} bytes)${pack.missing ? ` · ${pack.missing} berkas tidak ditemukan / files missing` : ''}`;

export const indexWorkbook = (pack: EvidencePack) => renderXlsx((workbook) => {
  const sheet = workbook.addWorksheet('Indeks');
  sheet.addRow([`Paket bukti KPI / KPI evidence pack ${pack.code}`, String(pack.year)]).font = { bold: true };
  sheet.addRow([summaryText(pack)]);
  sheet.addRow(INDEX_HEADER).font = { bold: true };
  for (const row of pack.rows) sheet.addRow(indexCells(row));
  [5, 28, 24, 40, 12, 50, 60].forEach((width, index) => { sheet.getColumn(index + 1).width = width; });
}, PACK_DOCUMENT(pack.code));

export const indexPdf = (pack: EvidencePack) => {
  const sections = [...new Set(pack.rows.map((row) => row.section))];
  const content: Content[] = [
    { text: `Paket bukti KPI ${pack.code} / KPI ${pack.code} evidence pack`, style: 'title' },
    { text: summaryText(pack), style: 'subtitle' },
    ...sections.flatMap((section): Content[] => [
      { text: `${EVIDENCE_SECTION_LABELS[section].id} / ${EVIDENCE_SECTION_LABELS[section].en}`, style: 'heading' },
      {
        table: {
          headerRows: 1,
          widths: [20, 80, 120, 50, '*', 150],
          body: [
            ['No.', 'Nomor / Reference', 'Judul / Title', 'Tanggal / Date', 'Keterangan / Details', 'Berkas / Files'].map((text) => ({ text, style: 'tableHeader' })),
            ...pack.rows.filter((row) => row.section === section).map((row) => [String(row.number), row.reference, row.title, row.date, row.details, row.fileList]),
          ],
        },
        layout: 'lightHorizontalLines',
        fontSize: 7,
      },
    ]),
  ];
  if (!pack.rows.length) content.push({ text: 'Tidak ada rekaman / No records' });
  return renderPdf({ content, pageOrientation: 'landscape' }, PACK_DOCUMENT(pack.code));
};

/** A file's bytes as a stream: from disk, or from the provider's URL. */
const openFile = (source: string, done: (error: Error | null, stream: NodeJS.ReadableStream) => void) => {
  if (!/^https?:\/\//.test(source)) {
    done(null, fs.createReadStream(source));
    return;
  }
  fetch(source).then((response) => {
    if (!response.ok || !response.body) throw new Error(`${source}: ${response.status}`);
    done(null, Readable.fromWeb(response.body as never));
  }).catch((error: Error) => done(error, Readable.from([])));
};

/**
 * The pack as a ZIP stream: index.pdf and index.xlsx first, then every file found, each read only
 * when the ZIP reaches it. A read that fails mid-way ends the stream with that error (the client
 * sees a broken download, never a silently incomplete pack).
 */
export const packStream = async (strapi: Core.Strapi, pack: EvidencePack) => {
  const [pdf, xlsx] = await Promise.all([indexPdf(pack), indexWorkbook(pack)]);
  const zip = new ZipFile();
  const output = zip.outputStream as unknown as Readable;
  zip.on('error', (error: Error) => {
    strapi.log.error(`Evidence pack ${pack.code} ${pack.year}: ${error.message}`);
    output.destroy(error);
  });
  const mtime = new Date();
  zip.addBuffer(pdf, 'index.pdf', { mtime });
  zip.addBuffer(xlsx, 'index.xlsx', { mtime });
  for (const file of pack.files) {
    zip.addReadStreamLazy(file.path, { compress: false, mtime, ...(file.size !== null && !/^https?:/.test(file.source) ? { size: file.size } : {}) }, (done) => openFile(file.source, done));
  }
  zip.end();
  return output;
};

export const packFileName = (pack: EvidencePack) => `bukti-KPI-${pack.code}-${pack.year}.zip`;
