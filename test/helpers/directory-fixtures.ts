import type { Core } from '@strapi/strapi';
import type { Actor } from '../../src/domain/roles';
import { fromDist, writeContext } from './dist';
import { createActiveAgreement } from './workflow-fixtures';

type ServiceModule = typeof import('../../src/workflow/service');

const PARTNER = 'api::partner.partner';
export const KAPOKJA: Actor = { kind: 'admin', id: 1, name: 'Kapokja', roles: ['kapokja'] };

let counter = 0;

export const createDocument = (strapi: Core.Strapi, uid: string, data: Record<string, unknown>) =>
  writeContext().runAsSystem('test-fixture', async () => (await strapi.documents(uid as never).create({ data } as never)) as { documentId: string; id: number });

export const transition = (strapi: Core.Strapi, documentId: string, to: string, reason?: string) =>
  fromDist<ServiceModule>('src/workflow/service').requestTransition(strapi, { uid: PARTNER, documentId, actor: KAPOKJA, body: { to, reason } });

/**
 * A partner as the office lists it: created, given an active agreement, then proposed and
 * approved by Kapokja (the workflow publishes it). Returns the partner and its agreement.
 */
export const createListedPartner = async (
  strapi: Core.Strapi,
  partner: Record<string, unknown> = {},
  agreement: Record<string, unknown> = {},
) => {
  counter += 1;
  const created = await createDocument(strapi, PARTNER, {
    name: `PT Mitra Direktori ${counter}`,
    institutionType: 'industry',
    level: 'national',
    country: 'ID',
    city: 'Batam',
    ...partner,
  });
  const signed = await createActiveAgreement(strapi, created.documentId, agreement);
  await transition(strapi, created.documentId, 'proposed');
  await transition(strapi, created.documentId, 'approved');
  return { partnerId: created.documentId, agreementId: signed.documentId };
};
