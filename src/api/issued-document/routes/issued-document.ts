import { factories } from '@strapi/strapi';

/** Issued documents are written only by issueDocument and never changed: the content API reads them. */
export default factories.createCoreRouter('api::issued-document.issued-document', { only: ['find', 'findOne'] });
