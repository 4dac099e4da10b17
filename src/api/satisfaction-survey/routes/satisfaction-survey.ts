import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::satisfaction-survey.satisfaction-survey');
