import type { Core } from '@strapi/strapi';

interface TokenDefinition {
  name: string;
  description: string;
  type: string;
}

/**
 * Strapi's admin bootstrap gives a fresh install (no admin, no token) a "Read Only" and a
 * "Full Access" API token that nobody asked for. They are removed again before the server
 * listens, on every boot until the first admin exists (the only one who could ask for a token).
 */
export const removeUnrequestedApiTokens = async (strapi: Core.Strapi) => {
  if (await strapi.service('admin::user').exists()) return;
  // The admin's own list (a module namespace: its members may sit under `default`).
  type Constants = { DEFAULT_API_TOKENS?: TokenDefinition[] };
  const constants = strapi.admin?.services?.constants as (Constants & { default?: Constants }) | undefined;
  const defaults = constants?.DEFAULT_API_TOKENS ?? constants?.default?.DEFAULT_API_TOKENS ?? [];
  if (defaults.length === 0) return;
  const tokens = (await strapi.db.query('admin::api-token').findMany({ select: ['id', 'name', 'description', 'type'] })) as Array<TokenDefinition & { id: number }>;
  const apiTokens = strapi.service('admin::api-token-content-api') as { revoke: (id: number) => Promise<unknown> };
  for (const token of tokens) {
    if (defaults.some((made) => made.name === token.name && made.description === token.description && made.type === token.type)) await apiTokens.revoke(token.id);
  }
};
