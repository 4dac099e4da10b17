import type { Core } from '@strapi/strapi';
import { applyContentManagerLayouts } from './bootstrap/content-manager-layout';
import { bootMark, timed } from './bootstrap/boot-timing';
import { ensureFirstAdmin } from './bootstrap/first-admin';
import { ensureRoles } from './bootstrap/roles';
import { registerAgreementState } from './document-middlewares/agreement-state';
import { registerDirectoryFreshness } from './document-middlewares/directory-freshness';
import { registerIssuedDocumentRules } from './documents/issued/immutability';
import { registerVerificationPage } from './documents/issued/page';
import { installDirectoryFrontDoor } from './api/directory/front-door';
import { registerDirectoryQuery } from './api/directory/graphql';
import { registerDirectoryOpenApi } from './api/directory/openapi';
import { directoryService } from './api/directory/services/directory';
import { registerCloneRule } from './document-middlewares/clone';
import { registerFieldRules } from './document-middlewares/field-rules';
import { registerInputValues } from './document-middlewares/input-values';
import { registerRetentionRule } from './document-middlewares/retention';
import { registerWorkflowRules } from './document-middlewares/workflow';
import { registerParticipation } from './participation';
import { registerUploadSafety } from './uploads';
import { seedDatabase } from './seed/seed';
import { assertProductionSecrets, shouldSeedDemo } from './domain/deployment';
import { removeUnrequestedApiTokens } from './security/default-api-tokens';
import { closeRegistration, registerPasswordChangeStamp, settleResetMails } from './security/users-permissions';

export default {
  /** Document Service middlewares: every write from every door passes through these rules. */
  register({ strapi }: { strapi: Core.Strapi }) {
    bootMark('register');
    // First: a production boot with a missing or development secret stops here, naming it.
    assertProductionSecrets(process.env);
    // Values the database could not take (wrong type, past 2^31, NUL) are a 400 before any rule reads them.
    registerInputValues(strapi);
    registerPasswordChangeStamp(strapi);
    registerUploadSafety(strapi);
    registerParticipation(strapi);
    registerRetentionRule(strapi);
    registerCloneRule(strapi);
    registerWorkflowRules(strapi);
    registerFieldRules(strapi);
    registerIssuedDocumentRules(strapi);
    registerVerificationPage(strapi);
    registerAgreementState(strapi);
    registerDirectoryFreshness(strapi);
    registerDirectoryQuery(strapi);
    registerDirectoryOpenApi(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    bootMark('bootstrap');
    await timed('roles', () => ensureRoles(strapi));
    await timed('registration', () => closeRegistration(strapi));
    await timed('api-tokens', () => removeUnrequestedApiTokens(strapi));
    await timed('cm-layouts', () => applyContentManagerLayouts(strapi));
    await timed('first-admin', () => ensureFirstAdmin(strapi));
    await timed('seed', () => seedDatabase(strapi, { demo: shouldSeedDemo(process.env) }));
    directoryService(strapi).startSignal();
    installDirectoryFrontDoor(strapi);
    bootMark('bootstrap-done');
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await directoryService(strapi).stopSignal();
    await settleResetMails();
  },
};
