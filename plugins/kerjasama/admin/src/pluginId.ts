export const PLUGIN_ID = 'kerjasama';

/** Translation key inside the plugin's namespace. */
export const t = (key: string) => `${PLUGIN_ID}.${key}`;
