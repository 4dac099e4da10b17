import { Briefcase } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { IssuedDocumentsPanel } from './components/IssuedDocumentsPanel';
import { WorkflowPanel } from './components/WorkflowPanel';
import { PLUGIN_ACTIONS } from '@kerjasama/contracts/permissions';
import { PLUGIN_ID } from './pluginId';
import { keepAdminApp } from './adminApp';

type Translations = Record<string, string>;

export default {
  register(app: StrapiApp) {
    keepAdminApp(app);
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Briefcase,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Kerjasama' },
      Component: () => import('./pages/App'),
      permissions: [{ action: PLUGIN_ACTIONS.readDashboard, subject: null }],
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Kerjasama' });
    // The admin home shows this widget only (src/admin/app.tsx removes Strapi's stock ones).
    app.widgets.register({
      id: 'dashboard',
      pluginId: PLUGIN_ID,
      icon: Briefcase,
      title: { id: `${PLUGIN_ID}.dashboard.title`, defaultMessage: 'Dasbor kerjasama' },
      link: { label: { id: `${PLUGIN_ID}.widget.open`, defaultMessage: 'Buka dasbor kerjasama' }, href: `/plugins/${PLUGIN_ID}` },
      component: async () => (await import('./components/HomeWidget')).KerjasamaHomeWidget,
      permissions: [{ action: PLUGIN_ACTIONS.readDashboard }],
    });
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
