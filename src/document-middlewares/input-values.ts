import type { Core } from '@strapi/strapi';
import { checkScalar, findUnsafeInput, scalarKindOf, type ScalarKind } from '../domain/input-limits';
import { fieldError, type FieldError } from '../domain/validation';
import { throwFieldErrors } from '../workflow/errors';

/**
 * Filter and data values typed by the schema attribute, for every Document Service call (REST,
 * GraphQL, Content Manager, plugin code). Strapi's query validation checks the keys of a filter
 * but not its values: the database layer then converts them and throws a bare Error ("Expected a
 * valid Number", an invalid date, an integer past 2^31 on PostgreSQL, a NUL byte), answered 500.
 * Here the same conversions run first and a bad value is a 400 naming its path.
 */
type Attribute = { type: string; target?: string; component?: string; components?: string[]; repeatable?: boolean };
type Meta = { attributes: Record<string, Attribute> };

const GROUP = new Set(['$and', '$or']);
const WHERE = new Set(['$not', '$in', '$notIn', '$eq', '$eqi', '$ne', '$nei', '$gt', '$gte', '$lt', '$lte', '$null', '$notNull', '$between', '$startsWith', '$endsWith', '$startsWithi', '$endsWithi', '$contains', '$notContains', '$containsi', '$notContainsi']);
const CAST = new Set(['$not', '$in', '$notIn', '$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$between']);
const TEXT_MATCH = new Set(['$eqi', '$nei', '$startsWith', '$endsWith', '$startsWithi', '$endsWithi', '$contains', '$notContains', '$containsi', '$notContainsi']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

const invalidFilter = (path: string[]) => fieldError(path, { id: 'Filter tidak valid', en: 'Invalid filter' });

const checkAttributeWhere = (kind: ScalarKind, where: unknown, operator: string, path: string[], found: FieldError[]) => {
  if (Array.isArray(where)) {
    where.forEach((entry, index) => checkAttributeWhere(kind, entry, operator, [...path, String(index)], found));
    return;
  }
  if (!isRecord(where)) {
    if (CAST.has(operator)) {
      const error = checkScalar(kind, where, path);
      if (error) found.push(error);
    } else if (TEXT_MATCH.has(operator)) {
      // Text matching on a number or date column is a database type error on PostgreSQL.
      if (kind !== 'text' && kind !== 'other') found.push(fieldError(path, { id: `Operator ${operator} hanya untuk teks`, en: `The operator ${operator} only applies to text` }));
      else if (typeof where === 'string' && where.includes('\u0000')) found.push(checkScalar('text', where, path)!);
    }
    return;
  }
  for (const [key, value] of Object.entries(where)) {
    if (!WHERE.has(key)) found.push(invalidFilter([...path, key]));
    else checkAttributeWhere(kind, value, key, [...path, key], found);
  }
};

const checkWhere = (strapi: Core.Strapi, uid: string, where: unknown, path: string[], found: FieldError[]): void => {
  if (Array.isArray(where)) {
    where.forEach((entry, index) => checkWhere(strapi, uid, entry, [...path, String(index)], found));
    return;
  }
  if (!isRecord(where)) {
    found.push(invalidFilter(path));
    return;
  }
  const meta = strapi.db.metadata.get(uid) as unknown as Meta | undefined;
  if (!meta) return;
  for (const [key, value] of Object.entries(where)) {
    const at = [...path, key];
    if (GROUP.has(key)) {
      if (!Array.isArray(value)) found.push(invalidFilter(at));
      else value.forEach((entry, index) => isRecord(entry) ? checkWhere(strapi, uid, entry, [...at, String(index)], found) : undefined);
      continue;
    }
    if (key === '$not') {
      if (isRecord(value)) checkWhere(strapi, uid, value, at, found);
      continue;
    }
    if (WHERE.has(key)) {
      found.push(invalidFilter(at));
      continue;
    }
    const attribute = meta.attributes[key];
    if (!attribute) continue;
    if (attribute.type === 'relation' && attribute.target) {
      checkRelationWhere(strapi, attribute.target, value, at, found);
      continue;
    }
    const kind = scalarKindOf(attribute.type);
    if (attribute.type === 'component' || attribute.type === 'dynamiczone' || attribute.type === 'media') {
      found.push(fieldError(at, { id: 'Tidak dapat memfilter bidang ini', en: 'This field cannot be filtered' }));
      continue;
    }
    checkAttributeWhere(kind, value, '$eq', at, found);
  }
};

/** A relation filter is either an id comparison or a filter on the related type. */
const checkRelationWhere = (strapi: Core.Strapi, target: string, where: unknown, path: string[], found: FieldError[]) => {
  if (!isRecord(where)) {
    checkAttributeWhere('int32', where, '$eq', path, found);
    return;
  }
  const operators = Object.keys(where).filter((key) => key.startsWith('$'));
  if (operators.length > 0 && operators.length !== Object.keys(where).length) {
    found.push(invalidFilter(path));
    return;
  }
  if (operators.length > 1) {
    found.push(invalidFilter(path));
    return;
  }
  if (operators.length === 1 && !GROUP.has(operators[0])) {
    const operator = operators[0];
    const value = where[operator];
    if (isRecord(value)) checkWhere(strapi, target, value, [...path, operator], found);
    else checkAttributeWhere('int32', value, operator, [...path, operator], found);
    return;
  }
  checkWhere(strapi, target, where, path, found);
};

/** Data of a write: every scalar typed by its attribute, components and their repeats included. */
const checkData = (strapi: Core.Strapi, attributes: Record<string, Attribute>, data: unknown, path: string[], found: FieldError[]) => {
  if (!isRecord(data)) return;
  for (const [key, value] of Object.entries(data)) {
    const attribute = attributes[key];
    if (!attribute || value === null || value === undefined) continue;
    const at = [...path, key];
    if (attribute.type === 'component' && attribute.component) {
      const component = strapi.components[attribute.component as never] as unknown as { attributes: Record<string, Attribute> } | undefined;
      if (!component) continue;
      if (attribute.repeatable) {
        if (Array.isArray(value)) value.forEach((entry, index) => checkData(strapi, component.attributes, entry, [...at, String(index)], found));
        else found.push(fieldError(at, { id: 'Harus berupa daftar', en: 'Must be a list' }));
      } else if (isRecord(value)) {
        checkData(strapi, component.attributes, value, at, found);
      } else {
        found.push(fieldError(at, { id: 'Harus berupa objek', en: 'Must be an object' }));
      }
      continue;
    }
    const kind = scalarKindOf(attribute.type);
    if (kind === 'other' || kind === 'text') continue;
    const error = checkScalar(kind, value, at);
    if (error) found.push(error);
  }
};

const READS_WITH_FILTERS = new Set(['findMany', 'findFirst', 'findOne', 'count', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

export const registerInputValues = (strapi: Core.Strapi) => {
  strapi.documents.use(async (context, next) => {
    const params = (context.params ?? {}) as Record<string, unknown>;
    const found: FieldError[] = [];
    if (READS_WITH_FILTERS.has(context.action) && params.filters !== undefined && params.filters !== null) {
      checkWhere(strapi, context.uid, params.filters, ['filters'], found);
    }
    if (params.data !== undefined) {
      // NUL and prototype keys anywhere in the data, also where no attribute is declared.
      found.push(...findUnsafeInput(params.data));
      const attributes = (strapi.contentTypes[context.uid as never] as unknown as { attributes: Record<string, Attribute> } | undefined)?.attributes;
      if (attributes) checkData(strapi, attributes, params.data, [], found);
    }
    throwFieldErrors(found.slice(0, 5));
    return next();
  });
};
