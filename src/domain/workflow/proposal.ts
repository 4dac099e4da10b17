import { Bilingual } from '../bilingual';
import { defineWorkflow } from './define';
import { Guard } from './types';

/** What Humas writes before Kapokja may recommend a proposal: every part, not only some. */
export const ANALYSIS_FIELDS = ['visionAlignment', 'needsAlignment', 'feasibility', 'risk', 'recommendation'] as const;
export type AnalysisField = (typeof ANALYSIS_FIELDS)[number];

export const ANALYSIS_FIELD_LABELS: Readonly<Record<AnalysisField, Bilingual>> = {
  visionAlignment: { id: 'kesesuaian dengan visi', en: 'alignment with the vision' },
  needsAlignment: { id: 'kesesuaian dengan kebutuhan', en: 'alignment with the needs' },
  feasibility: { id: 'kelayakan', en: 'feasibility' },
  risk: { id: 'risiko', en: 'risk' },
  recommendation: { id: 'rekomendasi', en: 'recommendation' },
};

/** The analysis fields still empty; whitespace alone does not count as written. */
export function missingAnalysisFields(analysis: Readonly<Record<string, unknown>> | null | undefined): AnalysisField[] {
  return ANALYSIS_FIELDS.filter((field) => {
    const value = analysis?.[field];
    return typeof value !== 'string' || value.trim() === '';
  });
}

const analysisComplete: Guard = {
  // Left out by the caller counts as not written.
  holds: (context) => context.missingAnalysisFields?.length === 0,
  message: {
    id: 'usulan harus dianalisis sebelum direkomendasikan',
    en: 'the proposal needs its analysis before it can be recommended',
  },
  missingFields: (context) =>
    (context.missingAnalysisFields ?? ANALYSIS_FIELDS).map((field) => ({ path: ['analysis', field], labels: ANALYSIS_FIELD_LABELS[field] })),
};

/** The fields a unit fills in; anything else (the analysis, the source channel…) is Humas's. */
const UNIT_WRITABLE_FIELDS = [
  'title',
  'unit',
  'callForProposals',
  'proposerName',
  'proposerEmail',
  'partner',
  'prospectivePartnerName',
  'prospectivePartnerType',
  'prospectivePartnerCountry',
  'prospectivePartnerContact',
  'cooperationTypes',
  'objectives',
  'expectedBenefit',
  'plannedYear',
  'kpis',
  'attachments',
  'workflowState',
] as const;

/** A unit submits and withdraws its own proposals; Kapokja reviews and recommends; the Director decides. */
export const proposalWorkflow = defineWorkflow({
  uid: 'api::proposal.proposal',
  labels: { id: 'Usulan kerjasama', en: 'The cooperation proposal' },
  states: {
    draft: { id: 'Draf', en: 'Draft' },
    submitted: { id: 'Diajukan', en: 'Submitted' },
    under_review: { id: 'Sedang ditinjau', en: 'Under review' },
    revision_requested: { id: 'Perlu revisi', en: 'Revision requested' },
    recommended: { id: 'Direkomendasikan', en: 'Recommended' },
    approved: { id: 'Disetujui', en: 'Approved' },
    rejected: { id: 'Ditolak', en: 'Rejected' },
    withdrawn: { id: 'Ditarik', en: 'Withdrawn' },
  },
  initial: 'draft',
  frozenStates: [],
  // Its own draft, or a revision asked of it (src/document-middlewares/proposal-intake.ts applies it).
  unitEdits: { states: ['draft', 'revision_requested'], fields: UNIT_WRITABLE_FIELDS },
  transitions: [
    {
      name: 'submit',
      from: 'draft',
      to: 'submitted',
      roles: ['unit', 'staf_humas', 'kapokja', 'super_admin', 'api_token'],
    },
    {
      name: 'review',
      from: 'submitted',
      to: 'under_review',
      roles: ['staf_humas', 'kapokja', 'super_admin', 'api_token'],
    },
    {
      name: 'request_revision',
      from: 'under_review',
      to: 'revision_requested',
      roles: ['kapokja', 'super_admin', 'api_token'],
      reasonRequired: true,
    },
    {
      name: 'resubmit',
      from: 'revision_requested',
      to: 'submitted',
      roles: ['unit', 'staf_humas', 'kapokja', 'super_admin', 'api_token'],
    },
    {
      name: 'recommend',
      from: 'under_review',
      to: 'recommended',
      roles: ['kapokja', 'super_admin', 'api_token'],
      guard: analysisComplete,
    },
    {
      name: 'reject',
      from: 'under_review',
      to: 'rejected',
      roles: ['kapokja', 'super_admin', 'api_token'],
      reasonRequired: true,
    },
    {
      name: 'reject',
      from: 'recommended',
      to: 'rejected',
      roles: ['direktur', 'super_admin', 'api_token'],
      reasonRequired: true,
    },
    { name: 'approve', from: 'recommended', to: 'approved', roles: ['direktur', 'super_admin'] },
    {
      name: 'withdraw',
      from: 'draft',
      to: 'withdrawn',
      roles: ['unit', 'staf_humas', 'kapokja', 'super_admin', 'api_token'],
      reasonRequired: true,
    },
    {
      name: 'withdraw',
      from: 'submitted',
      to: 'withdrawn',
      roles: ['unit', 'staf_humas', 'kapokja', 'super_admin', 'api_token'],
      reasonRequired: true,
    },
  ],
});

export type ProposalState = (typeof proposalWorkflow.states)[number]['name'];
