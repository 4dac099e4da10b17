import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::annual-program.annual-program');
