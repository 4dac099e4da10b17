import type { Core, UID } from '@strapi/strapi';
import { formatBilingual } from '../domain/bilingual';
import { getWorkflow } from '../domain/workflow';
import { refuse } from '../workflow/errors';

/**
 * Strapi's `clone` (the Content Manager's "Duplicate", `clone/:id` and `auto-clone/:id`) writes
 * the copy with the repository's internal create: no Document Service middleware sees that
 * create, so the copy kept the source's workflow state and approval record, and one-to-many
 * relations (a program's items, a partner's agreements) moved from the source to the copy.
 *
 * Here a clone becomes an ordinary `create` of what a copy keeps, so every rule of a new record
 * applies (initial state, derived fields, field rules, unit scoping, partner listing). What a
 * copy keeps, for every type:
 * - the values people typed: scalar fields, components (as new rows), to-one relations
 *   (`manyToOne`) and `manyToMany` links, which the source keeps too;
 * - not the workflow state (the copy starts in the initial state, e.g. a program as `draft`
 *   with no approval), nor what the system maintains (a workflow's derived fields, `NOT_COPIED`);
 * - not `oneToMany` / `oneToOne` relations: the source keeps its program items, agreements,
 *   children, invitations and responses; a copied program starts with no items;
 * - not files: confidential documents are attached to one record, fresh (upload rules);
 * - a copied partner is a draft, so it is not listed until its own workflow approves it.
 * Values the request body repeats from the source (the Content Manager's form sends them back)
 * are dropped; different values are written like any create, so a body asking for another state
 * or a derived value is refused as on create. System-written records are never cloned.
 */
const NOT_CLONEABLE = new Set([
  'api::survey-invitation.survey-invitation',
  'api::survey-response.survey-response',
  'api::reminder-log.reminder-log',
  'api::transition-log.transition-log',
  'api::issued-document.issued-document',
]);

/** Per type, what the system maintains or what belongs to the source's own review. */
const NOT_COPIED: Record<string, string[]> = {
  'api::agreement.agreement': ['validityState', 'endedAt'],
  'api::call-for-proposal.call-for-proposal': ['sentAt'],
  // The review of a proposal starts over for its copy.
  'api::proposal.proposal': ['analysis'],
};

const BOOKKEEPING = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations']);

interface Attribute {
  type: string;
  relation?: string;
  component?: string;
  repeatable?: boolean;
}
type Schema = { attributes: Record<string, Attribute> };
type Row = Record<string, unknown>;

const copiesRelation = (attribute: Attribute) => attribute.relation === 'manyToOne' || attribute.relation === 'manyToMany';

/** Populate that reads every relation's documentId and every component, recursively. */
const populateFor = (strapi: Core.Strapi, schema: Schema): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(schema.attributes).flatMap(([name, attribute]): Array<[string, unknown]> => {
      if (BOOKKEEPING.has(name)) return [];
      if (attribute.type === 'relation' && !attribute.relation?.startsWith('morph')) return [[name, { fields: ['documentId'] }]];
      if (attribute.type === 'media') return [[name, { fields: ['id'] }]];
      if (attribute.type === 'component') {
        const nested = populateFor(strapi, strapi.components[attribute.component as UID.Component] as unknown as Schema);
        return [[name, Object.keys(nested).length ? { populate: nested } : true]];
      }
      return [];
    }),
  );

const withoutIds = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value as Row).filter(([key]) => key !== 'id').map(([key, inner]) => [key, withoutIds(inner)]));
  }
  return value;
};

/** The source's values a copy keeps, in the shape a create accepts. */
const copyOf = (strapi: Core.Strapi, schema: Schema, row: Row, dropped: Set<string>): Row => {
  const copy: Row = {};
  for (const [name, attribute] of Object.entries(schema.attributes)) {
    if (!(name in row) || BOOKKEEPING.has(name) || dropped.has(name)) continue;
    const value = row[name];
    if (attribute.type === 'relation') {
      if (!copiesRelation(attribute)) continue;
      copy[name] = Array.isArray(value) ? value.map((item) => (item as Row).documentId) : ((value as Row | null)?.documentId ?? null);
    } else if (attribute.type === 'component') {
      const component = strapi.components[attribute.component as UID.Component] as unknown as Schema;
      const copyItem = (item: unknown) => (item ? copyOf(strapi, component, item as Row, new Set()) : null);
      copy[name] = Array.isArray(value) ? value.map(copyItem) : copyItem(value);
    } else if (attribute.type !== 'media' && attribute.type !== 'dynamiczone') {
      copy[name] = value;
    }
  }
  return copy;
};

