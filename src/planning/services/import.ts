import { createHash, randomBytes } from 'crypto';
import type { Core, UID } from '@strapi/strapi';
import { formatBilingual } from '../../domain/bilingual';
import {
  checkMapping, fieldOfAttribute, guessMapping, layoutKey, planRows, readRows, cellText,
  IMPORT_FIELDS, type ImportFieldKey, type ImportMapping, type ImportRow, type PartnerInput, type ImportTarget, type RowError, type Sheet,
} from '../../domain/import';
import { readSheet, sheetFormat, SheetError } from '../../domain/import-sheet';
import { foldText, partnerMatchKey } from '../../domain/partner-names';
import type { ImportCounts, ImportJob, ImportMode, ImportProgress, ImportResult, ImportUpload } from '../../contracts/import';
import { throwFieldErrors, workflowConflict } from '../../workflow/errors';

/**
 * The import of an office's sheet (src/domain/import.ts reads it): an upload is read once and
 * kept in memory for an hour; a job then writes its rows through the Document Service inside ONE
 * transaction, so every field and workflow rule applies as at any other door. A preview is the
 * same job rolled back at the end; an import with any refused row is rolled back too, and
 * reports the rows. Re-importing changes nothing: partners are matched by name key + country,
 * agreements by our number, monitoring records by agreement + date.
 */

const PARTNER = 'api::partner.partner' as UID.ContentType;
const AGREEMENT = 'api::agreement.agreement' as UID.ContentType;
const MONITORING = 'api::monitoring-record.monitoring-record' as UID.ContentType;
const UNIT = 'api::unit.unit' as UID.ContentType;

const UPLOAD_TTL_MS = 60 * 60_000;
const MAX_UPLOADS = 20;
const MAX_JOBS = 20;
/** Rows written between two yields to the event loop (so the progress can be answered meanwhile). */
const YIELD_EVERY = 25;
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

interface Upload {
  id: string;
  filename: string;
  format: 'xlsx' | 'csv';
  sheet: Sheet;
  createdAt: number;
}

interface Job extends ImportJob {
  finishedAt?: number;
}

type Row = Record<string, unknown> & { id: number; documentId: string };

const newId = () => randomBytes(16).toString('hex');

/** Thrown at the end of a preview (or of an import with refused rows) to roll the transaction back. */
class RollBack extends Error {}

const mappingStoreKey = (headers: string[]) => `import-mapping-${createHash('sha256').update(layoutKey(headers)).digest('hex').slice(0, 32)}`;

const store = (strapi: Core.Strapi) => strapi.store({ type: 'plugin', name: 'kerjasama' });

const notFound = (field: string, what: { id: string; en: string }) => throwFieldErrors([{ path: [field], message: formatBilingual(what) }]);

/** A message from our own rules is already "Indonesian (English)"; one of Strapi's own schema checks is English only. */
const bilingualMessage = (message: string) =>
  /\(.+\)$/.test(message.trim()) ? message : formatBilingual({ id: `Ditolak oleh aturan data: ${message}`, en: `Refused by the data rules: ${message}` });

interface Lookups {
  partners: Map<string, string>;
  units: Map<string, string>;
  agreements: Map<string, { documentId: string; stored: Row | null }>;
  monitoring: Set<string>;
  /** Our numbers of rows that could not be written, with their row: a child of one says so. */
  failedNumbers: Map<string, number>;
  /** Each partner as the first row of the sheet (in the sheet's order) writes it. */
  firstSpelling: Map<string, PartnerInput>;
}

const chunks = <T>(items: T[], size: number) => Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));

