import type { Core } from '@strapi/strapi';
import { rolesFromAdminRoleCodes, type Actor } from '../domain/roles';
import { currentWriteContext } from './write-context';

interface RequestState {
  auth?: { strategy?: { name?: string }; credentials?: { id?: number; name?: string } };
  user?: {
    id: number;
    email?: string;
    username?: string;
    firstname?: string;
    lastname?: string;
    roles?: Array<{ code?: string | null }>;
    role?: { type?: string };
  };
}

/** Anonymous server code (no request, no declared actor) may not decide anything. */
const UNKNOWN_CODE: Actor = { kind: 'system', name: 'unknown', roles: [] };

const unitIdsOf = async (strapi: Core.Strapi, userId: number): Promise<number[]> => {
  const user = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: userId }, populate: { unit: { populate: { children: true } } } });
  if (!user?.unit) return [];
  // A department's staff act for the department and for its study programs.
  return [user.unit.id, ...(user.unit.children ?? []).map((child: { id: number }) => child.id)];
};

/** Who is making the current write: from the HTTP request, or from the write context. */
export const resolveActor = async (strapi: Core.Strapi): Promise<Actor> => {
  const context = currentWriteContext();
  if (context.actor) return context.actor;
  if (context.system) return { kind: 'system', name: context.system, roles: ['system'] };

  const state = strapi.requestContext.get()?.state as RequestState | undefined;
  const strategy = state?.auth?.strategy?.name;
  if (strategy === 'admin' && state?.user) {
    const user = state.user;
    const roles = user.roles ?? (await strapi.db.query('admin::user').findOne({ where: { id: user.id }, populate: ['roles'] }))?.roles ?? [];
    return {
      kind: 'admin',
      id: user.id,
      name: [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email,
      // By the role's stable code: a Super Admin may rename a role in Settings.
      roles: rolesFromAdminRoleCodes(roles.map((role: { code?: string | null }) => role.code)),
    };
  }
  // Content-API tokens (and admin tokens) act for a system, never for a named person.
  if (strategy === 'content-api-token' || strategy === 'api-token' || strategy === 'admin-token') {
    const token = state?.auth?.credentials;
    return { kind: 'api_token', id: token?.id, name: token?.name, roles: ['api_token'] };
  }
  if (strategy === 'users-permissions' && state?.user) {
    const user = state.user;
    const isUnitStaff = user.role?.type === 'unit';
    return {
      kind: 'user',
      id: user.id,
      name: user.username ?? user.email,
      roles: isUnitStaff ? ['unit'] : [],
      unitIds: isUnitStaff ? await unitIdsOf(strapi, user.id) : [],
    };
  }
  return UNKNOWN_CODE;
};
