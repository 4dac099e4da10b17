import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::transition-log.transition-log', { only: ['find', 'findOne'] });
