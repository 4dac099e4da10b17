import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::annual-target.annual-target');
