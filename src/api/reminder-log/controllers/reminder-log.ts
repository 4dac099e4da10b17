import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::reminder-log.reminder-log');
