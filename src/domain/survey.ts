/**
 * The partner satisfaction survey: the invitation token's form, the check of a partner's
 * answers, and the results (per item, per service-quality dimension, per partner level and
 * type, response rate). Pure functions; the glue is in src/participation/survey.ts.
 */
import { fieldError, type FieldError } from './validation';

export const DIMENSIONS = ['reliability', 'responsiveness', 'assurance', 'empathy', 'tangibles'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<Dimension, { id: string; en: string }> = {
  reliability: { id: 'Keandalan', en: 'Reliability' },
  responsiveness: { id: 'Daya tanggap', en: 'Responsiveness' },
  assurance: { id: 'Jaminan', en: 'Assurance' },
  empathy: { id: 'Empati', en: 'Empathy' },
  tangibles: { id: 'Bukti fisik', en: 'Tangibles' },
};

/** 32 random bytes in base64url without padding: exactly 43 characters of [A-Za-z0-9_-]. */
export const SURVEY_TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function isWellFormedSurveyToken(token: unknown): token is string {
  return typeof token === 'string' && TOKEN_PATTERN.test(token);
}

/** Partners in Indonesia are invited in Indonesian, others in English; the page offers both. */
export function invitationLanguage(country: string | null | undefined): 'id' | 'en' {
  return !country || country.toUpperCase() === 'ID' ? 'id' : 'en';
}

export interface SurveyQuestion {
  code: string;
  dimension: Dimension;
  textId?: string | null;
  textEn?: string | null;
}

export interface Answer {
  questionCode: string;
  score: number;
}

export const COMMENT_MAX_LENGTH = 5000;

/** Every question answered exactly once, with a whole score from 1 to the survey's scale maximum. */
export function checkSurveyAnswers({ questions, scaleMax, answers, comment }: {
  questions: SurveyQuestion[];
  scaleMax: number;
  answers: unknown;
  comment?: unknown;
}): FieldError[] {
  const found: FieldError[] = [];
  if (comment !== undefined && comment !== null && (typeof comment !== 'string' || comment.length > COMMENT_MAX_LENGTH)) {
    found.push(fieldError(['comment'], { id: `Komentar berupa teks paling banyak ${COMMENT_MAX_LENGTH} karakter`, en: `The comment is text of at most ${COMMENT_MAX_LENGTH} characters` }));
  }
  if (!Array.isArray(answers)) {
    return [...found, fieldError(['answers'], { id: 'Jawaban wajib diisi', en: 'The answers are required' })];
  }
  const codes = new Set(questions.map((question) => question.code));
  const seen = new Set<string>();
  answers.forEach((answer: unknown, index) => {
    const { questionCode, score } = (answer ?? {}) as Partial<Answer>;
    if (typeof questionCode !== 'string' || !codes.has(questionCode)) {
      found.push(fieldError(['answers', String(index), 'questionCode'], { id: 'Butir pertanyaan tidak dikenal pada survei ini', en: 'Unknown question for this survey' }));
      return;
    }
    if (seen.has(questionCode)) {
      found.push(fieldError(['answers', String(index), 'questionCode'], { id: `Butir ${questionCode} dijawab lebih dari sekali`, en: `Question ${questionCode} is answered more than once` }));
      return;
    }
    seen.add(questionCode);
    if (typeof score !== 'number' || !Number.isInteger(score) || score < 1 || score > scaleMax) {
      found.push(fieldError(['answers', String(index), 'score'], { id: `Nilai harus bilangan bulat 1 sampai ${scaleMax}`, en: `The score must be a whole number from 1 to ${scaleMax}` }));
    }
  });
  for (const question of questions) {
    if (!seen.has(question.code) && !answers.some((answer: unknown) => (answer as Partial<Answer> | null)?.questionCode === question.code)) {
      found.push(fieldError(['answers', question.code], { id: `Butir ${question.code} belum dijawab`, en: `Question ${question.code} is not answered` }));
    }
  }
  return found;
}

export interface ResponseForResults {
  answers: Answer[];
  partnerLevel?: string | null;
  partnerType?: string | null;
}

export interface ScoreSummary {
  /** Number of scores counted. */
  n: number;
  /** Mean score, or null without any score. */
  mean: number | null;
  /** Mean as a percentage of the scale maximum (the satisfaction index), or null. */
  index: number | null;
}

export interface SurveyResults {
  scaleMax: number;
  invited: number;
  answered: number;
  /** answered / invited, from 0 to 1; null when nobody was invited. */
  responseRate: number | null;
  overall: ScoreSummary;
  items: Array<ScoreSummary & { code: string; dimension: Dimension; textId?: string | null; textEn?: string | null; distribution: number[] }>;
  dimensions: Array<ScoreSummary & { dimension: Dimension; labels: { id: string; en: string }; items: number }>;
  byPartnerLevel: Array<ScoreSummary & { key: string; responses: number }>;
  byPartnerType: Array<ScoreSummary & { key: string; responses: number }>;
}

const summary = (scores: number[], scaleMax: number): ScoreSummary => {
  if (!scores.length) return { n: 0, mean: null, index: null };
  const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
  return { n: scores.length, mean, index: (mean / scaleMax) * 100 };
};

const groupBy = (responses: ResponseForResults[], key: (response: ResponseForResults) => string, validCodes: Set<string>, scaleMax: number) => {
  const groups = new Map<string, ResponseForResults[]>();
  for (const response of responses) {
    const name = key(response);
    groups.set(name, [...(groups.get(name) ?? []), response]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, members]) => ({
      key: name,
      responses: members.length,
      ...summary(members.flatMap((member) => scoresOf(member, validCodes)), scaleMax),
    }));
};

