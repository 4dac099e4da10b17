import type { Core, UID } from '@strapi/strapi';

/**
 * Which fields a write actually changes. The Content Manager sends the whole form on every
 * save, so "frozen" records must compare values rather than look at which keys are present.
 */
const SYSTEM_FIELDS = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations', 'status']);

interface Attribute {
  type: string;
  relation?: string;
  multiple?: boolean;
}

type Row = Record<string, unknown>;

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

const refKey = (item: unknown): string | null => {
  if (typeof item === 'number') return `id:${item}`;
  if (typeof item === 'string') return /^\d+$/.test(item) ? `id:${item}` : `doc:${item}`;
  if (item && typeof item === 'object') {
    const { id, documentId } = item as { id?: unknown; documentId?: unknown };
    if (typeof documentId === 'string') return `doc:${documentId}`;
    if (id !== undefined) return refKey(id as number);
  }
  return null;
};

const storedKeys = (stored: unknown): Set<string> => {
  const rows = (Array.isArray(stored) ? stored : stored ? [stored] : []) as Row[];
  return new Set(rows.flatMap((row) => [`id:${row.id}`, `doc:${row.documentId}`]));
};

const sameRefSet = (incoming: unknown[], stored: unknown): boolean => {
  const storedRows = (Array.isArray(stored) ? stored : stored ? [stored] : []) as Row[];
  const keys = storedKeys(stored);
  const incomingKeys = incoming.map(refKey).filter((key): key is string => key !== null);
  return incomingKeys.length === storedRows.length && incomingKeys.every((key) => keys.has(key));
};

const relationChanged = (value: unknown, stored: unknown): boolean => {
  if (value === null || value === '') return storedKeys(stored).size > 0;
  if (Array.isArray(value)) return !sameRefSet(value, stored);
  if (typeof value === 'object' && value !== null) {
    const { connect, disconnect, set } = value as { connect?: unknown; disconnect?: unknown; set?: unknown };
    if (set !== undefined) return !sameRefSet(Array.isArray(set) ? set : [set], stored);
    const keys = storedKeys(stored);
    const toArray = (v: unknown) => (Array.isArray(v) ? v : v ? [v] : []);
    const connects = toArray(connect).map(refKey).some((key) => key !== null && !keys.has(key));
    const disconnects = toArray(disconnect).map(refKey).some((key) => key !== null && keys.has(key));
    if (connect !== undefined || disconnect !== undefined) return connects || disconnects;
    const single = refKey(value);
    return single !== null && !keys.has(single);
  }
  const single = refKey(value);
  return single !== null && !storedKeys(stored).has(single);
};

const normaliseScalar = (value: unknown, type: string): unknown => {
  if (isBlank(value)) return null;
  switch (type) {
    case 'integer':
    case 'biginteger':
    case 'float':
    case 'decimal':
      return Number(value);
    case 'boolean':
      return value === true || value === 'true';
    case 'date':
      return String(value).slice(0, 10);
    case 'datetime':
    case 'timestamp': {
      const time = new Date(value as string).getTime();
      return Number.isNaN(time) ? String(value) : time;
    }
    case 'json':
      return stableStringify(value);
    default:
      return String(value);
  }
};

const stableStringify = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Row)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
};

/** Components are compared by the values the write sends, ignoring row ids. */
const componentChanged = (value: unknown, stored: unknown): boolean => {
  const incoming = (Array.isArray(value) ? value : value ? [value] : []) as Row[];
  const current = (Array.isArray(stored) ? stored : stored ? [stored] : []) as Row[];
  if (incoming.length !== current.length) return true;
  return incoming.some((item, index) =>
    Object.entries(item).some(([key, v]) => {
      if (key === 'id' || key === '__component' || key === '__temp_key__') return false;
      const before = current[index]?.[key];
      if (v && typeof v === 'object') return typeof before === 'object' && before !== null ? relationChanged(v, before) : refKey(v) !== null;
      return stableStringify(isBlank(v) ? null : v) !== stableStringify(isBlank(before) ? null : before);
    }),
  );
};

export const changedFields = async (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  recordId: number,
  data: Row,
  ignore: string[] = [],
): Promise<string[]> => {
  const attributes = strapi.contentTypes[uid].attributes as Record<string, Attribute>;
  const deep = Object.entries(attributes).filter(([, a]) => ['relation', 'component', 'media'].includes(a.type)).map(([name]) => name);
  const stored = (await strapi.db.query(uid).findOne({
    where: { id: recordId },
    populate: Object.fromEntries(deep.map((name) => [name, true])),
  })) as Row | null;
  if (!stored) return [];

  return Object.entries(data)
    .filter(([field, value]) => value !== undefined && !SYSTEM_FIELDS.has(field) && !ignore.includes(field) && attributes[field])
    .filter(([field, value]) => {
      const attribute = attributes[field];
      if (attribute.type === 'relation' || attribute.type === 'media') return relationChanged(value, stored[field]);
      if (attribute.type === 'component' || attribute.type === 'dynamiczone') return componentChanged(value, stored[field]);
      return normaliseScalar(value, attribute.type) !== normaliseScalar(stored[field], attribute.type);
    })
    .map(([field]) => field);
};
