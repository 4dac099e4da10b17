import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::transition-log.transition-log');
