/** Request and response shapes of My queue (GET /kerjasama/my-queue, PUT /kerjasama/my-queue/digest). */
import type { QueueItem } from '../domain/my-queue';

export type { QueueItem, QueueMove } from '../domain/my-queue';

export interface MyQueue {
  today: string;
  /** A record that waited more working days than this is flagged. */
  staleAfterWorkingDays: number;
  items: QueueItem[];
  /** The person's weekly e-mail digest of this list (off until they switch it on). */
  digest: { enabled: boolean };
}

export interface DigestSetting {
  enabled: boolean;
}
