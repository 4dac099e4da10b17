import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::cooperation-type.cooperation-type');
