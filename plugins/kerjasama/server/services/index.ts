/** The plugin's logic lives in src/workflow (shared with the content API); no plugin services yet. */
export const services = {};
