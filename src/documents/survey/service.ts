import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';
import { formatBilingual } from '../../domain/bilingual';
import { surveyResults } from '../../participation/survey';
import { todayInBatam } from '../../workflow/today';
import { refuse } from '../../workflow/errors';
import type { TabularSource } from '../issued/tabular';
import { SURVEY_FORM, surveyDocument } from './view';

const SURVEY = 'api::satisfaction-survey.satisfaction-survey';

/**
 * A survey's results as a document. An unknown survey is a 404; a survey nobody answered yet has
 * no results to file: a 400 naming `responses`.
 */
export const surveyResultsSource = async (strapi: Core.Strapi, documentId: unknown): Promise<TabularSource> => {
  if (typeof documentId !== 'string' || !documentId) throw new errors.NotFoundError(formatBilingual({ id: 'Survei tidak ditemukan', en: 'Survey not found' }));
  const results = await surveyResults(strapi, documentId);
  if (results.overall.n === 0) {
    refuse('responses', formatBilingual({
      id: 'Survei ini belum memiliki respons; hasilnya belum dapat dicetak',
      en: 'This survey has no responses yet; its results cannot be printed',
    }));
  }
  const survey = { title: results.survey.title as string, year: Number(results.survey.year), workflowState: String(results.survey.workflowState) };
  return {
    form: SURVEY_FORM,
    record: { uid: SURVEY, documentId },
    year: survey.year,
    title: `${SURVEY_FORM.title.id}: ${survey.title}`,
    draftName: `Survei-${survey.year}`,
    document: surveyDocument(survey, results, todayInBatam()),
  };
};
