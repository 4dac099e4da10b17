import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::needs-mapping.needs-mapping');
