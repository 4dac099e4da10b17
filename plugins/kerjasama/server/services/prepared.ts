import type { Core } from '@strapi/strapi';
import { createFreshness, type Stamp } from '../../../../src/freshness/freshness';

/** Values kept at once (a year's pages use a handful). */
const MAX_PREPARED = 64;

/**
 * Planning figures derived from the records, prepared once per change: achievement figures read
 * every agreement and monitoring record of a year (seconds at 100,000 agreements), the dashboard's
 * dormant list checks every agreement in force against its monitoring, while these records change
 * far less often than the pages are opened. Every value is dropped when a record it is derived
 * from is written (prepared-freshness.ts), here and on the other instances.
 */
export const createPreparedService = ({ strapi }: { strapi: Core.Strapi }) => {
  const freshness = createFreshness(strapi, 'kerjasama_planning');
  const held = new Map<string, { value: Promise<unknown>; stamp: Stamp }>();

  return {
    /** The value prepared under `key`, or `compute()`d now and kept until the next change. */
    get<T>(key: string, compute: () => Promise<T>): Promise<T> {
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
    },

    /** A record the prepared values are derived from changed (see Freshness.changed). */
    changed: () => freshness.changed(),
    startSignal: () => freshness.start(),
    stopSignal: () => freshness.stop(),
  };
};

export type PreparedService = ReturnType<typeof createPreparedService>;

export const preparedService = (strapi: Core.Strapi) => strapi.plugin('kerjasama').service('prepared') as PreparedService;
