import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::needs-mapping.needs-mapping');
