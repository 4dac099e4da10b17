import type { useFetchClient } from '@strapi/strapi/admin';

type Get = ReturnType<typeof useFetchClient>['get'];

/** Strapi's error body, as the admin fetch client attaches it to a refused request. */
interface RefusedRequest {
  response?: { data?: { error?: { message?: string; details?: { errors?: Array<{ path?: Array<string | number>; message?: string }> } } } };
}
const refusal = (error: unknown) => (error as RefusedRequest).response?.data?.error;

/** The server's bilingual message of a refused request (400 names the field). */
export const errorMessage = (error: unknown) => refusal(error)?.message ?? (error as Error).message ?? 'Error';

/** The refused fields of a 400, by their first path segment (`units.1` → `units`), for a form. */
export const fieldErrors = (error: unknown): Record<string, string> =>
  Object.fromEntries((refusal(error)?.details?.errors ?? []).filter((item) => item.path?.length).map((item) => [String(item.path![0]), item.message ?? '']));

/** Fetches a file through the admin client (it carries the token) and hands it to the browser. */
export const downloadFile = async (get: Get, url: string, filename: string) => {
  const { data } = await get<Blob>(url, { responseType: 'blob' });
  const href = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(href);
};
