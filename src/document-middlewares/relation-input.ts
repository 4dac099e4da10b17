/**
 * Relation values arrive in many shapes (id, documentId, `{ connect }`, `{ set }`, arrays...).
 * For rules about to-one relations we only need to know whether a write keeps, clears or sets
 * the related record, and which one.
 */
export type RecordRef = { id: number } | { documentId: string };

export type ToOneChange = { kind: 'keep' } | { kind: 'clear' } | { kind: 'set'; ref: RecordRef };

const toRef = (item: unknown): RecordRef | null => {
  if (typeof item === 'number' && Number.isInteger(item)) return { id: item };
  if (typeof item === 'string' && item !== '') {
    return /^\d+$/.test(item) ? { id: Number(item) } : { documentId: item };
  }
  if (item && typeof item === 'object') {
    const { id, documentId } = item as { id?: unknown; documentId?: unknown };
    if (typeof documentId === 'string' && documentId) return { documentId };
    if (id !== undefined) return toRef(id);
  }
  return null;
};

const lastRef = (items: unknown[]): RecordRef | null => {
  for (let i = items.length - 1; i >= 0; i -= 1) {
    const ref = toRef(items[i]);
    if (ref) return ref;
  }
  return null;
};

export const parseToOneChange = (value: unknown): ToOneChange => {
  if (value === undefined) return { kind: 'keep' };
  if (value === null || value === '') return { kind: 'clear' };
  if (Array.isArray(value)) {
    const ref = lastRef(value);
    return ref ? { kind: 'set', ref } : { kind: 'clear' };
  }
  if (typeof value === 'object' && ('connect' in value || 'set' in value || 'disconnect' in value)) {
    const { connect, set, disconnect } = value as { connect?: unknown; set?: unknown; disconnect?: unknown };
    const incoming = Array.isArray(set) ? set : Array.isArray(connect) ? connect : connect ? [connect] : [];
    const ref = lastRef(incoming);
    if (ref) return { kind: 'set', ref };
    const clears = Array.isArray(set) || (Array.isArray(disconnect) ? disconnect.length > 0 : Boolean(disconnect));
    return clears ? { kind: 'clear' } : { kind: 'keep' };
  }
  const ref = toRef(value);
  if (ref) return { kind: 'set', ref };
  // Objects without a reference (such as the `{ count }` the Content Manager reads) change nothing.
  return typeof value === 'object' ? { kind: 'keep' } : { kind: 'clear' };
};

export type ToManyAdditions = { ok: true; refs: RecordRef[] } | { ok: false };

/** The items a to-many value names: an array, one item, or nothing (`undefined`/`null`). */
const itemsOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

/**
 * The records a write to a to-many relation (or a multiple media field) may add, whatever its
 * shape: an array or a single id, numeric string, documentId, `{ id }` or `{ documentId }`
 * (plain values and `set` replace the list), or `{ connect, disconnect, set }` where connect
 * items may carry a `position` (`before`/`after`/`start`/`end`: they order, they add nothing).
 * Removals add nothing. A value in any other shape is `{ ok: false }`, so that a rule can refuse
 * what it cannot read rather than let it through.
 */
export const parseToManyAdditions = (value: unknown): ToManyAdditions => {
  const refsOf = (items: unknown[]) => {
    const refs = items.map(toRef);
    return refs.every((ref): ref is RecordRef => ref !== null) ? refs : null;
  };
  if (value === undefined || value === null || value === '') return { ok: true, refs: [] };
  const isOperations = typeof value === 'object' && !Array.isArray(value) && ['connect', 'set', 'disconnect'].some((key) => key in value);
  if (!isOperations) {
    const refs = refsOf(itemsOf(value));
    return refs ? { ok: true, refs } : { ok: false };
  }
  const { connect, set, disconnect, ...other } = value as { connect?: unknown; set?: unknown; disconnect?: unknown };
  if (Object.keys(other).length) return { ok: false };
  const added = refsOf([...itemsOf(set), ...itemsOf(connect)]);
  const removed = refsOf(itemsOf(disconnect));
  return added && removed ? { ok: true, refs: added } : { ok: false };
};
