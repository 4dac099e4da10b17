/**
 * The public check of an issued document: `/api/verifikasi/KS/BO.29.3.1/2026/0001` (the number
 * as printed, its slashes as path separators). No account: the number is printed on the paper.
 */
export default {
  routes: [
    {
      method: 'GET' as const,
      path: '/verifikasi/:number(.*)',
      handler: 'api::issued-document.issued-document.verify',
      config: { auth: false as const },
    },
  ],
};
