import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::evaluation-report.evaluation-report');
