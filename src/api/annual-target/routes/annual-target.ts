import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::annual-target.annual-target');
