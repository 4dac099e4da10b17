import { AsyncLocalStorage } from 'async_hooks';
import type { Actor } from '../domain/roles';

/**
 * What the current async call chain says about the write it is making, beyond the data:
 * who acts when there is no HTTP request (seed, cron, a transition made on a person's behalf),
 * the reason given for a transition, and the state the caller expects the record to be in.
 */
export interface WriteContext {
  /** Set by server code that acts on its own account (seed, cron); never reachable from a request. */
  system?: string;
  /** The person on whose behalf server code writes (the transition endpoints). */
  actor?: Actor;
  reason?: string;
  /** The state the caller saw; a different current state is a conflict, not a new decision. */
  expectedFrom?: string;
  /** The write is a person's transition request: asking for the state the record is already in is a conflict. */
  transitionRequested?: boolean;
  /** The calendar day rules treat as today (the daily tasks pass theirs); default: today in Batam. */
  today?: string;
  /** Only the workflow middleware itself may append to the transition log. */
  appendingTransitionLog?: boolean;
}

const storage = new AsyncLocalStorage<WriteContext>();

export const currentWriteContext = (): WriteContext => storage.getStore() ?? {};

export const withWriteContext = <T>(context: WriteContext, work: () => Promise<T>): Promise<T> =>
  storage.run({ ...currentWriteContext(), ...context }, work);

export const runAsSystem = <T>(name: string, work: () => Promise<T>): Promise<T> => withWriteContext({ system: name }, work);
