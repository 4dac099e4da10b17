import { AsyncLocalStorage } from 'async_hooks';

/**
 * A unit names an existing partner on its proposal, but may not read partners: Strapi's REST
 * input validation refuses a relation to a type the caller cannot read. The proposal
 * controller takes the partner out of the request for unit users and the proposal-intake
 * middleware puts it back into the write, where the field rules check it like any other.
 */
const storage = new AsyncLocalStorage<{ partner: unknown }>();

export const withUnitPartnerChoice = <T>(data: unknown, work: () => Promise<T>): Promise<T> => {
  if (!data || typeof data !== 'object' || !('partner' in data)) return work();
  const record = data as Record<string, unknown>;
  const partner = record.partner;
  delete record.partner;
  return storage.run({ partner }, work);
};

export const unitPartnerChoice = () => storage.getStore();
