import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::meeting-minute.meeting-minute');
