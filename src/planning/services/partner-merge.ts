import type { Core, UID } from '@strapi/strapi';
import { formatBilingual } from '../../domain/bilingual';
import type { Actor } from '../../domain/roles';
import { findDuplicateGroups, foldText } from '../../domain/partner-names';
import type { DuplicatePartner, DuplicatePartnerGroup, MergeResult } from '../../contracts/import';
import { appendTransitionLog, transitionHistory } from '../../workflow/transition-log';
import { throwFieldErrors } from '../../workflow/errors';
import { withWriteContext } from '../../workflow/write-context';

/**
 * Duplicate partners (one institution entered twice: "PT Maju Jaya Tbk" and "Maju Jaya") and
 * their merge by Humas: everything that names a merged partner (agreements, proposals, program
 * items, activity reports, minutes, survey invitations and responses: every relation to the
 * partner type, found from the schemas) moves to the kept partner through the Document Service,
 * the contacts and blank fields are carried over, the merge is logged on both records (their
 * history kept in the log entry's snapshot), and the merged partner is deleted. One transaction.
 */

const PARTNER = 'api::partner.partner' as UID.ContentType;

type Row = Record<string, unknown> & { id: number; documentId: string };

/** Content types with a to-one relation to the partner, and the attribute holding it. */
const partnerRelations = (strapi: Core.Strapi): Array<{ uid: UID.ContentType; attribute: string }> =>
  Object.entries(strapi.contentTypes).flatMap(([uid, contentType]) =>
    uid === PARTNER || !uid.startsWith('api::')
      ? []
      : Object.entries(contentType.attributes as Record<string, { type?: string; relation?: string; target?: string }>)
          .filter(([, attribute]) => attribute.type === 'relation' && attribute.target === PARTNER && ['manyToOne', 'oneToOne'].includes(attribute.relation ?? ''))
          .map(([attribute]) => ({ uid: uid as UID.ContentType, attribute })),
  );

/** Fields a kept partner takes from a merged one when its own are blank. */
const CARRIED_FIELDS = ['city', 'website', 'publicDescription', 'iku6Category'] as const;

const contactKey = (contact: Record<string, unknown>) => `${foldText(String(contact.name ?? ''))}|${String(contact.email ?? '').toLowerCase()}`;

const stripContact = (contact: Record<string, unknown>) => Object.fromEntries(Object.entries(contact).filter(([key]) => key !== 'id' && key !== '__component'));

const loadPartner = async (strapi: Core.Strapi, documentId: string) =>
  (await strapi.db.query(PARTNER).findOne({ where: { documentId, publishedAt: null }, populate: { contacts: true } })) as Row | null;

