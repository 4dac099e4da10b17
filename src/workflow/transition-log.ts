import type { Core } from '@strapi/strapi';
import type { Actor } from '../domain/roles';
import { withWriteContext } from './write-context';

export const TRANSITION_LOG_UID = 'api::transition-log.transition-log';

export interface TransitionLogEntry {
  recordType: string;
  recordDocumentId: string;
  fromState: string;
  toState: string;
  transition?: string;
  actor: Actor;
  reason?: string;
  snapshot?: unknown;
}

/** Appends one entry; called inside the transaction of the change it records. */
export const appendTransitionLog = (strapi: Core.Strapi, entry: TransitionLogEntry) =>
  withWriteContext({ appendingTransitionLog: true }, () =>
    strapi.documents(TRANSITION_LOG_UID).create({
      data: {
        recordType: entry.recordType,
        recordDocumentId: entry.recordDocumentId,
        fromState: entry.fromState,
        toState: entry.toState,
        transition: entry.transition,
        actorType: entry.actor.kind,
        actorId: entry.actor.id === undefined ? undefined : String(entry.actor.id),
        actorName: entry.actor.name,
        role: entry.actor.roles.join(', '),
        reason: entry.reason?.trim() || undefined,
        snapshot: entry.snapshot as never,
        occurredAt: new Date().toISOString(),
      },
    }),
  );

export const transitionHistory = (strapi: Core.Strapi, uid: string, documentId: string) =>
  strapi.documents(TRANSITION_LOG_UID).findMany({
    filters: { recordType: uid, recordDocumentId: documentId },
    sort: [{ occurredAt: 'desc' }, { id: 'desc' }],
    fields: ['fromState', 'toState', 'transition', 'actorType', 'actorName', 'role', 'reason', 'occurredAt'],
    limit: 200,
  });
