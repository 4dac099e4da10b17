import path from 'path';
import { GraphQLError, Kind, NoSchemaIntrospectionCustomRule, specifiedRules, validate, type DocumentNode, type GraphQLSchema, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { formatBilingual, type Bilingual } from '../domain/bilingual';
import { findUnsafeInput } from '../domain/input-limits';
import type { FieldError } from '../domain/validation';

/**
 * Limits of one GraphQL request, checked before graphql's validation rules (Strapi's depth rule,
 * graphql-depth-limit, recursed forever on `fragment A { ...B } fragment B { ...A }` and failed
 * on an unknown fragment: both were a 500).
 *
 * - aliases: 200 aliases of `directory(q: …)` made 200 listings (6–19 s); 15 is graphql-armor's
 *   default and more than any page of ours asks for.
 * - root fields: each one is at least one database query or listing; 10 per operation.
 * - fields: every field selection after expanding fragments (5,000 × `directory { meta }` was
 *   21.7 MB); 500 is several times the largest query the system's own clients send.
 * The counting expands fragments once each (memoised), so a "fragment bomb" costs no more to
 * check than it is long.
 */
export const GRAPHQL_LIMITS = { aliases: 15, rootFields: 10, fields: 500 } as const;

interface Cost {
  fields: number;
  aliases: number;
  depth: number;
}

const saturating = (a: number, b: number) => Math.min(a + b, Number.MAX_SAFE_INTEGER);

const refusal = (errors: FieldError[]) =>
  new GraphQLError(errors.map((error) => error.message).join('; '), {
    extensions: {
      code: 'GRAPHQL_VALIDATION_FAILED',
      http: { status: 400 },
      error: { name: 'ValidationError', message: errors[0].message, details: { errors: errors.map((error) => ({ ...error, name: 'ValidationError' })) } },
    },
  });

const limitError = (path: string, text: Bilingual): FieldError => ({ path: [path], message: formatBilingual(text) });

/** The cost of a document's operations, or the field errors that make it unfit to validate. */
export function checkDocument(document: DocumentNode, maxDepth: number): FieldError[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const memo = new Map<string, Cost>();
  const expanding = new Set<string>();
  const errors: FieldError[] = [];

  const costOf = (selectionSet: SelectionSetNode | undefined): Cost => {
    let total: Cost = { fields: 0, aliases: 0, depth: 0 };
    for (const selection of selectionSet?.selections ?? []) {
      let part: Cost;
      if (selection.kind === Kind.FIELD) {
        const inner = costOf(selection.selectionSet);
        // Introspection fields do not count towards the depth (as in graphql-depth-limit).
        const own = selection.name.value.startsWith('__') ? 0 : 1;
        part = { fields: saturating(inner.fields, 1), aliases: saturating(inner.aliases, selection.alias ? 1 : 0), depth: selection.selectionSet ? inner.depth + own : 0 };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        part = costOf(selection.selectionSet);
      } else {
        part = fragmentCost(selection.name.value);
      }
      total = { fields: saturating(total.fields, part.fields), aliases: saturating(total.aliases, part.aliases), depth: Math.max(total.depth, part.depth) };
    }
    return total;
  };

  const fragmentCost = (name: string): Cost => {
    const known = memo.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment) {
      errors.push(limitError('fragment', { id: `Fragmen "${name}" tidak didefinisikan`, en: `Unknown fragment "${name}"` }));
      return { fields: 0, aliases: 0, depth: 0 };
    }
    if (expanding.has(name)) {
      errors.push(limitError('fragment', { id: `Fragmen "${name}" memuat dirinya sendiri`, en: `The fragment "${name}" spreads itself (a cycle)` }));
      return { fields: 0, aliases: 0, depth: 0 };
    }
    expanding.add(name);
    const cost = costOf(fragment.selectionSet);
    expanding.delete(name);
    memo.set(name, cost);
    return cost;
  };

  let fields = 0;
  let aliases = 0;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const cost = costOf(definition.selectionSet);
    fields = saturating(fields, cost.fields);
    aliases = saturating(aliases, cost.aliases);
    if (cost.depth > maxDepth) {
      errors.push(limitError('query', { id: `Kedalaman operasi ${cost.depth}; paling dalam ${maxDepth}`, en: `The operation is ${cost.depth} levels deep; at most ${maxDepth}` }));
    }
    const rootFields = definition.selectionSet.selections.length;
    if (rootFields > GRAPHQL_LIMITS.rootFields) {
      errors.push(limitError('query', { id: `Operasi memuat ${rootFields} bidang akar; paling banyak ${GRAPHQL_LIMITS.rootFields}`, en: `The operation has ${rootFields} root fields; at most ${GRAPHQL_LIMITS.rootFields}` }));
    }
  }
  // Fragments not used by any operation are still checked for cycles (validation would recurse into them).
  for (const name of fragments.keys()) fragmentCost(name);
  if (aliases > GRAPHQL_LIMITS.aliases) {
    errors.push(limitError('query', { id: `Permintaan memuat ${aliases} alias; paling banyak ${GRAPHQL_LIMITS.aliases}`, en: `The request has ${aliases} aliases; at most ${GRAPHQL_LIMITS.aliases}` }));
  }
  if (fields > GRAPHQL_LIMITS.fields) {
    errors.push(limitError('query', { id: `Permintaan memilih ${fields} bidang; paling banyak ${GRAPHQL_LIMITS.fields}`, en: `The request selects ${fields} fields; at most ${GRAPHQL_LIMITS.fields}` }));
  }
  return errors.slice(0, 5);
}

