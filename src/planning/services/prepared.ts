import type { Core } from '@strapi/strapi';
import { createFreshness, type Stamp } from '../../freshness/freshness';

/** Values kept at once (a year's pages use a handful). */
const MAX_PREPARED = 64;
/** What is prepared again after a change: the values asked for within the last hour. */
const IN_USE_MS = 60 * 60 * 1000;

/**
 * How long after the last change what was in use is prepared again, in the background, so the
 * next person to open the page does not wait for it (PLANNING_PREPARE_AHEAD_MS, 0 = never).
 * Waiting for a quiet moment keeps a burst of writes (an import) from recomputing after each.
 */
const prepareAheadDelay = () => {
  const ms = Number.parseInt(process.env.PLANNING_PREPARE_AHEAD_MS ?? '2000', 10);
  return Number.isFinite(ms) && ms >= 0 ? ms : 2000;
};

/**
 * Planning figures derived from the records, prepared once per change: achievement figures read
 * every agreement and monitoring record of a year (seconds at 100,000 agreements), the dashboard's
 * dormant list checks every agreement in force against its monitoring, while these records change
 * far less often than the pages are opened. Every value is dropped when a record it is derived
 * from is written (prepared-freshness.ts), here and on the other instances, and what was in use
 * is prepared again in the background once the writes have paused.
 */
export const createPreparedService = ({ strapi }: { strapi: Core.Strapi }, channel = 'kerjasama_planning') => {
  const held = new Map<string, { value: Promise<unknown>; stamp: Stamp }>();
  const inUse = new Map<string, { compute: () => Promise<unknown>; askedAt: number }>();
  let ahead: NodeJS.Timeout | null = null;
  let passing: Promise<void> | null = null;
  let stopped = false;
  const freshness = createFreshness(strapi, channel, { onCommittedChange: () => scheduleAhead() });

  const prepare = <T>(key: string, compute: () => Promise<T>): Promise<T> => {
    const entry = held.get(key);
    if (entry && freshness.isFresh(entry.stamp)) return entry.value as Promise<T>;
    for (const [oldKey, old] of held) if (!freshness.isFresh(old.stamp)) held.delete(oldKey);
    if (held.size >= MAX_PREPARED) held.delete(held.keys().next().value as string);
    const preparing = { value: compute(), stamp: freshness.stamp() };
    preparing.value.catch(() => {
      if (held.get(key) === preparing) held.delete(key);
    });
    held.set(key, preparing);
    return preparing.value;
  };

  const prepareAhead = async () => {
    const since = Date.now() - IN_USE_MS;
    const pass = freshness.stamp();
    for (const [key, { compute, askedAt }] of inUse) {
      // A newer change has its own pass coming: this one would prepare what is already stale.
      if (stopped || !freshness.isFresh(pass)) return;
      if (askedAt < since) inUse.delete(key);
      // One at a time, to leave the database to the people using it.
      else await prepare(key, compute).catch((error: Error) => strapi.log.warn(`[planning] preparing ${key} ahead failed: ${error.message}`));
    }
  };

  /** After a committed change: one background pass once the writes have paused for the delay. */
  const scheduleAhead = () => {
    const delay = prepareAheadDelay();
    if (ahead) clearTimeout(ahead);
    ahead = null;
    if (stopped || delay === 0) return;
    ahead = setTimeout(() => {
      ahead = null;
      const pass = prepareAhead().finally(() => {
        if (passing === pass) passing = null;
      });
      passing = pass;
    }, delay);
    ahead.unref();
  };

  return {
    /** The value prepared under `key`, or `compute()`d now and kept until the next change. */
    get<T>(key: string, compute: () => Promise<T>): Promise<T> {
      inUse.delete(key);
      if (inUse.size >= MAX_PREPARED) inUse.delete(inUse.keys().next().value as string);
      inUse.set(key, { compute, askedAt: Date.now() });
      return prepare(key, compute);
    },

    /** Resolves once no background pass is scheduled or running. */
    async settled() {
      while (ahead || passing) await (passing ?? new Promise((resolve) => setTimeout(resolve, 50)));
    },

    /** A record the prepared values are derived from changed (see Freshness.changed). */
    changed: () => freshness.changed(),
    startSignal: () => {
      stopped = false;
      freshness.start();
    },
    stopSignal: () => {
      stopped = true;
      if (ahead) clearTimeout(ahead);
      return freshness.stop();
    },
  };
};

export type PreparedService = ReturnType<typeof createPreparedService>;

export const preparedService = (strapi: Core.Strapi) => strapi.plugin('kerjasama').service('prepared') as PreparedService;

/**
 * The documents' prepared figures (FO.28.2.1), apart from the planning ones: they count more kinds
 * of record (proposals, targets, surveys...), and a write to one of those must not drop and
 * recompute every planning figure too. A change to what planning figures count drops both.
 */
export const createPreparedDocumentsService = ({ strapi }: { strapi: Core.Strapi }) => createPreparedService({ strapi }, 'kerjasama_documents');
export const preparedDocumentsService = (strapi: Core.Strapi) => strapi.plugin('kerjasama').service('preparedDocuments') as PreparedService;
