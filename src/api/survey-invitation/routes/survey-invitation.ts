import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::survey-invitation.survey-invitation');