export const createPartnerMergeService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Groups of likely duplicates, with what each member holds (to choose the one to keep). */
  async duplicates(): Promise<DuplicatePartnerGroup[]> {
    const partners = (await strapi.db.query(PARTNER).findMany({
      where: { publishedAt: null },
      select: ['id', 'documentId', 'name', 'country', 'city', 'workflowState'],
      populate: { contacts: { select: ['id'] } },
    })) as Row[];
    const groups = findDuplicateGroups(partners.map((partner) => ({ ...partner, name: String(partner.name), country: String(partner.country ?? '') }) as Row & { name: string; country: string }));
    const count = (uid: string, id: number) => strapi.db.query(uid as UID.ContentType).count({ where: { partner: { id } } });
    return Promise.all(
      groups.map(async (group) => ({
        match: group.match,
        similarity: group.similarity,
        partners: await Promise.all(
          group.partners.map(async (partner): Promise<DuplicatePartner> => ({
            documentId: partner.documentId,
            name: partner.name,
            country: partner.country,
            city: (partner.city as string | null) ?? null,
            workflowState: String(partner.workflowState),
            agreements: await count('api::agreement.agreement', partner.id),
            proposals: await count('api::proposal.proposal', partner.id),
            contacts: ((partner.contacts as unknown[] | undefined) ?? []).length,
          })),
        ),
      })),
    );
  },

  /** Merges `merge` into `keep` on behalf of `actor`. */
  async merge({ keep, merge }: { keep: string; merge: string[] }, actor: Actor): Promise<MergeResult> {
    const others = [...new Set(merge)];
    if (others.includes(keep)) {
      throwFieldErrors([{ path: ['merge'], message: formatBilingual({ id: 'Mitra yang dipertahankan tidak boleh ikut digabung', en: 'The kept partner cannot be merged into itself' }) }]);
    }
    return strapi.db.transaction(async () => {
      const kept = await loadPartner(strapi, keep);
      if (!kept) throwFieldErrors([{ path: ['keep'], message: formatBilingual({ id: 'Mitra yang dipertahankan tidak ditemukan', en: 'The kept partner was not found' }) }]);
      const merged: Row[] = [];
      for (const [index, documentId] of others.entries()) {
        const row = await loadPartner(strapi, documentId);
        if (!row) throwFieldErrors([{ path: ['merge', String(index)], message: formatBilingual({ id: `Mitra ${documentId} tidak ditemukan`, en: `Partner ${documentId} was not found` }) }]);
        merged.push(row!);
      }
      const moved: Record<string, number> = {};
      // A merge is Humas's decision about identity, not an edit of the records it moves: it moves
      // them as the system (a finalized minute still names the institution it met), and logs who decided.
      await withWriteContext({ system: 'partner-merge' }, async () => {
        for (const { uid, attribute } of partnerRelations(strapi)) {
          const rows = (await strapi.db.query(uid).findMany({
            where: { [attribute]: { documentId: { $in: others } } },
            select: ['documentId'],
          })) as Row[];
          const documentIds = [...new Set(rows.map((row) => row.documentId))];
          for (const documentId of documentIds) {
            await strapi.documents(uid as 'api::agreement.agreement').update({ documentId, data: { [attribute]: keep } as never });
          }
          if (documentIds.length) moved[uid] = (moved[uid] ?? 0) + documentIds.length;
        }

        const contacts = ((kept!.contacts as Array<Record<string, unknown>> | undefined) ?? []).map(stripContact);
        const known = new Set(contacts.map(contactKey));
        let contactsAdded = 0;
        for (const row of merged) {
          for (const contact of ((row.contacts as Array<Record<string, unknown>> | undefined) ?? []).map(stripContact)) {
            if (known.has(contactKey(contact))) continue;
            known.add(contactKey(contact));
            contacts.push(contact);
            contactsAdded += 1;
          }
        }
        const carried = Object.fromEntries(
          CARRIED_FIELDS.flatMap((field) => {
            if (kept![field]) return [];
            const from = merged.find((row) => row[field]);
            return from ? [[field, from[field]]] : [];
          }),
        );
        const note = `Digabung dari (merged from): ${merged.map((row) => `${row.name} [${row.documentId}]`).join('; ')}`;
        await strapi.documents(PARTNER as 'api::partner.partner').update({
          documentId: keep,
          data: {
            ...carried,
            contacts,
            internalNotes: [kept!.internalNotes, note].filter(Boolean).join('\n').slice(-5000),
          } as never,
        });
        moved.contacts = contactsAdded;
      });

      for (const row of merged) {
        const history = await transitionHistory(strapi, PARTNER, row.documentId);
        await appendTransitionLog(strapi, {
          recordType: PARTNER,
          recordDocumentId: keep,
          fromState: String(kept!.workflowState),
          toState: String(kept!.workflowState),
          transition: 'merge',
          actor,
          reason: `Mitra "${row.name}" digabung ke mitra ini (partner merged into this one)`,
          snapshot: { merged: { documentId: row.documentId, name: row.name, country: row.country, city: row.city, workflowState: row.workflowState, contacts: row.contacts, history }, moved },
        });
        await appendTransitionLog(strapi, {
          recordType: PARTNER,
          recordDocumentId: row.documentId,
          fromState: String(row.workflowState),
          toState: 'merged',
          transition: 'merged_into',
          actor,
          reason: `Digabung ke mitra "${kept!.name}" (merged into this partner) [${keep}]`,
          snapshot: { into: keep },
        });
        await withWriteContext({ system: 'partner-merge' }, () => strapi.documents(PARTNER as 'api::partner.partner').delete({ documentId: row.documentId }));
      }
      const { contacts: contactsAdded = 0, ...records } = moved;
      return {
        kept: { documentId: keep, name: String(kept!.name) },
        merged: merged.map((row) => ({ documentId: row.documentId, name: String(row.name) })),
        moved: records,
        contactsAdded,
      };
    });
  },
});
