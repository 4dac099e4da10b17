import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::needs-mapping.needs-mapping');
