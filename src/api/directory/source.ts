import type { Core } from '@strapi/strapi';
import { buildDirectory, type CatalogueEntry, type Directory, type DirectoryAgreementInput, type DirectoryPartnerInput } from '../../domain/directory';
import { ACTIVE_VALIDITY } from '../../workflow/facts';

type Row = Record<string, unknown>;
interface UploadedFile {
  url?: string;
  formats?: Record<string, { url?: string }> | null;
}

/** Public fields only: the query names every column it reads, so nothing private is ever loaded. */
const PUBLIC_PARTNER_FIELDS = ['documentId', 'name', 'institutionType', 'level', 'country', 'city', 'website', 'publicDescription'];

const absolute = (strapi: Core.Strapi, url: string | undefined) => {
  if (!url) return null;
  if (/^https?:\/\//.test(url)) return url;
  const base = String(strapi.config.get('server.url', '') ?? '').replace(/\/$/, '');
  return `${base}${url}`;
};

/** The logo as a card shows it: the "small" rendition when the upload plugin made one. */
const logoUrl = (strapi: Core.Strapi, file: UploadedFile | null | undefined) => absolute(strapi, file?.formats?.small?.url ?? file?.url);

export interface DirectorySource {
  directory: Directory;
  /** Every cooperation-type and unit code: a filter value outside these is refused. */
  known: { cooperationTypes: ReadonlySet<string>; units: ReadonlySet<string> };
}

/** Reads the listing: published partners (Strapi's publication is the listing rule) and their agreements. */
export const readDirectorySource = async (strapi: Core.Strapi): Promise<DirectorySource> => {
  const partnerRows = (await strapi.db.query('api::partner.partner').findMany({
    where: { publishedAt: { $notNull: true } },
    select: PUBLIC_PARTNER_FIELDS,
    populate: { logo: { select: ['url', 'formats'] } },
  })) as Row[];
  const agreementRows = (await strapi.db.query('api::agreement.agreement').findMany({
    where: { validityState: { $ne: 'draft' } },
    select: ['kind', 'validityState', 'signedDate', 'startDate'],
    populate: { partner: { select: ['documentId'] }, cooperationTypes: { select: ['code'] }, units: { select: ['code'] } },
  })) as Row[];
  const cooperationTypes = (await strapi.db.query('api::cooperation-type.cooperation-type').findMany({ select: ['code', 'name', 'nameEn'] })) as CatalogueEntry[];
  const units = (await strapi.db.query('api::unit.unit').findMany({ select: ['code', 'name', 'nameEn'] })) as CatalogueEntry[];

  const partners: DirectoryPartnerInput[] = partnerRows.map((row) => ({
    documentId: row.documentId as string,
    name: row.name as string,
    institutionType: row.institutionType as string,
    level: row.level as string,
    country: row.country as string,
    city: (row.city as string | null) ?? null,
    website: (row.website as string | null) ?? null,
    logoUrl: logoUrl(strapi, row.logo as UploadedFile | null),
    publicDescription: (row.publicDescription as string | null) ?? null,
  }));
  const listed = new Set(partners.map((partner) => partner.documentId));
  const codes = (value: unknown) => ((value as Row[] | null) ?? []).map((entry) => entry.code as string);
  const agreements: DirectoryAgreementInput[] = agreementRows
    .map((row) => ({
      partnerDocumentId: ((row.partner as Row | null)?.documentId as string | undefined) ?? '',
      kind: row.kind as string,
      active: ACTIVE_VALIDITY.includes(row.validityState as string),
      began: ((row.signedDate ?? row.startDate) as string | null) ?? null,
      cooperationTypes: codes(row.cooperationTypes),
      units: codes(row.units),
    }))
    .filter((agreement) => listed.has(agreement.partnerDocumentId));

  return {
    directory: buildDirectory(partners, agreements, { cooperationTypes, units }),
    known: { cooperationTypes: new Set(cooperationTypes.map((entry) => entry.code)), units: new Set(units.map((entry) => entry.code)) },
  };
};
