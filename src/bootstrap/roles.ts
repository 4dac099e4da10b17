import type { Core } from '@strapi/strapi';
import type { AdminRoleCode } from '../domain/roles';

/**
 * Admin roles of the office and the Users & Permissions role of units' staff. Roles are created
 * when missing; their permissions are (re)assigned only when ROLE_POLICY_VERSION changes, so a
 * Super Admin's later adjustments in Settings survive ordinary restarts. An admin role is found
 * by its stable `code` (what src/domain/roles.ts grants rights by), never by its display name,
 * which a Super Admin may change.
 */
export const ROLE_POLICY_VERSION = 7;

export const ADMIN_ROLES = {
  stafHumas: {
    code: 'kerjasama-staf-humas',
    name: 'Staf Humas',
    description: 'Staf Humas & Kerjasama: entri data (Public Relations & Cooperation staff: data entry)',
  },
  kapokja: {
    code: 'kerjasama-kapokja',
    name: 'Kapokja Humas & Kerjasama',
    description: 'Kepala Kelompok Kerja: menelaah, merekomendasikan, merencanakan (Head of the working group: reviews, recommends, plans)',
  },
  direktur: {
    code: 'kerjasama-direktur',
    name: 'Direktur',
    description: 'Direktur: menyetujui program dan usulan (Director: approves programs and proposals)',
  },
} as const satisfies Record<string, { code: AdminRoleCode; name: string; description: string }>;

type AdminRoleKey = keyof typeof ADMIN_ROLES;
type CmAction = 'read' | 'create' | 'update' | 'delete' | 'publish';

const API = (name: string) => `api::${name}.${name}`;
const ALL_TYPES = [
  'unit', 'cooperation-type', 'kpi', 'partner', 'agreement', 'needs-mapping', 'annual-target',
  'proposal', 'meeting-minute', 'annual-program', 'program-item', 'monitoring-record',
  'satisfaction-survey', 'survey-invitation', 'survey-response', 'evaluation-report', 'transition-log',
  'call-for-proposal', 'reminder-log', 'issued-document', 'activity-report',
].map(API);
/** The transition log, the reminder log and issued documents are written by the system only. */
const SYSTEM_WRITTEN = new Set(['transition-log', 'reminder-log', 'issued-document'].map(API));
const WRITABLE_TYPES = ALL_TYPES.filter((uid) => !SYSTEM_WRITTEN.has(uid));

/** Which Content Manager actions each role gets on which content types. */
const CONTENT_POLICY: Record<AdminRoleKey, Partial<Record<CmAction, string[]>>> = {
  stafHumas: {
    read: ALL_TYPES,
    create: WRITABLE_TYPES,
    update: WRITABLE_TYPES,
  },
  kapokja: {
    read: ALL_TYPES,
    create: WRITABLE_TYPES,
    update: WRITABLE_TYPES,
    delete: WRITABLE_TYPES,
    publish: [API('partner')],
  },
  direktur: {
    read: ALL_TYPES,
    update: [API('proposal'), API('annual-program'), API('partner'), API('evaluation-report')],
    publish: [API('partner')],
  },
};

const MEDIA_LIBRARY_ACTIONS = [
  'plugin::upload.read',
  'plugin::upload.configure-view',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
];

const PLANNING = (action: string) => `plugin::kerjasama.planning.${action}`;
/** Admin actions of the kerjasama plugin (registered by the plugin) each role gets. */
/** Calls for proposals, unit accounts, survey invitations and results (Humas's office). */
const PARTICIPATION = ['plugin::kerjasama.participation.manage', 'plugin::kerjasama.survey.read'];
/** Issued documents: everyone reads and previews (Staf Humas prepares); the Kapokja issues. */
const READ_DOCUMENTS = 'plugin::kerjasama.documents.read';
const ISSUE_DOCUMENTS = 'plugin::kerjasama.documents.issue';
/** The evaluation report (FO.28.2.1): Staf Humas prepares, the Kapokja prepares and finalizes; the Director reads (dashboard). */
const PREPARE_EVALUATION = 'plugin::kerjasama.evaluation.prepare';
const FINALIZE_EVALUATION = 'plugin::kerjasama.evaluation.finalize';
/** Accreditation (issue 12): every office role reads LKPS Table 1 and IKU 6; the evidence pack with its confidential files goes to the Kapokja and the Director (src/accreditation/plugin.ts says why). */
const READ_ACCREDITATION = 'plugin::kerjasama.accreditation.read-accreditation';
const EVIDENCE_PACK = 'plugin::kerjasama.accreditation.evidence-pack';
/** The office's existing sheets imported, duplicate partners merged (issue 13): Humas's office. */
const IMPORT_AND_MERGE = ['plugin::kerjasama.import.import-records', 'plugin::kerjasama.partners.merge-partners'];

