import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::monitoring-record.monitoring-record');