const scoresOf = (response: ResponseForResults, validCodes: Set<string>) =>
  response.answers.filter((answer) => validCodes.has(answer.questionCode)).map((answer) => answer.score);

/**
 * Results of one survey. Every mean pools the individual scores of its group (a dimension's
 * mean is the mean of all scores given to its items, not the mean of item means).
 */
export function summariseSurvey({ questions, scaleMax, responses, invited, answered }: {
  questions: SurveyQuestion[];
  scaleMax: number;
  responses: ResponseForResults[];
  invited: number;
  answered: number;
}): SurveyResults {
  const validCodes = new Set(questions.map((question) => question.code));
  const items = questions.map((question) => {
    const scores = responses.flatMap((response) => response.answers.filter((answer) => answer.questionCode === question.code).map((answer) => answer.score));
    const distribution = Array.from({ length: scaleMax }, (_, index) => scores.filter((score) => score === index + 1).length);
    return { code: question.code, dimension: question.dimension, textId: question.textId, textEn: question.textEn, distribution, ...summary(scores, scaleMax) };
  });
  const dimensions = DIMENSIONS.filter((dimension) => questions.some((question) => question.dimension === dimension)).map((dimension) => {
    const codes = new Set(questions.filter((question) => question.dimension === dimension).map((question) => question.code));
    const scores = responses.flatMap((response) => response.answers.filter((answer) => codes.has(answer.questionCode)).map((answer) => answer.score));
    return { dimension, labels: DIMENSION_LABELS[dimension], items: codes.size, ...summary(scores, scaleMax) };
  });
  return {
    scaleMax,
    invited,
    answered,
    responseRate: invited > 0 ? answered / invited : null,
    overall: summary(responses.flatMap((response) => scoresOf(response, validCodes)), scaleMax),
    items,
    dimensions,
    byPartnerLevel: groupBy(responses, (response) => response.partnerLevel ?? 'unknown', validCodes, scaleMax),
    byPartnerType: groupBy(responses, (response) => response.partnerType ?? 'unknown', validCodes, scaleMax),
  };
}
