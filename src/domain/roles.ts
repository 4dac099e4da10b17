/**
 * Who is acting. Admin users get their roles from Strapi admin RBAC role names; unit staff are
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

/** Strapi admin role display names (created in bootstrap) and the actor role each one grants. */
export const ADMIN_ROLE_NAMES = {
  'Super Admin': 'super_admin',
  'Staf Humas': 'staf_humas',
  'Kapokja Humas & Kerjasama': 'kapokja',
  Direktur: 'direktur',
} as const satisfies Record<string, ActorRole>;

export type AdminRoleName = keyof typeof ADMIN_ROLE_NAMES;

/** The actor roles an admin user holds, from their admin role names; unknown names grant nothing. */
export function roleFromAdminRoleNames(names: string[]): ActorRole[] {
  const roles = names.filter(isAdminRoleName).map((name) => ADMIN_ROLE_NAMES[name]);
  return [...new Set(roles)];
}

export function hasRole(actor: Actor, role: ActorRole): boolean {
  return actor.roles.includes(role);
}

/** Ids may arrive as numbers from one entry point and strings from another. */
export function isMemberOfUnit(actor: Actor, unitId: string | number | null | undefined): boolean {
  if (unitId === null || unitId === undefined) return false;
  return (actor.unitIds ?? []).some((own) => String(own) === String(unitId));
}

function isAdminRoleName(name: string): name is AdminRoleName {
  return Object.prototype.hasOwnProperty.call(ADMIN_ROLE_NAMES, name);
}