const PLUGIN_POLICY: Record<AdminRoleKey, string[]> = {
  stafHumas: ['plugin::kerjasama.workflow.read', ...['read-dashboard', 'edit-mapping', 'edit-targets', 'manage-program'].map(PLANNING), ...PARTICIPATION, READ_DOCUMENTS, PREPARE_EVALUATION, ...IMPORT_AND_MERGE, READ_ACCREDITATION],
  kapokja: [
    'plugin::kerjasama.workflow.read',
    'plugin::kerjasama.retention.read',
    ...['read-dashboard', 'edit-mapping', 'edit-targets', 'manage-program'].map(PLANNING),
    ...PARTICIPATION,
    READ_DOCUMENTS,
    ISSUE_DOCUMENTS,
    PREPARE_EVALUATION,
    FINALIZE_EVALUATION,
    ...IMPORT_AND_MERGE,
    READ_ACCREDITATION,
    EVIDENCE_PACK,
  ],
  direktur: ['plugin::kerjasama.workflow.read', 'plugin::kerjasama.retention.read', ...['read-dashboard', 'approve-program'].map(PLANNING), 'plugin::kerjasama.survey.read', READ_DOCUMENTS, READ_ACCREDITATION, EVIDENCE_PACK],
};

interface AdminPermissionInput {
  action: string;
  subject?: string;
  properties?: { fields?: string[] };
  conditions?: string[];
}

const contentManagerPermissions = (strapi: Core.Strapi, key: AdminRoleKey): AdminPermissionInput[] => {
  const policy = CONTENT_POLICY[key];
  const actions = Object.entries(policy).map(([action, subjects]) => ({
    actionId: `plugin::content-manager.explorer.${action}`,
    subjects: subjects ?? [],
    section: 'contentTypes',
    options: { applyToProperties: action === 'publish' || action === 'delete' ? undefined : ['fields'] },
  }));
  // Strapi's own helper fills `properties.fields` with every (nested) field of each subject.
  return strapi.service('admin::content-type').getPermissionsWithNestedFields(actions);
};

interface AdminRoleRow {
  id: number;
  code: string | null;
  name: string;
}

/** Strapi's code for a role created without one: the kebab-cased name and a timestamp. */
const generatedCodeOf = (name: string) => new RegExp(`^${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}-[a-z0-9]+$`);

/**
 * The office role with this stable code. Boots before codes were set created the roles with a
 * generated code (`direktur-<timestamp>`): such a role, found by that code's shape or, failing
 * that, by its name, is given the stable code once (idempotent: the next boot finds it by code).
 */
const findOfficeRole = async (strapi: Core.Strapi, code: AdminRoleCode, name: string): Promise<AdminRoleRow | null> => {
  const roleQuery = strapi.db.query('admin::role');
  const byCode = (await roleQuery.findOne({ where: { code } })) as AdminRoleRow | null;
  if (byCode) return byCode;
  const roles = (await roleQuery.findMany({ select: ['id', 'code', 'name'] })) as AdminRoleRow[];
  const older = roles.find((role) => role.code && generatedCodeOf(name).test(role.code)) ?? roles.find((role) => role.name === name);
  if (!older) return null;
  // Straight to the table: Strapi's role service never changes a code.
  return (await roleQuery.update({ where: { id: older.id }, data: { code } })) as AdminRoleRow;
};

