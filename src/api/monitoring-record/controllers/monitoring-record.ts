import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::monitoring-record.monitoring-record');
