import { AsyncLocalStorage } from 'async_hooks';

/**
 * Who is acting in the current async call chain. Writes made by the system itself (seeding,
 * cron tasks) run inside `runAsSystem`, so rules that need a named person can tell them apart
 * from requests.
 */
export interface SystemActor {
  kind: 'system';
  name: string;
}

const storage = new AsyncLocalStorage<SystemActor>();

export const runAsSystem = <T>(name: string, work: () => Promise<T>): Promise<T> =>
  storage.run({ kind: 'system', name }, work);

export const currentSystemActor = (): SystemActor | undefined => storage.getStore();
