import type { Core } from '@strapi/strapi';
import { FILTER_PARAMETERS, INSTITUTION_TYPES, PARTNER_LEVELS, Q_MAX_LENGTH } from '../../domain/directory';
import { directoryPartnerOpenApi } from './partner-fields';

const filterDescriptions: Record<(typeof FILTER_PARAMETERS)[number], { description: string; schema: Record<string, unknown> }> = {
  level: { description: 'Tingkat mitra (Partner level)', schema: { type: 'string', enum: [...PARTNER_LEVELS] } },
  institutionType: { description: 'Jenis institusi (Institution type)', schema: { type: 'string', enum: [...INSTITUTION_TYPES] } },
  country: { description: 'Kode negara ISO 3166-1 alpha-2 (Country code), e.g. JP', schema: { type: 'string', pattern: '^[A-Z]{2}$' } },
  cooperationType: { description: 'Kode jenis kerjasama (Cooperation type code), see meta.labels.cooperationType', schema: { type: 'string' } },
  unit: { description: 'Kode unit (Unit code), see meta.labels.unit', schema: { type: 'string' } },
  q: { description: 'Cari pada nama mitra (Search in partner names), case and accent insensitive', schema: { type: 'string', maxLength: Q_MAX_LENGTH } },
};

const bilingual = { type: 'object', properties: { id: { type: 'string' }, en: { type: 'string' } }, required: ['id', 'en'] };
const labelTable = { type: 'object', additionalProperties: bilingual };
const counts = { type: 'object', additionalProperties: { type: 'integer' } };

const override = {
  paths: {
    '/directory': {
      get: {
        tags: ['Directory'],
        summary: 'Direktori mitra publik (Public partner directory)',
        description:
          'Every listed partner (approved listing, at least one active agreement) with public fields only, plus counts and Indonesian/English labels. ' +
          'No authentication. Unknown parameters or values give 400 naming the parameter; Strapi query parameters (filters, populate, fields, sort, pagination) are ignored. ' +
          'Supports ETag/If-None-Match (304) and gzip/br.',
        security: [],
        parameters: FILTER_PARAMETERS.map((name) => ({ name, in: 'query', required: false, ...filterDescriptions[name] })),
        responses: {
          '200': { description: 'OK', headers: { ETag: { schema: { type: 'string' } } }, content: { 'application/json': { schema: { $ref: '#/components/schemas/DirectoryResponse' } } } },
          '304': { description: 'Not modified (If-None-Match matched)' },
          '400': { description: 'Unknown parameter or value', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        },
      },
    },
  },
  components: {
    schemas: {
      DirectoryPartner: directoryPartnerOpenApi(),
      DirectoryResponse: {
        type: 'object',
        properties: {
          data: { type: 'array', items: { $ref: '#/components/schemas/DirectoryPartner' } },
          meta: {
            type: 'object',
            properties: {
              total: { type: 'integer' },
              counts: { type: 'object', properties: { level: counts, institutionType: counts, country: counts } },
              filters: { type: 'object', additionalProperties: { type: 'string' } },
              labels: {
                type: 'object',
                properties: { level: labelTable, institutionType: labelTable, agreementKind: labelTable, country: labelTable, cooperationType: labelTable, unit: labelTable },
              },
            },
          },
        },
      },
    },
  },
};

/** Describes GET /api/directory in the OpenAPI document of @strapi/plugin-documentation. */
export const registerDirectoryOpenApi = (strapi: Core.Strapi) => {
  const documentation = strapi.plugin('documentation');
  if (!documentation) return;
  documentation.service('override').registerOverride(override, { excludeFromGeneration: ['directory'] });
};