const loadLookups = async (strapi: Core.Strapi, rows: ImportRow[]): Promise<Lookups> => {
  const partners = new Map<string, string>();
  const partnerRows = (await strapi.db.query(PARTNER).findMany({ where: { publishedAt: null }, select: ['id', 'documentId', 'name', 'country'], orderBy: { id: 'asc' } })) as Row[];
  for (const partner of partnerRows) {
    const key = partnerMatchKey(String(partner.name), String(partner.country ?? ''));
    if (!partners.has(key)) partners.set(key, partner.documentId);
  }
  const units = new Map<string, string>();
  for (const unit of (await strapi.db.query(UNIT).findMany({ select: ['documentId', 'code', 'name', 'nameEn'] })) as Row[]) {
    for (const name of [unit.code, unit.name, unit.nameEn]) if (name && !units.has(foldText(String(name)))) units.set(foldText(String(name)), unit.documentId);
  }
  const numbers = [...new Set(rows.flatMap((row) => [row.agreement?.ourNumber, row.agreement?.parentNumber]).filter((n): n is string => Boolean(n)))];
  const agreements = new Map<string, { documentId: string; stored: Row | null }>();
  for (const part of chunks(numbers, 500)) {
    const found = (await strapi.db.query(AGREEMENT).findMany({
      where: { ourNumber: { $in: part } },
      populate: { partner: { select: ['documentId'] }, parent: { select: ['documentId'] }, units: { select: ['documentId'] } },
    })) as Row[];
    for (const agreement of found) agreements.set(String(agreement.ourNumber), { documentId: agreement.documentId, stored: agreement });
  }
  const monitoring = new Set<string>();
  const storedIds = [...agreements.values()].map((entry) => entry.stored?.id).filter((id): id is number => id !== undefined);
  for (const part of chunks(storedIds, 500)) {
    const found = (await strapi.db.query(MONITORING).findMany({
      where: { agreement: { id: { $in: part } } },
      select: ['monitoredOn'],
      populate: { agreement: { select: ['documentId'] } },
    })) as Row[];
    for (const record of found) monitoring.add(`${(record.agreement as Row | null)?.documentId}|${String(record.monitoredOn).slice(0, 10)}`);
  }
  const firstSpelling = new Map<string, PartnerInput>();
  for (const row of [...rows].sort((a, b) => a.row - b.row)) if (row.partner && !firstSpelling.has(row.partner.key)) firstSpelling.set(row.partner.key, row.partner);
  return { partners, units, agreements, monitoring, failedNumbers: new Map(), firstSpelling };
};

const emptyCounts = (): ImportCounts => ({
  partners: { created: 0, matched: 0 },
  agreements: { created: 0, updated: 0, unchanged: 0 },
  monitoring: { created: 0, unchanged: 0 },
});

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null) || String(a ?? '') === String(b ?? '');

/** The fields of `data` that differ from the stored agreement (relations compared by documentId). */
const changedAgreementFields = (stored: Row, data: Record<string, unknown>): Record<string, unknown> => {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    let before: unknown = stored[key];
    if (key === 'partner' || key === 'parent') before = (stored[key] as Row | null)?.documentId ?? null;
    if (key === 'units') {
      const stored_ = ((stored.units as Row[] | undefined) ?? []).map((unit) => unit.documentId).sort().join(',');
      if (stored_ !== [...(value as string[])].sort().join(',')) changed[key] = value;
      continue;
    }
    if (key === 'indefinite') before = Boolean(before);
    if (typeof before === 'string' && /^\d{4}-\d{2}-\d{2}/.test(before) && typeof value === 'string') before = before.slice(0, 10);
    if (!same(before, value)) changed[key] = value;
  }
  return changed;
};

class RowRefused extends Error {
  constructor(readonly found: Array<{ field: ImportFieldKey | 'row'; message: string }>) {
    super('row refused');
  }
}

const refuseRow = (field: ImportFieldKey, message: { id: string; en: string }): never => {
  throw new RowRefused([{ field, message: formatBilingual(message) }]);
};

/** The errors of a write the Document Service refused, at the import field of each refused attribute. */
const refusalOf = (error: unknown, target: ImportTarget): Array<{ field: ImportFieldKey | 'row'; message: string }> | null => {
  if (error instanceof RowRefused) return error.found;
  const candidate = error as { name?: string; message?: string; details?: { errors?: Array<{ path?: unknown[]; message?: string }> } };
  if (candidate?.name !== 'ValidationError' && candidate?.name !== 'ForbiddenError' && candidate?.name !== 'ApplicationError') return null;
  const list = candidate.details?.errors?.length ? candidate.details.errors : [{ path: [], message: candidate.message ?? '' }];
  return list.map((item) => {
    const attribute = String(item.path?.[0] ?? '');
    const field = fieldOfAttribute(target, attribute) ?? (target === 'agreement' && attribute === 'partner' ? 'partnerName' : target === 'monitoring' && attribute === 'agreement' ? 'ourNumber' : 'row');
    return { field, message: bilingualMessage(item.message ?? candidate.message ?? '') };
  });
};

