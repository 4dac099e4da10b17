import type { Core } from '@strapi/strapi';
import { isPartnerListed } from '../domain/workflow';
import { formatBilingual } from '../domain/bilingual';
import { countActiveAgreements } from './facts';
import { currentWriteContext, runAsSystem } from './write-context';

const PARTNER = 'api::partner.partner';
type Row = Record<string, unknown> & { id: number; documentId: string };

/** The approved version of a program, kept readable after a revision is opened. */
export const programSnapshot = async (strapi: Core.Strapi, programId: number) => {
  const program = (await strapi.db.query('api::annual-program.annual-program').findOne({
    where: { id: programId },
    select: ['documentId', 'year', 'title', 'summary', 'revisionNumber'],
  })) as Row;
  const items = (await strapi.db.query('api::program-item.program-item').findMany({
    where: { program: { id: programId } },
    orderBy: { id: 'asc' },
    populate: {
      partner: { select: ['documentId', 'name'] },
      cooperationType: { select: ['code', 'name'] },
      units: { select: ['code', 'name'] },
      kpis: { select: ['code'] },
    },
  })) as Row[];
  return {
    ...program,
    items: items.map((item) => ({
      documentId: item.documentId,
      title: item.title,
      partner: (item.partner as Row | null)?.name ?? null,
      cooperationType: (item.cooperationType as Row | null)?.code ?? null,
      units: ((item.units as Row[]) ?? []).map((unit) => unit.code),
      kpis: ((item.kpis as Row[]) ?? []).map((kpi) => kpi.code),
      quarter: item.quarter,
      plannedStart: item.plannedStart,
      plannedEnd: item.plannedEnd,
      budget: item.budget,
      expectedOutput: item.expectedOutput,
      workflowState: item.workflowState,
    })),
  };
};

const partnerVersions = async (strapi: Core.Strapi, documentId: string) => {
  const rows = (await strapi.db.query(PARTNER).findMany({ where: { documentId }, select: ['id', 'workflowState', 'publishedAt'] })) as Row[];
  return { draft: rows.find((row) => !row.publishedAt), published: rows.find((row) => row.publishedAt) };
};

const listingState = async (strapi: Core.Strapi, documentId: string) => {
  const { draft, published } = await partnerVersions(strapi, documentId);
  const activeAgreementCount = await countActiveAgreements(strapi, documentId);
  const listed = Boolean(draft) && isPartnerListed({ workflowState: draft!.workflowState as string, activeAgreementCount });
  return { draft, published, listed };
};

export type PublicationAction = 'publish' | 'unpublish' | 'discardDraft';

/** Why a manual publish / unpublish / discard of a partner is refused, or null when allowed. */
export const partnerListingRefusal = async (strapi: Core.Strapi, documentId: string, action: PublicationAction): Promise<string | null> => {
  if (currentWriteContext().system) return null;
  const { draft, published, listed } = await listingState(strapi, documentId);
  if (action === 'publish' && !listed) {
    return formatBilingual({
      id: 'Mitra hanya tampil di direktori publik bila listing disetujui dan memiliki minimal satu naskah kerjasama aktif',
      en: 'A partner is listed in the public directory only with an approved listing and at least one active agreement',
    });
  }
  if (action === 'unpublish' && listed) {
    return formatBilingual({
      id: 'Mitra ini memenuhi syarat tampil; tarik listing-nya (dengan alasan) untuk menyembunyikannya',
      en: 'This partner meets the listing rule; withdraw its listing (with a reason) to hide it',
    });
  }
  if (action === 'discardDraft' && draft && published && draft.workflowState !== published.workflowState) {
    return formatBilingual({
      id: 'Membuang draf akan mengubah status listing tanpa transisi',
      en: 'Discarding the draft would change the listing state without a transition',
    });
  }
  return null;
};

/**
 * Keeps the published version (the public listing) in line with the listing rule: published,
 * and refreshed, while listed; unpublished as soon as it is not.
 */
export const syncPartnerListing = async (strapi: Core.Strapi, documentId: string) => {
  const { published, listed } = await listingState(strapi, documentId);
  await runAsSystem('partner-listing', async () => {
    if (listed) await strapi.documents(PARTNER).publish({ documentId });
    else if (published) await strapi.documents(PARTNER).unpublish({ documentId });
  });
};
