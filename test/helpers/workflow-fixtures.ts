import type { Core } from '@strapi/strapi';
import { writeContext } from './dist';
import type { WorkflowUid } from '../../src/domain/workflow';

let counter = 0;
const next = () => (counter += 1);
/** Programs and reports are one per year (2000–2099): each type counts its own years. */
const yearsUsed: Record<string, number> = {};
const nextYear = (uid: string) => 2000 + ((yearsUsed[uid] = (yearsUsed[uid] ?? 0) + 1) % 100);

const FULL_ANALYSIS = {
  visionAlignment: 'Selaras dengan visi politeknik bermitra erat dengan industri',
  needsAlignment: 'Dibutuhkan jurusan',
  feasibility: 'Layak',
  risk: 'Rendah',
  recommendation: 'proceed',
};

/** Records the workflow fixtures hang on: a unit, a partner with an active agreement, an approved program. */
export interface WorkflowDeps {
  unitId: string;
  partnerId: string;
  approvedProgramId: string;
}

const create = (strapi: Core.Strapi, uid: string, data: Record<string, unknown>) =>
  writeContext().runAsSystem('test-fixture', async () => (await strapi.documents(uid as never).create({ data } as never)) as { documentId: string; id: number });

const pastDate = '2024-01-01';
const futureDate = `${new Date().getUTCFullYear() + 3}-12-31`;

export const createActiveAgreement = (strapi: Core.Strapi, partnerId: string, extra: Record<string, unknown> = {}) =>
  create(strapi, 'api::agreement.agreement', {
    kind: 'mou',
    ourNumber: `WF/${next()}/${Date.now()}`,
    title: 'MoU alur kerja',
    partner: partnerId,
    signedDate: pastDate,
    startDate: pastDate,
    endDate: futureDate,
    ...extra,
  });

export const createWorkflowDeps = async (strapi: Core.Strapi): Promise<WorkflowDeps> => {
  const unit = await create(strapi, 'api::unit.unit', { code: `WF-${next()}`, name: 'Jurusan Alur Kerja', kind: 'department' });
  const partner = await create(strapi, 'api::partner.partner', { name: 'PT Mitra Alur', institutionType: 'industry', level: 'national', country: 'ID' });
  await createActiveAgreement(strapi, partner.documentId);
  const program = await createInState(strapi, 'api::annual-program.annual-program', 'approved', { unitId: unit.documentId, partnerId: partner.documentId, approvedProgramId: '' });
  return { unitId: unit.documentId, partnerId: partner.documentId, approvedProgramId: program };
};

/** A record of the workflow type in the given state, with every guard of its next moves met. */
export const createInState = async (strapi: Core.Strapi, uid: WorkflowUid, state: string, deps: WorkflowDeps): Promise<string> => {
  const n = next();
  switch (uid) {
    case 'api::proposal.proposal':
      return (await create(strapi, uid, { title: `Usulan ${n}`, unit: deps.unitId, partner: deps.partnerId, objectives: 'Tujuan', plannedYear: 2026, analysis: FULL_ANALYSIS, workflowState: state })).documentId;
    case 'api::annual-program.annual-program': {
      const program = await create(strapi, uid, { year: nextYear(uid), title: `Program ${n}`, workflowState: state });
      await create(strapi, 'api::program-item.program-item', { title: `Butir ${n}`, program: program.documentId });
      return program.documentId;
    }
    case 'api::program-item.program-item':
      return (await create(strapi, uid, { title: `Butir ${n}`, program: deps.approvedProgramId, workflowState: state })).documentId;
    case 'api::meeting-minute.meeting-minute':
      return (await create(strapi, uid, { number: `NOT/${n}/${Date.now()}`, title: 'Rapat', meetingDate: '2026-01-10', kind: 'internal', workflowState: state })).documentId;
    case 'api::evaluation-report.evaluation-report':
      return (await create(strapi, uid, { year: nextYear(uid), title: `Laporan ${n}`, workflowState: state })).documentId;
    case 'api::partner.partner': {
      const partner = await create(strapi, uid, { name: `PT Mitra ${n}`, institutionType: 'industry', level: 'national', country: 'ID', workflowState: state });
      await createActiveAgreement(strapi, partner.documentId);
      return partner.documentId;
    }
    case 'api::satisfaction-survey.satisfaction-survey':
      return (await create(strapi, uid, { title: `Survei ${n}`, year: 2026, scaleMax: 4, workflowState: state })).documentId;
    case 'api::activity-report.activity-report':
      return (await create(strapi, uid, { title: `Kegiatan ${n}`, unit: deps.unitId, tridharma: 'education', startDate: '2026-01-10', workflowState: state })).documentId;
  }
};

export const stateOf = async (strapi: Core.Strapi, uid: string, documentId: string) => {
  const row = await strapi.db.query(uid as never).findOne({ where: { documentId, ...(uid === 'api::partner.partner' ? { publishedAt: null } : {}) } });
  return row?.workflowState as string | undefined;
};

export const logCount = (strapi: Core.Strapi, documentId: string) =>
  strapi.db.query('api::transition-log.transition-log').count({ where: { recordDocumentId: documentId } });
