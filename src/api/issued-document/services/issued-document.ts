import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::issued-document.issued-document');
