import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::annual-program.annual-program');
