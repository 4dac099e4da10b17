import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::survey-invitation.survey-invitation');