interface RequestContext {
  document?: DocumentNode;
  schema: GraphQLSchema;
  request: { variables?: Record<string, unknown> };
}

/**
 * An Apollo Server plugin that validates instead of Apollo (configured with
 * `dangerouslyDisableValidation`): first the limits above and the input guard for variables,
 * then graphql's specified rules. Apollo's own validation list starts with Strapi's
 * graphql-depth-limit rule, which is built before any other rule can stop it and overflows the
 * stack on a fragment cycle; didResolveOperation is the first hook whose error Apollo answers
 * with the error's status (400) instead of a 500. The depth limit is checked here too.
 * With Apollo's validation off, its introspection switch is off too: without `introspection`
 * the rule that refuses `__schema` / `__type` is added here.
 */
export const requestLimitsPlugin = ({ maxDepth, introspection }: { maxDepth: number; introspection: boolean }) => {
  const rules = introspection ? specifiedRules : [...specifiedRules, NoSchemaIntrospectionCustomRule];
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(context: RequestContext) {
          const unsafe = findUnsafeInput(context.request.variables ?? {}, ['variables']);
          if (unsafe.length > 0) throw refusal(unsafe);
          if (!context.document) return;
          const found = checkDocument(context.document, maxDepth);
          if (found.length > 0) throw refusal(found);
          const invalid = validate(context.schema, context.document, rules);
          if (invalid.length > 0) {
            throw new GraphQLError(invalid.map((error) => error.message).join('; '), {
              nodes: invalid[0].nodes,
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
};

/** "Did you mean …?" names fields of the schema, private ones too, with introspection off. */
const SUGGESTION = / ?Did you mean [^?]*\?/g;
export const withoutSuggestions = (text: string) => text.replace(SUGGESTION, '');

type FormatError = (formatted: { message: string; extensions?: Record<string, unknown> }, error: unknown) => GraphQLError | { message: string };
// Strapi's own formatter (ValidationError → BAD_USER_INPUT, unknown errors → a bare 500) is kept
// and wrapped; it is not exported, so it is taken from the installed plugin's compiled file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const strapiFormatError = (): FormatError => require(path.join(path.dirname(require.resolve('@strapi/plugin-graphql/package.json')), 'dist/server/format-graphql-error.js')).formatGraphqlError;

/** Every string in a formatted error, with its suggestions removed. */
const scrub = (value: unknown): unknown => {
  if (typeof value === 'string') return withoutSuggestions(value);
  if (Array.isArray(value)) return value.map(scrub);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, scrub(inner)]));
  return value;
};

/** Apollo's formatError: Strapi's, then every suggestion removed from the message and the error details. */
export const formatGraphqlErrorWithoutSuggestions = (): FormatError => {
  const format = strapiFormatError();
  return (formatted, error) => {
    const result = format(formatted, error);
    const plain = result instanceof GraphQLError ? result.toJSON() : result;
    return scrub(plain) as { message: string };
  };
};
