import { defineWorkflow } from './define';
import { Guard } from './types';

const hasActiveAgreement: Guard = {
  holds: (context) => (context.activeAgreementCount ?? 0) >= 1,
  message: {
    id: 'mitra harus memiliki sedikitnya satu naskah kerjasama yang berlaku',
    en: 'the partner needs at least one active agreement',
  },
};

const LISTING = ['listing_sync'] as const;

/** The public directory listing of a partner (Strapi's publish state follows isPartnerListed). */
export const partnerListingWorkflow = defineWorkflow({
  uid: 'api::partner.partner',
  labels: { id: 'Pencantuman mitra di direktori', en: "The partner's directory listing" },
  states: {
    draft: { id: 'Draf', en: 'Draft' },
    proposed: { id: 'Diusulkan', en: 'Proposed' },
    approved: { id: 'Disetujui', en: 'Approved' },
    withdrawn: { id: 'Ditarik', en: 'Withdrawn' },
  },
  initial: 'draft',
  frozenStates: [],
  // Strapi's published version is the public listing: every write re-applies the listing rule.
  publicationByWorkflow: true,
  editEffects: ['listing_sync'],
  transitions: [
    { name: 'propose', from: 'draft', to: 'proposed', roles: ['staf_humas', 'kapokja', 'super_admin', 'api_token'], effects: LISTING },
    {
      name: 'approve',
      from: 'proposed',
      to: 'approved',
      roles: ['kapokja', 'direktur', 'super_admin'],
      guard: hasActiveAgreement,
      effects: LISTING,
    },
    {
      name: 'return',
      from: 'proposed',
      to: 'draft',
      roles: ['kapokja', 'direktur', 'super_admin', 'api_token'],
      reasonRequired: true,
      effects: LISTING,
    },
    {
      name: 'withdraw_listing',
      from: 'approved',
      to: 'withdrawn',
      roles: ['kapokja', 'direktur', 'super_admin', 'api_token'],
      reasonRequired: true,
      effects: LISTING,
    },
    {
      name: 'propose',
      from: 'withdrawn',
      to: 'proposed',
      roles: ['staf_humas', 'kapokja', 'super_admin', 'api_token'],
      effects: LISTING,
    },
  ],
});

export type PartnerListingState = (typeof partnerListingWorkflow.states)[number]['name'];

/** A partner appears in the public directory only while approved and bound by an active agreement. */
export function isPartnerListed({
  workflowState,
  activeAgreementCount,
}: {
  workflowState: string | null | undefined;
  activeAgreementCount: number;
}): boolean {
  return workflowState === 'approved' && activeAgreementCount >= 1;
}
