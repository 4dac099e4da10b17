/**
 * Who is acting. Admin users get their roles from the stable codes of their Strapi admin RBAC
 * roles (never from the display names, which a Super Admin may rename); unit staff are
 * Users & Permissions users with the role Unit; integrations act through an API token; the
 * server itself (cron, bootstrap) acts as `system`.
 */
import { Bilingual } from './bilingual';

export type ActorRole = 'super_admin' | 'staf_humas' | 'kapokja' | 'direktur' | 'unit' | 'api_token' | 'system';

export const ROLE_LABELS: Readonly<Record<ActorRole, Bilingual>> = {
  super_admin: { id: 'Super Admin', en: 'Super Admin' },
  staf_humas: { id: 'Staf Humas', en: 'Humas staff' },
  kapokja: { id: 'Kapokja Humas & Kerjasama', en: 'Head of PR & Cooperation' },
  direktur: { id: 'Direktur', en: 'Director' },
  unit: { id: 'unit pemilik', en: 'the owning unit' },
  api_token: { id: 'token API', en: 'API token' },
  system: { id: 'sistem', en: 'system' },
};

export const ACTOR_ROLES = Object.keys(ROLE_LABELS) as ActorRole[];

export interface Actor {
  kind: 'admin' | 'user' | 'api_token' | 'system';
  id?: string | number;
  name?: string;
  roles: ActorRole[];
  /** The units a `unit` user belongs to; they act only on these units' records. */
  unitIds?: Array<string | number>;
}

/**
 * Strapi admin role codes and the actor role each one grants. `strapi-super-admin` is Strapi's
 * own; the office roles get their code when bootstrap creates them (src/bootstrap/roles.ts). A
 * code cannot be changed through the admin (Strapi drops `code` from role updates), so renaming
 * a role in Settings changes nothing of what it may do.
 */
export const ADMIN_ROLE_CODES = {
  'strapi-super-admin': 'super_admin',
  'kerjasama-staf-humas': 'staf_humas',
  'kerjasama-kapokja': 'kapokja',
  'kerjasama-direktur': 'direktur',
} as const satisfies Record<string, ActorRole>;

export type AdminRoleCode = keyof typeof ADMIN_ROLE_CODES;

/**
 * The display names the office roles are created with, and the actor role of each: for labels
 * only (a Super Admin may rename a role); rights come from ADMIN_ROLE_CODES.
 */
export const ADMIN_ROLE_NAMES = {
  'Super Admin': 'super_admin',
  'Staf Humas': 'staf_humas',
  'Kapokja Humas & Kerjasama': 'kapokja',
  Direktur: 'direktur',
} as const satisfies Record<string, ActorRole>;

/** The actor roles an admin user holds, from their admin role codes; unknown codes grant nothing. */
export function rolesFromAdminRoleCodes(codes: readonly (string | null | undefined)[]): ActorRole[] {
  const roles = codes.filter(isAdminRoleCode).map((code) => ADMIN_ROLE_CODES[code]);
  return [...new Set(roles)];
}

/** The admin role codes that grant `role` (none for unit, api_token, system). */
export function adminRoleCodesFor(role: ActorRole): AdminRoleCode[] {
  return (Object.keys(ADMIN_ROLE_CODES) as AdminRoleCode[]).filter((code) => ADMIN_ROLE_CODES[code] === role);
}

export function hasRole(actor: Actor, role: ActorRole): boolean {
  return actor.roles.includes(role);
}

/** Ids may arrive as numbers from one entry point and strings from another. */
export function isMemberOfUnit(actor: Actor, unitId: string | number | null | undefined): boolean {
  if (unitId === null || unitId === undefined) return false;
  return (actor.unitIds ?? []).some((own) => String(own) === String(unitId));
}

function isAdminRoleCode(code: string | null | undefined): code is AdminRoleCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ADMIN_ROLE_CODES, code);
}
