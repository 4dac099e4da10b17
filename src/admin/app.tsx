import type { StrapiApp } from '@strapi/strapi/admin';
import { disableGuidedTours } from './guided-tour';
import strapiId from './translations/strapi-id.json';

/**
 * Strapi's stock onboarding is not for this office (issue 14). What Strapi 5.54 lets an app turn
 * off is turned off here; see the comments for what it does not.
 */
/**
 * The "new Media Library" banner is dismissed per project (its key ends with the project's uuid
 * from /admin/init): marked dismissed for both of its messages as soon as the uuid is known.
 */
const dismissMediaLibraryBanner = async () => {
  try {
    const response = await fetch(`${window.location.origin}/admin/init`);
    const uuid = ((await response.json()) as { data?: { uuid?: string | false } }).data?.uuid;
    if (!uuid) return;
    for (const legacy of ['true', 'false']) window.localStorage.setItem(`STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_${legacy}:${uuid}`, 'true');
  } catch {
    // Offline or refused: the banner stays, nothing else depends on it.
  }
};

export default {
  config: {
    locales: ['id'],
    // No outside calls from the admin panel: release and tutorial notices off.
    notifications: { releases: false },
    tutorials: false,
    // Strapi ships Indonesian for under half of its own admin and Content Manager texts (issue 14):
    // the missing ones the office meets, merged over Strapi's id file (Content Manager keys carry
    // the `content-manager.` prefix the plugin registers them under).
    translations: { id: strapiId },
  },
  register(app: StrapiApp) {
    // The home page shows the Kerjasama widget (registered by the plugin) instead of Strapi's
    // profile, project statistics, "Deploy" and last-edited / last-published entries.
    app.widgets.register((widgets) => widgets.filter((widget) => widget.pluginId === 'kerjasama'));
    disableGuidedTours(window.localStorage);
    void dismissMediaLibraryBanner();
  },
  bootstrap(_app: StrapiApp) {},
};
