/**
 * The adapter of each workflow type: the facts its guards read and the implementations of its
 * type-specific effects. The rules themselves (states, who may move, what freezes, which effects
 * run) are the spec in src/domain/workflow; src/document-middlewares/workflow.ts applies both.
 */
import type { Core, UID } from '@strapi/strapi';
import { WORKFLOWS, type EffectName, type TransitionContext, type WorkflowMachine, type WorkflowUid } from '../domain/workflow';
import type { Actor } from '../domain/roles';
import { activityReportFacts, annualProgramFacts, partnerFacts, programItemFacts, proposalFacts } from './facts';
import { partnerListingRefusal, programSnapshot, syncPartnerListing, type PublicationAction } from './effects';

type Row = Record<string, unknown> & { id: number; documentId: string };

/** The FO.28.2.1 figures of a year, computed now (loaded on first use: the figures bring the planning services). */
const evaluationFiguresOf = async (strapi: Core.Strapi, year: number) => {
  const { createEvaluationFigures } = await import('../documents/evaluation/figures');
  return createEvaluationFigures(strapi).compute(year);
};

export interface WorkflowAdapter {
  /** Facts its guards need (TransitionContext), with the incoming data laid over the stored record. */
  facts?: (strapi: Core.Strapi, stored: Row, data: Record<string, unknown>) => Promise<TransitionContext>;
  /** The `snapshot` effect: the version kept readable after the record moves on. */
  snapshot?: (strapi: Core.Strapi, stored: Row) => Promise<unknown>;
  /** The `frozen_figures` effect: the figures the record keeps from now on. */
  figures?: (strapi: Core.Strapi, stored: Row) => Promise<unknown>;
  /** The `listing_sync` effect: the published version follows the listing rule. */
  syncListing?: (strapi: Core.Strapi, documentId: string) => Promise<void>;
  /** For `publicationByWorkflow`: why a manual publish, unpublish or discard is refused (null: allowed). */
  publicationRefusal?: (strapi: Core.Strapi, documentId: string, action: PublicationAction) => Promise<string | null>;
}

export const ADAPTERS: Readonly<Record<WorkflowUid, WorkflowAdapter>> = {
  'api::proposal.proposal': { facts: proposalFacts },
  'api::annual-program.annual-program': { facts: annualProgramFacts, snapshot: (strapi, stored) => programSnapshot(strapi, stored.id) },
  'api::program-item.program-item': { facts: programItemFacts },
  'api::meeting-minute.meeting-minute': {},
  'api::evaluation-report.evaluation-report': { figures: (strapi, stored) => evaluationFiguresOf(strapi, Number(stored.year)) },
  'api::partner.partner': { facts: partnerFacts, syncListing: syncPartnerListing, publicationRefusal: partnerListingRefusal },
  'api::satisfaction-survey.satisfaction-survey': {},
  'api::activity-report.activity-report': { facts: activityReportFacts },
};

/** What a spec asks of its adapter that the adapter does not supply (empty: complete). */
export const missingImplementations = (machine: WorkflowMachine, adapter: WorkflowAdapter): string[] => {
  const effects = new Set([...machine.transitions.flatMap((t) => t.effects), ...machine.editEffects]);
  return [
    ...(effects.has('snapshot') && !adapter.snapshot ? ['snapshot'] : []),
    ...(effects.has('frozen_figures') && !adapter.figures ? ['frozen_figures'] : []),
    ...(effects.has('listing_sync') && !adapter.syncListing ? ['listing_sync'] : []),
    ...(machine.publicationByWorkflow && !adapter.publicationRefusal ? ['publicationRefusal'] : []),
  ];
};

/** Fails the boot when a spec names an effect its adapter does not implement. */
export const assertAdaptersComplete = () => {
  for (const machine of Object.values(WORKFLOWS)) {
    const missing = missingImplementations(machine, ADAPTERS[machine.uid]);
    if (missing.length) throw new Error(`The workflow adapter of ${machine.uid} lacks: ${missing.join(', ')}`);
  }
};

export const transitionFacts = async (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  stored: Row,
  data: Record<string, unknown>,
): Promise<TransitionContext> => (await (ADAPTERS as Partial<Record<string, WorkflowAdapter>>)[uid]?.facts?.(strapi, stored, data)) ?? {};

interface EffectInput {
  strapi: Core.Strapi;
  uid: WorkflowUid;
  stored: Row;
  data: Record<string, unknown>;
  actor: Actor;
  now: string;
}

type FieldEffect = Exclude<EffectName, 'listing_sync'>;

/** Effects that write the record's derived fields into the save; a value returned goes into the log entry. */
const FIELD_EFFECTS: Readonly<Record<FieldEffect, (input: EffectInput) => unknown>> = {
  approval_record: ({ data, actor, now }) => {
    Object.assign(data, { approvedAt: now, approvedBy: actor.name ?? actor.kind });
  },
  snapshot: async ({ strapi, uid, stored, data }) => {
    const snapshot = await ADAPTERS[uid].snapshot!(strapi, stored);
    data.approvedSnapshot = snapshot;
    return snapshot;
  },
  revision_number: ({ stored, data }) => {
    data.revisionNumber = Number(stored.revisionNumber ?? 0) + 1;
  },
  finalisation_time: ({ data, now }) => {
    data.finalizedAt = now;
  },
  verification_time: ({ data, now }) => {
    data.verifiedAt = now;
  },
  frozen_figures: async ({ strapi, uid, stored, data }) => {
    data.figures = await ADAPTERS[uid].figures!(strapi, stored);
  },
};

const isFieldEffect = (effect: EffectName): effect is FieldEffect => effect !== 'listing_sync';

/** Runs the field-writing effects before the write; returns the snapshot for the log, if one was taken. */
export const applyFieldEffects = async (effects: readonly EffectName[], input: Omit<EffectInput, 'now'>): Promise<unknown> => {
  const now = new Date().toISOString();
  let kept: unknown;
  for (const effect of effects.filter(isFieldEffect)) {
    const value = await FIELD_EFFECTS[effect]({ ...input, now });
    if (value !== undefined) kept = value;
  }
  return kept;
};

/** Runs the effects that follow the write (the listing sync). */
export const applyAfterEffects = async (strapi: Core.Strapi, uid: WorkflowUid, effects: readonly EffectName[], documentId: string) => {
  if (effects.includes('listing_sync')) await ADAPTERS[uid].syncListing!(strapi, documentId);
};
