import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::survey-invitation.survey-invitation');
