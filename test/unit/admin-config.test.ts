import path from 'path';
import adminConfig from '../../config/admin';
import { disableGuidedTours } from '../../src/admin/guided-tour';

/**
 * Issue 14: what the newcomer should not meet. The e-mail outbox is outside what `strapi develop`
 * reloads, the Content Manager has no "Set up preview" box, and Strapi's guided tours are off.
 */
const envOf = (values: Record<string, string>) => {
  const env = (key: string, fallback?: unknown) => values[key] ?? fallback;
  return Object.assign(env, { int: env, bool: env, array: env, json: env, float: env, date: env, oneOf: env }) as never;
};

describe('admin configuration', () => {
  test('the dev watcher ignores the e-mail outbox, wherever EMAIL_OUTBOX_DIR points', () => {
    const inRoot = adminConfig({ env: envOf({ EMAIL_OUTBOX_DIR: 'outbox' }) });
    const outbox = path.resolve(process.cwd(), 'outbox');
    expect(inRoot.watchIgnoreFiles).toEqual([outbox, `${outbox}/**`]);
    const byDefault = adminConfig({ env: envOf({}) });
    expect(byDefault.watchIgnoreFiles).toContain(`${path.resolve(process.cwd(), '.tmp', 'outbox')}/**`);
  });

  test('preview is disabled (not merely unconfigured), so no "Set up preview" box', () => {
    expect(adminConfig({ env: envOf({}) }).preview?.enabled).toBe(false);
  });
});

describe('guided tours', () => {
  const storage = (initial: Record<string, string> = {}) => {
    const items = new Map(Object.entries(initial));
    return { items, getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
  };

  test('a first visit stores the tours as skipped', () => {
    const store = storage();
    disableGuidedTours(store);
    expect(JSON.parse(store.items.get('STRAPI_GUIDED_TOUR')!)).toEqual({ enabled: false });
  });

  test('a stored tour state keeps its progress and is switched off', () => {
    const state = { tours: { contentManager: { currentStep: 2, isCompleted: false } }, enabled: true, hidden: false, completedActions: ['x'] };
    const store = storage({ STRAPI_GUIDED_TOUR: JSON.stringify(state) });
    disableGuidedTours(store);
    expect(JSON.parse(store.items.get('STRAPI_GUIDED_TOUR')!)).toEqual({ ...state, enabled: false });
  });

  test('an unreadable value is replaced', () => {
    const store = storage({ STRAPI_GUIDED_TOUR: '{not json' });
    disableGuidedTours(store);
    expect(JSON.parse(store.items.get('STRAPI_GUIDED_TOUR')!)).toEqual({ enabled: false });
  });
});
