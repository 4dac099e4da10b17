import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::evaluation-report.evaluation-report');
