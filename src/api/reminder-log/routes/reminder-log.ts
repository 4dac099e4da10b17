import { factories } from '@strapi/strapi';

/** Reminders are written by the daily tasks only; the log can be read, never written through the API. */
export default factories.createCoreRouter('api::reminder-log.reminder-log', { only: ['find', 'findOne'] });
