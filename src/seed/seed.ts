/**
 * Seeds the reference catalogues and, on a fresh installation, a demo planning year.
 *
 * Every write goes through the Document Service, so the same validation and workflow
 * middlewares as any other entry point see it, as the `seed` system actor. Reads use the query
 * engine. A marker in the core store records the seed version that ran: a later boot with the
 * same version writes nothing at all.
 */
import type { Core, UID } from '@strapi/strapi';
import { runAsSystem } from '../workflow/write-context';
import { buildDemoYear, DemoYear, isInForce } from './demo-data';
import { COOPERATION_TYPES, KPIS, UNITS } from './reference-data';

/** Bump when the reference catalogues grow, so the next boot creates the new codes. */
export const SEED_VERSION = 1;

export interface SeedOptions {
  /** Seed the demo year when the database has no partner yet. */
  demo: boolean;
  /** The day the demo year is built around; defaults to now. */
  today?: Date;
}

export interface SeedResult {
  /** Documents created per content-type uid (0 for the ones left untouched). */
  created: Record<string, number>;
}

interface SeedMarker {
  version: number;
  /** The year the demo data was built for; once set, the demo is never seeded again. */
  demoYear: number | null;
  seededAt: string;
}

const UIDS = {
  unit: 'api::unit.unit',
  kpi: 'api::kpi.kpi',
  cooperationType: 'api::cooperation-type.cooperation-type',
  partner: 'api::partner.partner',
  agreement: 'api::agreement.agreement',
  evaluationReport: 'api::evaluation-report.evaluation-report',
  annualProgram: 'api::annual-program.annual-program',
  programItem: 'api::program-item.program-item',
  proposal: 'api::proposal.proposal',
  meetingMinute: 'api::meeting-minute.meeting-minute',
  needsMapping: 'api::needs-mapping.needs-mapping',
  annualTarget: 'api::annual-target.annual-target',
  monitoringRecord: 'api::monitoring-record.monitoring-record',
} as const satisfies Record<string, UID.ContentType>;

type SeededUid = (typeof UIDS)[keyof typeof UIDS];

type Data = Record<string, unknown>;

/**
 * Creates what is missing and never updates a record:
 * - the reference catalogues (units, KPIs, cooperation types), matched by code, when this
 *   SEED_VERSION has not run on the database yet (a code the office deleted stays deleted until
 *   the version is bumped);
 * - the demo year, when `options.demo` is set, the demo never ran here and there is no partner.
 */
