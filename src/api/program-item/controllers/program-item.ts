import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::program-item.program-item');
