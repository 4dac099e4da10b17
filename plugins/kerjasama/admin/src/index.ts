import { Briefcase } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { IssuedDocumentsPanel } from './components/IssuedDocumentsPanel';
import { WorkflowPanel } from './components/WorkflowPanel';
import { PLUGIN_ACTIONS } from '@kerjasama/contracts/permissions';
import { PLUGIN_ID } from './pluginId';

type Translations = Record<string, string>;

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Briefcase,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Kerjasama' },
      Component: () => import('./pages/App'),
      permissions: [{ action: PLUGIN_ACTIONS.readDashboard, subject: null }],
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Kerjasama' });
  },

  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager') as unknown as {
      apis: { addEditViewSidePanel: (panels: unknown[]) => void };
    };
    contentManager.apis.addEditViewSidePanel([WorkflowPanel, IssuedDocumentsPanel]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = (await import(`./translations/${locale}.json`)) as { default: Translations };
          const prefixed = Object.fromEntries(Object.entries(data).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));
          return { data: prefixed, locale };
        } catch {
          return { data: {}, locale };
        }
      }),
    );
  },
};
