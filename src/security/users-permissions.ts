import type { Core } from '@strapi/strapi';
import { errors, validateYupSchema, yup } from '@strapi/utils';
import type { Context } from 'koa';
import { formatBilingual } from '../domain/bilingual';

/**
 * Users & Permissions (the unit accounts) hardened at the plugin's own controllers and
 * services, so that REST, GraphQL and the admin all meet the same rule:
 * - nobody registers: accounts are created by Humas (`/kerjasama/unit-accounts`);
 * - a JWT issued before the password last changed is refused;
 * - forgot-password answers at once, whether or not the address has an account.
 */
const USER_UID = 'plugin::users-permissions.user';

type Methods = Record<string, unknown>;
type Definition = Methods | ((deps: { strapi: Core.Strapi }) => Methods);

/** Replaces some methods of a plugin controller or service, given as an object or a factory. */
const override = (definition: Definition, replace: (original: Methods) => Methods): Definition => {
  if (typeof definition !== 'function') return { ...definition, ...replace(definition) };
  return (deps) => {
    const original = definition(deps);
    return { ...original, ...replace(original) };
  };
};

export const REGISTRATION_CLOSED = formatBilingual({
  id: 'Pendaftaran akun ditutup; akun unit dibuat oleh Humas',
  en: 'registration is closed; unit accounts are created by Humas',
});

/** Called through REST and GraphQL alike (GraphQL's resolvers call these controllers). */
const register = async () => {
  throw new errors.ForbiddenError(REGISTRATION_CLOSED);
};

/** The same rule as the plugin's own, checked before answering (a bad address is still a 400). */
const forgotPasswordBody = validateYupSchema(yup.object({ email: yup.string().email().required() }).noUnknown());

type Controller = (ctx: unknown) => Promise<unknown>;

/** Mails still being prepared after their answer was sent (awaited on shutdown). */
const pendingResetMails = new Set<Promise<void>>();
export const settleResetMails = () => Promise.allSettled([...pendingResetMails]);

/**
 * Looking the address up, storing the reset code and sending the mail happen after the answer
 * has been sent, on a context of their own: the answer's timing no longer tells whether an account exists.
 */
const forgotPasswordInBackground = (original: Controller) => async (ctx: Context) => {
  const body = await forgotPasswordBody(ctx.request.body);
  const state = ctx.state;
  // Started once the answer is out: SQLite's queries block the event loop, so work started
  // earlier (even on the next tick) would still delay the answer of an existing account.
  const answered = new Promise<void>((resolve) => {
    const res = ctx.res;
    if (!res || res.writableFinished) return setImmediate(resolve);
    res.once('finish', () => resolve());
    res.once('close', () => resolve());
  });
  const work: Promise<void> = answered
    .then(() => original({ request: { body }, state, send: () => undefined }))
    .then(
      () => undefined,
      (error: unknown) => {
        strapi.log.error(`forgot-password mail failed: ${error instanceof Error ? error.message : String(error)}`);
      },
    )
    .finally(() => pendingResetMails.delete(work));
  pendingResetMails.add(work);
  ctx.send({ ok: true });
};

/** Sign-ups cannot be switched on from Settings either (providers would create users). */
const keepRegistrationClosed = (original: Controller) => async (ctx: Context) => {
  const body = ctx.request.body as Record<string, unknown> | undefined;
  if (body && typeof body === 'object' && !Array.isArray(body)) ctx.request.body = { ...body, allow_register: false };
  return original(ctx);
};

interface JwtPayload {
  id?: number | string;
  iat?: number;
}

/** A token issued (to the second) before the password's last change is no longer valid. */
const refuseTokensBeforePasswordChange = (strapi: Core.Strapi, verify: (token: string) => Promise<JwtPayload>) => async (token: string) => {
  const payload = await verify(token);
  if (payload?.id === undefined || typeof payload.iat !== 'number') return payload;
  const user = (await strapi.db.query(USER_UID).findOne({ where: { id: payload.id }, select: ['id', 'passwordChangedAt'] })) as {
    passwordChangedAt?: string | Date | null;
  } | null;
  const changedAt = user?.passwordChangedAt ? new Date(user.passwordChangedAt).getTime() : NaN;
  // JWTs count in whole seconds: one issued in the second of the change (the one the reset answers with) is kept.
  if (Number.isFinite(changedAt) && payload.iat < Math.floor(changedAt / 1000)) throw new Error('Invalid token.');
  return payload;
};

interface PluginShape {
  contentTypes: { user: { schema: { attributes: Record<string, unknown> } } };
  controllers: Record<string, Definition>;
  services: Record<string, Definition>;
}

export const hardenUsersPermissions = <P extends PluginShape>(plugin: P): P => {
  plugin.contentTypes.user.schema.attributes.passwordChangedAt = { type: 'datetime', private: true, configurable: false };
  plugin.controllers.auth = override(plugin.controllers.auth, (auth) => ({
    register,
    forgotPassword: forgotPasswordInBackground((auth.forgotPassword as Controller).bind(auth)),
  }));
  plugin.controllers.settings = override(plugin.controllers.settings, (settings) => ({
    updateAdvancedSettings: keepRegistrationClosed((settings.updateAdvancedSettings as Controller).bind(settings)),
  }));
  const jwtFactory = plugin.services.jwt;
  plugin.services.jwt = (deps: { strapi: Core.Strapi }) => {
    const jwt = typeof jwtFactory === 'function' ? jwtFactory(deps) : jwtFactory;
    return { ...jwt, verify: refuseTokensBeforePasswordChange(deps.strapi, (jwt.verify as (token: string) => Promise<JwtPayload>).bind(jwt)) };
  };
  return plugin;
};

/**
 * Every password change — reset, change-password, an admin's edit, at any door — goes through
 * the Document Service; it stamps when, so that older tokens stop working.
 */
export const registerPasswordChangeStamp = (strapi: Core.Strapi) => {
  strapi.documents.use(async (context, next) => {
    if (context.uid === USER_UID && (context.action === 'create' || context.action === 'update')) {
      const data = (context.params as { data?: Record<string, unknown> }).data;
      if (data && typeof data.password === 'string' && data.password !== '') data.passwordChangedAt = new Date();
    }
    return next();
  });
};

/** Sign-ups off in the plugin's advanced settings, on every boot (idempotent). */
export const closeRegistration = async (strapi: Core.Strapi) => {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const advanced = (await store.get({})) as Record<string, unknown> | null;
  // The plugin writes its defaults on its first bootstrap, before this one.
  if (!advanced || advanced.allow_register === false) return;
  await store.set({ value: { ...advanced, allow_register: false } });
};