const ensureAdminRoles = async (strapi: Core.Strapi, reassign: boolean) => {
  const roleService = strapi.service('admin::role');
  for (const key of Object.keys(ADMIN_ROLES) as AdminRoleKey[]) {
    const { code, name, description } = ADMIN_ROLES[key];
    let role = await findOfficeRole(strapi, code, name);
    const created = !role;
    if (!role) role = (await roleService.create({ code, name, description })) as AdminRoleRow;
    if (created || reassign) {
      const permissions = [
        ...contentManagerPermissions(strapi, key),
        ...MEDIA_LIBRARY_ACTIONS.map((action) => ({ action })),
        ...PLUGIN_POLICY[key].map((action) => ({ action })),
      ];
      await roleService.assignPermissions(role.id, permissions);
    }
  }
};

/**
 * Content-API permissions of the `Unit` role: reference data, open calls, and its own unit's
 * proposals (the proposal-intake middleware scopes every read and write to the user's unit).
 * No delete: a unit withdraws. No partner reads: partners' contacts and notes are Humas's.
 */
const UNIT_ROLE_ACTIONS = [
  'api::proposal.proposal.find',
  'api::proposal.proposal.findOne',
  'api::proposal.proposal.create',
  'api::proposal.proposal.update',
  'api::proposal.proposal.transition',
  'api::proposal.proposal.workflow',
  'api::proposal.proposal.options',
  // Its own unit's activity reports (activity-report-intake scopes them like proposals); no delete.
  'api::activity-report.activity-report.find',
  'api::activity-report.activity-report.findOne',
  'api::activity-report.activity-report.create',
  'api::activity-report.activity-report.update',
  'api::activity-report.activity-report.transition',
  'api::activity-report.activity-report.workflow',
  'api::activity-report.activity-report.options',
  'api::call-for-proposal.call-for-proposal.find',
  'api::call-for-proposal.call-for-proposal.findOne',
  'plugin::upload.content-api.upload',
  'api::unit.unit.find',
  'api::unit.unit.findOne',
  'api::cooperation-type.cooperation-type.find',
  'api::cooperation-type.cooperation-type.findOne',
  'api::kpi.kpi.find',
  'api::kpi.kpi.findOne',
  'plugin::users-permissions.user.me',
];

/** Routes the Public role keeps: logging in and resetting a password. Registration is closed. */
const PUBLIC_ROLE_ACTIONS = [
  'plugin::users-permissions.auth.callback',
  'plugin::users-permissions.auth.forgotPassword',
  'plugin::users-permissions.auth.resetPassword',
];

const syncRolePermissions = async (strapi: Core.Strapi, roleId: number, actions: string[]) => {
  const permissionQuery = strapi.db.query('plugin::users-permissions.permission');
  const existing: Array<{ id: number; action: string }> = await permissionQuery.findMany({
    where: { role: roleId },
  });
  const stale = existing.filter((permission) => !actions.includes(permission.action));
  if (stale.length) await permissionQuery.deleteMany({ where: { id: { $in: stale.map((p) => p.id) } } });
  const have = new Set(existing.map((permission) => permission.action));
  for (const action of actions.filter((a) => !have.has(a))) {
    await permissionQuery.create({ data: { action, role: roleId } });
  }
};

const ensureUsersPermissionsRoles = async (strapi: Core.Strapi, reassign: boolean) => {
  const roleQuery = strapi.db.query('plugin::users-permissions.role');
  let unitRole = await roleQuery.findOne({ where: { type: 'unit' } });
  const created = !unitRole;
  if (!unitRole) {
    unitRole = await roleQuery.create({
      data: {
        name: 'Unit',
        type: 'unit',
        description: 'Staf unit, jurusan atau prodi yang mengajukan usulan (Unit staff who submit proposals)',
      },
    });
  }
  if (created || reassign) {
    await syncRolePermissions(strapi, unitRole.id, UNIT_ROLE_ACTIONS);
    const publicRole = await roleQuery.findOne({ where: { type: 'public' } });
    if (publicRole) await syncRolePermissions(strapi, publicRole.id, PUBLIC_ROLE_ACTIONS);
  }
};

export const ensureRoles = async (strapi: Core.Strapi) => {
  const store = strapi.store({ type: 'plugin', name: 'kerjasama', key: 'roles' });
  const stored = (await store.get({})) as { version?: number } | null;
  const reassign = stored?.version !== ROLE_POLICY_VERSION;
  await ensureAdminRoles(strapi, reassign);
  await ensureUsersPermissionsRoles(strapi, reassign);
  if (reassign) await store.set({ value: { version: ROLE_POLICY_VERSION } });
};
