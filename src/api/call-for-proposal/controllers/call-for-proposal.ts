import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::call-for-proposal.call-for-proposal');
