import type { Core } from '@strapi/strapi';
import { PLUGIN_ACTIONS } from '../contracts/permissions';
import { evidencePackQuery, iku6Query, lkpsQuery } from '../contracts/schemas/accreditation';
import { parseInput } from '../http/validate';
import { adminRoute, pluginAction, type AdminContext } from '../planning/routes/policy';
import { XLSX_TYPE } from '../planning/services/export';
import { createAccreditationRepository } from './repository';
import { iku6, iku6Workbook, lkpsTable1, lkpsWorkbook } from './service';
import { evidencePack, packFileName, packStream } from './evidence-pack';

/**
 * Admin routes of accreditation (issue 12): LKPS Table 1 of a study program, IKU 6 of every
 * study program, and the KPI evidence pack.
 *
 * Permissions (decision): reading the tables and the pack's index (`accreditation.read`) is for
 * every office role — Staf Humas prepares the tables with the study programs, the Kapokja checks
 * them, the Director reads the institution's IKU 6. The pack itself (`accreditation.evidence-pack`)
 * carries every confidential file of the records (signed agreements, evidence files, issued
 * documents) in one download: it goes to the Kapokja, who answers for the accreditation evidence,
 * and the Director; Staf Humas opens single files through the records as before, but does not
 * take the whole archive out.
 */
export const accreditationPermissionActions = [
  pluginAction('accreditation', 'accreditation.read-accreditation', 'Lihat LKPS Tabel 1 dan IKU 6 (Read LKPS Table 1 and IKU 6)'),
  pluginAction('accreditation', 'accreditation.evidence-pack', 'Unduh paket bukti KPI beserta berkasnya (Download the KPI evidence pack with its files)'),
];

const READ = PLUGIN_ACTIONS.readAccreditation;
const PACK = PLUGIN_ACTIONS.downloadEvidencePack;

export const accreditationRoutes = [
  adminRoute('GET', '/accreditation/study-programs', 'accreditation.studyPrograms', READ),
  adminRoute('GET', '/accreditation/lkps', 'accreditation.lkps', READ),
  adminRoute('GET', '/accreditation/lkps/export', 'accreditation.lkpsExport', READ),
  adminRoute('GET', '/accreditation/iku6', 'accreditation.iku6', READ),
  adminRoute('GET', '/accreditation/iku6/export', 'accreditation.iku6Export', READ),
  adminRoute('GET', '/accreditation/evidence-pack/index', 'accreditation.packIndex', READ),
  adminRoute('GET', '/accreditation/evidence-pack', 'accreditation.pack', PACK),
];

type Ctx = AdminContext & { origin?: string };

const sendXlsx = (ctx: Ctx, filename: string, bytes: Buffer) => {
  ctx.type = XLSX_TYPE;
  ctx.attachment(filename);
  ctx.body = bytes;
};

export const accreditationControllers = {
  accreditation: ({ strapi }: { strapi: Core.Strapi }) => ({
    async studyPrograms(ctx: Ctx) {
      const programs = await createAccreditationRepository(strapi).studyPrograms();
      ctx.body = { data: programs.map(({ documentId, code, name }) => ({ documentId, code, name })).sort((a, b) => a.code.localeCompare(b.code)) };
    },
    async lkps(ctx: Ctx) {
      ctx.body = { data: await lkpsTable1(strapi, parseInput(lkpsQuery, ctx.query)) };
    },
    async lkpsExport(ctx: Ctx) {
      const table = await lkpsTable1(strapi, parseInput(lkpsQuery, ctx.query));
      sendXlsx(ctx, `LKPS-Tabel-1-${table.unitCode}-${table.year}.xlsx`, await lkpsWorkbook(table, ctx.origin));
    },
    async iku6(ctx: Ctx) {
      ctx.body = { data: await iku6(strapi, parseInput(iku6Query, ctx.query).year) };
    },
    async iku6Export(ctx: Ctx) {
      const result = await iku6(strapi, parseInput(iku6Query, ctx.query).year);
      sendXlsx(ctx, `IKU6-${result.year}.xlsx`, await iku6Workbook(result));
    },
    async packIndex(ctx: Ctx) {
      const pack = await evidencePack(strapi, parseInput(evidencePackQuery, ctx.query));
      // The listing without where each file lies on the server.
      ctx.body = { data: { ...pack, files: undefined, rows: pack.rows.map((row) => ({ ...row, files: row.files.map(({ path, name, size, missing }) => ({ path, name, size, missing: Boolean(missing) })) })) } };
    },
    async pack(ctx: Ctx) {
      const pack = await evidencePack(strapi, parseInput(evidencePackQuery, ctx.query));
      const stream = await packStream(strapi, pack);
      ctx.type = 'application/zip';
      ctx.attachment(packFileName(pack));
      ctx.body = stream;
    },
  }),
};
