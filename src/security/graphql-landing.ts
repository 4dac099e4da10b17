import { formatBilingual } from '../domain/bilingual';

const TITLE = formatBilingual({ id: 'Endpoint GraphQL Kerjasama', en: 'Kerjasama GraphQL endpoint' });
const BODY = formatBilingual({
  id: 'Kirim kueri dengan POST ke alamat ini (Content-Type: application/json). Dokumentasi API REST ada di /documentation',
  en: 'send queries with POST to this address (Content-Type: application/json). The REST API is documented at /documentation',
});

/** The page's bytes: plain HTML with no script, style or image from anywhere. */
export const GRAPHQL_LANDING_HTML = `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>${TITLE}</title></head>
<body><h1>${TITLE}</h1><p>${BODY}</p></body></html>
`;

/**
 * The Apollo plugin for the graphql plugin's `landingPage` option (config/plugins.ts). Apollo's
 * own landing pages, development and production alike, load Apollo Sandbox or Explorer from
 * Apollo's CDN: offline they show "cannot be loaded", and online they send visitors' browsers
 * to a third party. This one is a local page with nothing to load.
 */
export const localGraphqlLanding = () => ({
  async serverWillStart() {
    return {
      async renderLandingPage() {
        return { html: GRAPHQL_LANDING_HTML };
      },
    };
  },
});
