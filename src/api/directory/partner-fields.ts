/**
 * The directory partner's fields, written once: the GraphQL SDL and the OpenAPI schema of
 * GET /api/directory are derived from this list, and `satisfies` makes the compiler refuse a list
 * that misses or adds a field of the TypeScript type (src/domain/directory.ts).
 */
import { DIRECTORY_AGREEMENT_KINDS, INSTITUTION_TYPES, PARTNER_LEVELS, type DirectoryPartner } from '../../domain/directory';

type FieldKind = 'id' | 'string' | 'integer' | 'strings';

interface FieldSpec {
  kind: FieldKind;
  nullable: boolean;
  /** OpenAPI-only precision (enum, pattern) of a string or of a list's items. */
  openapi?: Record<string, unknown>;
}

export const DIRECTORY_PARTNER_FIELDS = {
  documentId: { kind: 'id', nullable: false },
  name: { kind: 'string', nullable: false },
  institutionType: { kind: 'string', nullable: false, openapi: { enum: [...INSTITUTION_TYPES] } },
  level: { kind: 'string', nullable: false, openapi: { enum: [...PARTNER_LEVELS] } },
  country: { kind: 'string', nullable: false, openapi: { pattern: '^[A-Z]{2}$' } },
  city: { kind: 'string', nullable: true },
  website: { kind: 'string', nullable: true },
  logoUrl: { kind: 'string', nullable: true },
  publicDescription: { kind: 'string', nullable: true },
  cooperationTypes: { kind: 'strings', nullable: false },
  units: { kind: 'strings', nullable: false },
  since: { kind: 'integer', nullable: true },
  agreementKinds: { kind: 'strings', nullable: false, openapi: { enum: [...DIRECTORY_AGREEMENT_KINDS] } },
} as const satisfies { [K in keyof Required<DirectoryPartner>]: FieldSpec };

const entries = Object.entries(DIRECTORY_PARTNER_FIELDS) as Array<[keyof DirectoryPartner, FieldSpec]>;

const GRAPHQL_TYPES: Record<FieldKind, string> = { id: 'ID', string: 'String', integer: 'Int', strings: '[String!]' };

/** `type DirectoryPartner { ... }` of the GraphQL extension. */
export const directoryPartnerSdl = () =>
  [
    '"A listed partner\'s public fields (the same projection as GET /api/directory)."',
    'type DirectoryPartner {',
    ...entries.map(([name, spec]) => `  ${name}: ${GRAPHQL_TYPES[spec.kind]}${spec.nullable ? '' : '!'}`),
    '}',
  ].join('\n');

const openApiProperty = ({ kind, nullable, openapi }: FieldSpec) => {
  const base = kind === 'strings' ? { type: 'array', items: { type: 'string', ...openapi } } : { type: kind === 'integer' ? 'integer' : 'string', ...openapi };
  return nullable ? { ...base, nullable: true } : base;
};

/** `components.schemas.DirectoryPartner` of the OpenAPI document. */
export const directoryPartnerOpenApi = () => ({
  type: 'object',
  required: entries.filter(([, spec]) => !spec.nullable).map(([name]) => name),
  properties: Object.fromEntries(entries.map(([name, spec]) => [name, openApiProperty(spec)])),
});
