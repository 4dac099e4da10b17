import type { Core, UID } from '@strapi/strapi';

/**
 * Table, column and join-table names read from Strapi's database metadata, so the aggregation
 * SQL follows the schema (Strapi shortens long identifiers; names are never guessed here).
 */
interface JoinTableMeta {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}
interface AttributeMeta {
  columnName?: string;
  joinTable?: JoinTableMeta;
}

export interface JoinNames {
  table: string;
  /** Column pointing at the owner of the attribute. */
  owner: string;
  /** Column pointing at the related row. */
  related: string;
}

/** Double-quoted identifier, valid on SQLite and PostgreSQL. */
export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export const createSchema = (strapi: Core.Strapi) => {
  const meta = (uid: string) => strapi.db.metadata.get(uid as UID.Schema) as unknown as { tableName: string; attributes: Record<string, AttributeMeta> };
  const attribute = (uid: string, field: string): AttributeMeta => {
    const found = meta(uid).attributes[field];
    if (!found) throw new Error(`No attribute ${field} on ${uid}`);
    return found;
  };
  const joinMeta = (uid: string, field: string) => {
    const joinTable = attribute(uid, field).joinTable;
    if (!joinTable) throw new Error(`${uid}.${field} has no join table`);
    return joinTable;
  };
  return {
    /** Unquoted names, for knex's query builder (which quotes them itself). */
    names: {
      table: (uid: string) => meta(uid).tableName,
      column: (uid: string, field: string) => attribute(uid, field).columnName ?? field,
      join: (uid: string, field: string): JoinNames => {
        const joinTable = joinMeta(uid, field);
        return { table: joinTable.name, owner: joinTable.joinColumn.name, related: joinTable.inverseJoinColumn.name };
      },
    },
    table: (uid: string) => quote(meta(uid).tableName),
    column: (uid: string, field: string) => quote(attribute(uid, field).columnName ?? field),
    join: (uid: string, field: string): JoinNames => {
      const joinTable = joinMeta(uid, field);
      return { table: quote(joinTable.name), owner: quote(joinTable.joinColumn.name), related: quote(joinTable.inverseJoinColumn.name) };
    },
  };
};

export type Schema = ReturnType<typeof createSchema>;

export const UIDS = {
  agreement: 'api::agreement.agreement',
  unit: 'api::unit.unit',
  partner: 'api::partner.partner',
  cooperationType: 'api::cooperation-type.cooperation-type',
  monitoring: 'api::monitoring-record.monitoring-record',
  programItem: 'api::program-item.program-item',
  program: 'api::annual-program.annual-program',
  proposal: 'api::proposal.proposal',
  mapping: 'api::needs-mapping.needs-mapping',
  target: 'api::annual-target.annual-target',
  kpi: 'api::kpi.kpi',
  evaluation: 'api::evaluation-report.evaluation-report',
  survey: 'api::satisfaction-survey.satisfaction-survey',
  surveyResponse: 'api::survey-response.survey-response',
  surveyInvitation: 'api::survey-invitation.survey-invitation',
} as const;
