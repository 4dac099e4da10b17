import type { Core } from '@strapi/strapi';
import { startChangeSignal, type ChangeSignal } from './change-signal';

/** While the change signal is down, a prepared value is trusted this long (the one-second promise). */
export const UNSIGNALLED_MAX_AGE_MS = 1000;

/** When a value was prepared: the change count then, and the time. */
export interface Stamp {
  version: number;
  at: number;
}

/**
 * Freshness of data derived from the records and prepared once per change (the public directory,
 * the planning figures). A write that may change the derived data calls `changed()`; a prepared
 * value is served while `isFresh(stamp)` holds.
 *
 * - Local writes: the value is stale at once (a reader inside the writing transaction must not
 *   get the old value) and again once the transaction commits (a reader that prepared it from
 *   the not-yet-committed state in between must not keep it).
 * - Other instances (PostgreSQL): the commit is NOTIFYed on `channel`; while that signal is down,
 *   a prepared value is trusted for one second only, so a missed notification never keeps an old
 *   value for longer than that.
 */
export const createFreshness = (strapi: Core.Strapi, channel: string, options: { onCommittedChange?: () => void } = {}) => {
  let version = 0;
  let reliable = true;
  let signal: ChangeSignal | null = null;
  const bump = () => {
    version += 1;
  };
  /** A change others can now read: committed here, or signalled by another instance. */
  const committedChange = () => {
    bump();
    options.onCommittedChange?.();
  };

  return {
    stamp: (): Stamp => ({ version, at: Date.now() }),

    isFresh: (stamp: Stamp) => stamp.version === version && (reliable || Date.now() - stamp.at <= UNSIGNALLED_MAX_AGE_MS),

    /** Something the derived data shows changed (call it inside or outside a transaction). */
    async changed() {
      bump();
      const committed = () => {
        committedChange();
        signal?.publish();
      };
      if (strapi.db.inTransaction()) await strapi.db.transaction(async ({ onCommit }) => onCommit(committed));
      else committed();
    },

    /** Listens for changes made through other instances (PostgreSQL); a no-op on SQLite. */
    start() {
      signal ??= startChangeSignal(strapi, channel, {
        onRemoteChange: committedChange,
        onReliability: (isReliable) => {
          reliable = isReliable;
        },
      });
    },

    async stop() {
      await signal?.stop();
      signal = null;
    },
  };
};

export type Freshness = ReturnType<typeof createFreshness>;