export const createImportService = ({ strapi }: { strapi: Core.Strapi }) => {
  const uploads = new Map<string, Upload>();
  const jobs = new Map<string, Job>();
  let running: Job | null = null;

  const forget = () => {
    const now = Date.now();
    for (const [id, upload] of uploads) if (now - upload.createdAt > UPLOAD_TTL_MS) uploads.delete(id);
    while (uploads.size > MAX_UPLOADS) uploads.delete(uploads.keys().next().value!);
    while (jobs.size > MAX_JOBS) {
      const oldest = [...jobs.values()].find((job) => job.state !== 'running');
      if (!oldest) break;
      jobs.delete(oldest.jobId);
    }
  };

  /** Writes one planned row; returns nothing, throws RowRefused or the Document Service's refusal. */
  const writeRow = async (row: ImportRow, lookups: Lookups, counts: ImportCounts, seenPartners: Set<string>, setTarget: (target: ImportTarget) => void) => {
    const { agreement, monitoring } = row;
    // A new partner is written as the sheet first names it (rows are written parents first).
    const partner = row.partner ? lookups.firstSpelling.get(row.partner.key) ?? row.partner : null;
    if (!partner) return;
    setTarget('partner');
    let partnerId = lookups.partners.get(partner.key);
    if (!partnerId) {
      const created = (await strapi.documents(PARTNER as 'api::partner.partner').create({
        data: {
          name: partner.name,
          country: partner.country,
          level: partner.level,
          institutionType: partner.institutionType,
          ...(partner.city ? { city: partner.city } : {}),
          ...(partner.website ? { website: partner.website } : {}),
        } as never,
      })) as unknown as Row;
      partnerId = created.documentId;
      lookups.partners.set(partner.key, partnerId);
      counts.partners.created += 1;
      seenPartners.add(partner.key);
    } else if (!seenPartners.has(partner.key)) {
      seenPartners.add(partner.key);
      counts.partners.matched += 1;
    }
    if (!agreement) return;

    setTarget('agreement');
    const units = agreement.units.map((name) => {
      const documentId = lookups.units.get(foldText(name));
      if (!documentId) refuseRow('units', { id: `Unit tidak dikenal: "${name}"; tulis kode atau nama unit`, en: `Unknown unit: "${name}"; write the unit's code or name` });
      return documentId!;
    });
    let parent: string | null = null;
    if (agreement.parentNumber) {
      const failedAt = lookups.failedNumbers.get(agreement.parentNumber);
      if (failedAt !== undefined) {
        refuseRow('parentNumber', { id: `Naskah induk ${agreement.parentNumber} di baris ${failedAt} ditolak`, en: `The parent agreement ${agreement.parentNumber} in row ${failedAt} was refused` });
      }
      parent = lookups.agreements.get(agreement.parentNumber)?.documentId ?? null;
      if (!parent) refuseRow('parentNumber', { id: `Naskah induk ${agreement.parentNumber} tidak ada di berkas maupun di sistem`, en: `The parent agreement ${agreement.parentNumber} is neither in the file nor in the system` });
    }
    const data: Record<string, unknown> = {
      kind: agreement.kind,
      ourNumber: agreement.ourNumber,
      title: agreement.title,
      startDate: agreement.startDate,
      indefinite: agreement.indefinite,
      partner: partnerId,
      ...(agreement.endDate ? { endDate: agreement.endDate } : agreement.indefinite ? { endDate: null } : {}),
      ...(agreement.signedDate ? { signedDate: agreement.signedDate } : {}),
      ...(agreement.partnerNumber ? { partnerNumber: agreement.partnerNumber } : {}),
      ...(agreement.scope ? { scope: agreement.scope } : {}),
      ...(agreement.parentNumber ? { parent } : {}),
      ...(agreement.units.length ? { units } : {}),
    };
    const existing = lookups.agreements.get(agreement.ourNumber);
    let agreementId: string;
    if (existing?.stored) {
      agreementId = existing.documentId;
      const changed = changedAgreementFields(existing.stored, data);
      if (Object.keys(changed).length) {
        await strapi.documents(AGREEMENT as 'api::agreement.agreement').update({ documentId: agreementId, data: changed as never });
        counts.agreements.updated += 1;
      } else {
        counts.agreements.unchanged += 1;
      }
    } else {
      // An office's list holds signed agreements: without a signing date, the start date stands for it.
      const created = (await strapi.documents(AGREEMENT as 'api::agreement.agreement').create({ data: { signedDate: agreement.startDate, ...data } as never })) as unknown as Row;
      agreementId = created.documentId;
      lookups.agreements.set(agreement.ourNumber, { documentId: agreementId, stored: null });
      counts.agreements.created += 1;
    }
    if (!monitoring) return;

    setTarget('monitoring');
    const key = `${agreementId}|${monitoring.monitoredOn}`;
    if (lookups.monitoring.has(key)) {
      counts.monitoring.unchanged += 1;
      return;
    }
    await strapi.documents(MONITORING as 'api::monitoring-record.monitoring-record').create({ data: { agreement: agreementId, ...monitoring } as never });
    lookups.monitoring.add(key);
    counts.monitoring.created += 1;
  };

  /** Plans and writes the rows in one transaction; rolls back for a preview or when any row is refused. */
  const execute = async (sheet: Sheet, mapping: ImportMapping, mode: ImportMode, progress: (done: number, total: number) => void): Promise<ImportResult> => {
    const started = Date.now();
    const headerOf = (key: ImportFieldKey) => Object.entries(mapping).find(([, value]) => value === key)?.[0] ?? null;
    const rows = planRows(readRows(sheet, mapping), headerOf);
    const errors: RowError[] = rows.flatMap((row) => row.errors);
    const counts = emptyCounts();
    const total = rows.length;
    progress(0, total);
    const rollBack = new RollBack();
    try {
      await strapi.db.transaction(async () => {
        const lookups = await loadLookups(strapi, rows);
        const seenPartners = new Set<string>();
        for (const [index, row] of rows.entries()) {
          if (index % YIELD_EVERY === 0) {
            progress(index, total);
            await new Promise((resolve) => setImmediate(resolve));
          }
          if (row.sameAs) continue;
          if (row.errors.length) {
            if (row.agreement?.ourNumber) lookups.failedNumbers.set(row.agreement.ourNumber, row.row);
            continue;
          }
          let target: ImportTarget = 'partner';
          try {
            await writeRow(row, lookups, counts, seenPartners, (next) => {
              target = next;
            });
          } catch (error) {
            const refused = refusalOf(error, target);
            if (!refused) throw error;
            if (row.agreement?.ourNumber) lookups.failedNumbers.set(row.agreement.ourNumber, row.row);
            errors.push(...refused.map((item) => ({ row: row.row, field: item.field, column: item.field === 'row' ? null : headerOf(item.field), message: item.message })));
          }
        }
        progress(total, total);
        if (mode === 'preview' || errors.length) throw rollBack;
      });
    } catch (error) {
      if (error !== rollBack) throw error;
    }
    const order = new Map(IMPORT_FIELDS.map((item, index) => [item.key as string, index]));
    errors.sort((a, b) => a.row - b.row || (order.get(a.field) ?? 99) - (order.get(b.field) ?? 99));
    return {
      mode,
      committed: mode === 'import' && errors.length === 0,
      rows: total,
      errors,
      counts,
      repeated: rows.filter((row) => row.sameAs).length,
      durationMs: Date.now() - started,
    };
  };

  const publicJob = (job: Job): ImportJob => ({
    jobId: job.jobId, progressToken: job.progressToken, mode: job.mode, state: job.state, done: job.done, total: job.total, result: job.result, failure: job.failure,
  });

  return {
    /** Reads an uploaded file; answers its columns and the mapping to start from (remembered for its layout, else guessed). */
    async upload(bytes: Buffer, filename: string): Promise<ImportUpload> {
      forget();
      if (bytes.length > MAX_IMPORT_BYTES) notFound('file', { id: 'Berkas paling besar 20 MB', en: 'The file may be at most 20 MB' });
      let sheet: Sheet;
      let format: 'xlsx' | 'csv';
      try {
        format = sheetFormat(bytes);
        sheet = await readSheet(bytes);
      } catch (error) {
        if (error instanceof SheetError) return throwFieldErrors([{ path: ['file'], message: error.message }]) as never;
        throw error;
      }
      const remembered = (await store(strapi).get({ key: mappingStoreKey(sheet.headers) })) as ImportMapping | null;
      const usable = remembered && checkMapping(remembered, sheet.headers).length === 0 ? remembered : null;
      const id = newId();
      uploads.set(id, { id, filename, format, sheet, createdAt: Date.now() });
      return {
        uploadId: id,
        filename,
        format,
        sheetName: sheet.sheetName,
        headerRow: sheet.headerRow,
        headers: sheet.headers,
        rowCount: sheet.rows.length,
        sample: sheet.rows.slice(0, 5).map((row) => row.cells.map((cell) => cellText(cell))),
        mapping: usable ?? guessMapping(sheet.headers),
        remembered: Boolean(usable),
      };
    },

    /** Starts a preview or an import of an upload with a mapping (remembered for the file's layout); one job at a time. */
    async start(input: { uploadId: string; mapping: Record<string, string | null>; mode: ImportMode }): Promise<ImportJob> {
      forget();
      const upload = uploads.get(input.uploadId);
      if (!upload) return notFound('uploadId', { id: 'Unggahan tidak ditemukan atau kedaluwarsa; unggah berkas lagi', en: 'Upload not found or expired; upload the file again' }) as never;
      const mapping = Object.fromEntries(Object.entries(input.mapping).filter(([, key]) => key)) as ImportMapping;
      const problems = checkMapping(mapping, upload.sheet.headers);
      if (problems.length) throwFieldErrors(problems);
      if (running) throw workflowConflict(formatBilingual({ id: 'Impor lain sedang berjalan; tunggu sampai selesai', en: 'Another import is running; wait until it ends' }), { jobId: running.jobId });
      await store(strapi).set({ key: mappingStoreKey(upload.sheet.headers), value: mapping });
      const job: Job = { jobId: newId(), progressToken: newId(), mode: input.mode, state: 'running', done: 0, total: upload.sheet.rows.length, result: null, failure: null };
      jobs.set(job.jobId, job);
      running = job;
      const progress = (done: number, total: number) => {
        job.done = done;
        job.total = total;
      };
      void execute(upload.sheet, mapping, input.mode, progress)
        .then((result) => {
          job.result = result;
          job.state = 'done';
        })
        .catch((error: Error) => {
          strapi.log.error(`Import ${job.jobId} failed: ${error.stack ?? error.message}`);
          job.state = 'failed';
          job.failure = formatBilingual({ id: `Impor gagal dan tidak ada yang disimpan: ${error.message}`, en: `The import failed and nothing was saved: ${error.message}` });
        })
        .finally(() => {
          job.finishedAt = Date.now();
          if (running === job) running = null;
        });
      return publicJob(job);
    },

    job(jobId: string): ImportJob {
      const job = jobs.get(jobId);
      if (!job) return notFound('jobId', { id: 'Pekerjaan impor tidak ditemukan', en: 'Import job not found' }) as never;
      return publicJob(job);
    },

    progress(token: string): ImportProgress {
      const job = [...jobs.values()].find((candidate) => candidate.progressToken === token);
      if (!job) return notFound('token', { id: 'Pekerjaan impor tidak ditemukan', en: 'Import job not found' }) as never;
      return { state: job.state, done: job.done, total: job.total };
    },

    /** The same work without the job (the benchmark and scripts): read, plan, write. */
    execute,
  };
};