const refKeys = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.flatMap(refKeys);
  if (typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value))) return [`id:${value}`];
  if (typeof value === 'string') return [`doc:${value}`];
  if (value && typeof value === 'object') {
    const { id, documentId } = value as Row;
    return [...(id !== undefined ? [`id:${id}`] : []), ...(typeof documentId === 'string' ? [`doc:${documentId}`] : [])];
  }
  return [];
};

/** A relation or media value without the records the source holds; undefined when nothing is left. */
const withoutSourceRecords = (value: unknown, source: Set<string>): unknown => {
  const keep = (item: unknown) => !refKeys(item).some((key) => source.has(key));
  const list = (items: unknown) => (Array.isArray(items) ? items.filter(keep) : items !== undefined && items !== null && keep(items) ? [items] : []);
  if (value && typeof value === 'object' && !Array.isArray(value) && ('connect' in value || 'set' in value || 'disconnect' in value)) {
    const { connect, set } = value as Row;
    const remaining = list(set ?? connect);
    return remaining.length ? { [set !== undefined ? 'set' : 'connect']: remaining } : undefined;
  }
  const remaining = list(value);
  return remaining.length ? (Array.isArray(value) ? remaining : remaining[0]) : undefined;
};

const sameValue = (a: unknown, b: unknown) => JSON.stringify(withoutIds(a) ?? null) === JSON.stringify(withoutIds(b) ?? null);

/** What the Content Manager reads back for a relation (`{ count }`): names no record, changes nothing. */
const namesNoRecord = (value: unknown) =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value) && !('connect' in (value as Row) || 'set' in (value as Row) || 'disconnect' in (value as Row)) && refKeys(value).length === 0;

/** The request body laid over the copy, without what it merely repeats or takes from the source. */
const mergeBody = (schema: Schema, source: Row, copy: Row, body: Row, dropped: Set<string>): Row => {
  const data = { ...copy };
  for (const [name, value] of Object.entries(body)) {
    const attribute = schema.attributes[name];
    if (!attribute || name === 'id' || name === 'documentId') continue;
    if (BOOKKEEPING.has(name)) {
      data[name] = value; // createdBy / updatedBy: the Content Manager names who made the copy
      continue;
    }
    if (dropped.has(name) && sameValue(value, source[name])) continue;
    if ((attribute.type === 'relation' || attribute.type === 'media') && namesNoRecord(value)) continue;
    if (attribute.type === 'media' || (attribute.type === 'relation' && !copiesRelation(attribute))) {
      const rest = withoutSourceRecords(value, new Set(refKeys(source[name])));
      if (rest !== undefined) data[name] = rest;
      continue;
    }
    data[name] = attribute.type === 'component' ? withoutIds(value) : value;
  }
  return data;
};

export const registerCloneRule = (strapi: Core.Strapi) => {
  strapi.documents.use(async (ctx, next) => {
    if (ctx.action !== 'clone' || !ctx.uid.startsWith('api::')) return next();
    const uid = ctx.uid as UID.ContentType;
    const params = ctx.params as { documentId?: string; data?: Row; populate?: unknown; fields?: unknown; locale?: string };
    if (NOT_CLONEABLE.has(uid)) {
      refuse('documentId', formatBilingual({
        id: 'Rekaman ini ditulis oleh sistem dan tidak dapat disalin',
        en: 'This record is written by the system and cannot be copied',
      }));
    }
    const schema = strapi.contentTypes[uid] as unknown as Schema & { options?: { draftAndPublish?: boolean } };
    const draftAndPublish = Boolean(schema.options?.draftAndPublish);
    // Read through the Document Service, so a scoped reader can only copy what it may read.
    const source = (await strapi.documents(uid).findOne({
      documentId: params.documentId as string,
      populate: populateFor(strapi, schema) as never,
      ...(draftAndPublish ? { status: 'draft' as const } : {}),
    })) as Row | null;
    if (!source) return { documentId: undefined, entries: [] } as never;

    const machine = getWorkflow(uid);
    const dropped = new Set([...(machine ? ['workflowState', ...machine.derivedFields] : []), ...(NOT_COPIED[uid] ?? [])]);
    const data = mergeBody(schema, source, copyOf(strapi, schema, source, dropped), params.data ?? {}, dropped);
    const created = (await strapi.documents(uid).create({
      data: data as never,
      ...(params.populate !== undefined ? { populate: params.populate as never } : {}),
      ...(params.fields !== undefined ? { fields: params.fields as never } : {}),
      ...(draftAndPublish ? { status: 'draft' as const } : {}),
    })) as Row | null;
    return { documentId: created?.documentId, entries: created ? [created] : [] } as never;
  });
};
