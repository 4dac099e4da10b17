import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::program-item.program-item');
