import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::evaluation-report.evaluation-report');
