import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::cooperation-type.cooperation-type');
