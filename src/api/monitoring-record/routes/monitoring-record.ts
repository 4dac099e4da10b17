import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::monitoring-record.monitoring-record');
