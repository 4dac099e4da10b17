import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::cooperation-type.cooperation-type');