export async function seedDatabase(strapi: Core.Strapi, options: SeedOptions): Promise<SeedResult> {
  return runAsSystem('seed', () =>
    // One transaction: a failure leaves no half-seeded demo behind (which would block a retry,
    // since the demo only goes into a database without partners).
    strapi.db.transaction(async () => {
      const writer = createWriter(strapi);
      const store = strapi.store({ type: 'plugin', name: 'kerjasama', key: 'seed' });
      const marker = ((await store.get({})) ?? null) as SeedMarker | null;
      const upToDate = marker?.version === SEED_VERSION;
      const previousDemoYear = marker?.demoYear ?? null;

      const references = await seedReferenceData(strapi, writer, { createMissing: !upToDate });

      let demoYear = previousDemoYear;
      if (options.demo && demoYear === null && (await strapi.db.query(UIDS.partner).count()) === 0) {
        const demo = buildDemoYear(options.today ?? new Date());
        await seedDemoYear(writer, references, demo);
        demoYear = demo.year;
      }

      if (!upToDate || demoYear !== previousDemoYear) {
        const value: SeedMarker = { version: SEED_VERSION, demoYear, seededAt: new Date().toISOString() };
        await store.set({ value });
      }
      const total = Object.values(writer.created).reduce((sum, count) => sum + count, 0);
      if (total > 0) strapi.log.info(`[seed] created ${total} documents (seed version ${SEED_VERSION})`);
      return { created: writer.created };
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

type Writer = ReturnType<typeof createWriter>;

function createWriter(strapi: Core.Strapi) {
  const created = Object.fromEntries(Object.values(UIDS).map((uid) => [uid, 0])) as Record<SeededUid, number>;
  return {
    created,
    /** Creates a document (a draft, for draft & publish types) and returns its documentId. */
    async create(uid: SeededUid, data: Data): Promise<string> {
      const document = await strapi.documents(uid).create({ data });
      created[uid] += 1;
      return document.documentId;
    },
    async publishPartner(documentId: string): Promise<void> {
      await strapi.documents(UIDS.partner).publish({ documentId });
    },
  };
}

/** documentIds by the key records use to refer to each other (code, key or title). */
class DocumentIndex {
  private readonly ids = new Map<string, string>();

  constructor(private readonly label: string) {}

  set(key: string, documentId: string): void {
    this.ids.set(key, documentId);
  }

  has(key: string): boolean {
    return this.ids.has(key);
  }

  /** The documentId for a to-one relation. */
  id(key: string): string {
    const documentId = this.ids.get(key);
    if (documentId === undefined) throw new Error(`Seed data refers to an unknown ${this.label}: ${key}`);
    return documentId;
  }

  /** The documentId, or nothing when the relation is left empty. */
  optional(key: string | undefined): string | undefined {
    return key === undefined ? undefined : this.id(key);
  }

  /** A to-many relation payload. */
  connect(keys: readonly string[]): { connect: string[] } {
    return { connect: keys.map((key) => this.id(key)) };
  }
}

// ---------------------------------------------------------------------------------------------
// Reference catalogues
// ---------------------------------------------------------------------------------------------

interface ReferenceIndexes {
  units: DocumentIndex;
  kpis: DocumentIndex;
  cooperationTypes: DocumentIndex;
}

/**
 * Indexes the catalogues by code and, when asked, creates the codes that are missing. Existing
 * records are never updated: the office's corrections win over the seed.
 */
async function seedReferenceData(
  strapi: Core.Strapi,
  writer: Writer,
  { createMissing }: { createMissing: boolean },
): Promise<ReferenceIndexes> {
  const [units, kpis, cooperationTypes] = await Promise.all([
    indexByCode(strapi, UIDS.unit, 'unit'),
    indexByCode(strapi, UIDS.kpi, 'KPI'),
    indexByCode(strapi, UIDS.cooperationType, 'cooperation type'),
  ]);
  if (createMissing) {
    // Sequential: a unit's parent comes earlier in UNITS, and types need the KPIs.
    await createMissingCodes(writer, UIDS.unit, units, UNITS, ({ parentCode, ...unit }) => ({
      ...unit,
      parent: units.optional(parentCode),
    }));
    await createMissingCodes(writer, UIDS.kpi, kpis, KPIS, (kpi) => ({ ...kpi }));
    await createMissingCodes(
      writer,
      UIDS.cooperationType,
      cooperationTypes,
      COOPERATION_TYPES,
      ({ kpiCodes, ...type }) => ({
        ...type,
        kpis: kpis.connect(kpiCodes),
      }),
    );
  }
  return { units, kpis, cooperationTypes };
}

async function indexByCode(strapi: Core.Strapi, uid: SeededUid, label: string): Promise<DocumentIndex> {
  const rows: { code: string; documentId: string }[] = await strapi.db
    .query(uid)
    .findMany({ select: ['code', 'documentId'] });
  const index = new DocumentIndex(label);
  rows.forEach((row) => index.set(row.code, row.documentId));
  return index;
}

async function createMissingCodes<T extends { code: string }>(
  writer: Writer,
  uid: SeededUid,
  index: DocumentIndex,
  seeds: readonly T[],
  toData: (seed: T) => Data,
): Promise<void> {
  for (const seed of seeds) {
    if (!index.has(seed.code)) index.set(seed.code, await writer.create(uid, toData(seed)));
  }
}

// ---------------------------------------------------------------------------------------------
// Demo year
// ---------------------------------------------------------------------------------------------

/** Creates the demo year in dependency order: what a record points at is created before it. */
async function seedDemoYear(writer: Writer, { units, kpis, cooperationTypes }: ReferenceIndexes, demo: DemoYear) {
  const partners = new DocumentIndex('demo partner');
  const proposals = new DocumentIndex('demo proposal');
  const agreements = new DocumentIndex('demo agreement');
  const programItems = new DocumentIndex('demo program item');

  for (const { key, ...partner } of demo.partners) {
    partners.set(key, await writer.create(UIDS.partner, partner));
  }

  const evaluationReport = await writer.create(UIDS.evaluationReport, { ...demo.evaluationReport });
  const annualProgram = await writer.create(UIDS.annualProgram, {
    ...demo.annualProgram,
    previousEvaluation: evaluationReport,
  });

  for (const { unit, partner, cooperationTypes: types, kpis: kpiCodes, ...proposal } of demo.proposals) {
    const documentId = await writer.create(UIDS.proposal, {
      ...proposal,
      unit: units.id(unit),
      partner: partners.optional(partner),
      cooperationTypes: cooperationTypes.connect(types),
      kpis: kpis.connect(kpiCodes),
    });
    proposals.set(proposal.title, documentId);
  }

  for (const { unit, decisions, ...minute } of demo.meetingMinutes) {
    await writer.create(UIDS.meetingMinute, {
      ...minute,
      unit: units.optional(unit),
      decisions: decisions.map(({ text, proposal }) => ({ text, proposal: proposals.optional(proposal) })),
    });
  }

  for (const { partner, cooperationType, units: unitCodes, proposal, kpis: kpiCodes, ...item } of demo.programItems) {
    const documentId = await writer.create(UIDS.programItem, {
      ...item,
      program: annualProgram,
      partner: partners.id(partner),
      cooperationType: cooperationTypes.id(cooperationType),
      units: units.connect(unitCodes),
      proposal: proposals.optional(proposal),
      kpis: kpis.connect(kpiCodes),
    });
    programItems.set(item.title, documentId);
  }

  for (const {
    key,
    partner,
    parent,
    units: unitCodes,
    cooperationTypes: types,
    originProposal,
    ...agreement
  } of demo.agreements) {
    const documentId = await writer.create(UIDS.agreement, {
      ...agreement,
      partner: partners.id(partner),
      parent: agreements.optional(parent),
      units: units.connect(unitCodes),
      cooperationTypes: cooperationTypes.connect(types),
      originProposal: proposals.optional(originProposal),
    });
    agreements.set(key, documentId);
  }

  // The public directory lists a partner once its listing is approved and an agreement binds it.
  const bound = new Set(demo.agreements.filter(isInForce).map((agreement) => agreement.partner));
  for (const partner of demo.partners) {
    if (partner.workflowState === 'approved' && bound.has(partner.key)) {
      await writer.publishPartner(partners.id(partner.key));
    }
  }

  for (const { agreement, programItem, ...record } of demo.monitoringRecords) {
    await writer.create(UIDS.monitoringRecord, {
      ...record,
      agreement: agreements.optional(agreement),
      programItem: programItems.optional(programItem),
    });
  }

  for (const { unit, cooperationType, ...mapping } of demo.needsMappings) {
    await writer.create(UIDS.needsMapping, {
      ...mapping,
      unit: units.id(unit),
      cooperationType: cooperationTypes.id(cooperationType),
    });
  }

  for (const { unit, cooperationType, ...target } of demo.annualTargets) {
    await writer.create(UIDS.annualTarget, {
      ...target,
      unit: units.optional(unit),
      cooperationType: cooperationTypes.optional(cooperationType),
    });
  }
}
