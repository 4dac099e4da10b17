/* Partner satisfaction survey page: /survei/<token>. No account; the token is the only key. */
import type { Bilingual } from '../src/domain/bilingual';
import { COMMENT_MAX_LENGTH, type Answer, type SurveyQuestion } from '../src/domain/survey';
import { bilingualMessage, byId, el } from './lib/dom';

type Lang = 'id' | 'en';
/** GET /api/survey-invitations/by-token/:token (src/participation/survey.ts, surveyByToken). */
interface Invitation {
  survey: {
    documentId: string;
    title: string;
    scaleMax: number;
    introduction: string | null;
    introductionEn: string | null;
    questions: (SurveyQuestion & { dimensionLabels: Bilingual })[];
  };
  partner: { name: string | null } | null;
  language: string;
  expiresAt: string;
}
type Question = Invitation['survey']['questions'][number];
interface Answered {
  ok: boolean;
  body: { data?: Invitation; error?: { message?: string } } | null;
}

const token = decodeURIComponent(location.pathname.split('/')[2] || '');
const app = byId('app');
const state: { lang: Lang; data: Invitation | null; answers: Record<string, number>; comment: string } = { lang: 'id', data: null, answers: {}, comment: '' };

const T = {
  id: {
    scale: (max: number) => `Skala 1 (sangat tidak puas) sampai ${max} (sangat puas)`,
    comment: 'Komentar dan saran (opsional)', send: 'Kirim jawaban', sending: 'Mengirim…',
    missing: 'Mohon jawab semua butir pertanyaan.', unanswered: 'Belum dijawab', of: 'dari', thanks: 'Terima kasih! Jawaban Anda telah kami terima.',
    failed: 'Jawaban tidak dapat dikirim', for: 'Untuk', validUntil: 'Tautan berlaku sampai',
  },
  en: {
    scale: (max: number) => `Scale 1 (very dissatisfied) to ${max} (very satisfied)`,
    comment: 'Comments and suggestions (optional)', send: 'Send answers', sending: 'Sending…',
    missing: 'Please answer every question.', unanswered: 'Not answered yet', of: 'of', thanks: 'Thank you! We have received your answers.',
    failed: 'The answers could not be sent', for: 'For', validUntil: 'Link valid until',
  },
} satisfies Record<Lang, Record<string, string | ((max: number) => string)>>;

const answered = (response: Response): Promise<Answered> => response.json().then((body: Answered['body']) => ({ ok: response.ok, body }));

function showMessage(kind: 'done' | 'error', text: string) {
  app.innerHTML = '';
  const message = el('div', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status', id: 'message', tabindex: '-1' }, bilingualMessage(text));
  app.append(message);
  // After sending, the focus goes to the answer rather than being lost with the form.
  message.focus();
}

function setLanguage(lang: Lang) {
  state.lang = lang;
  document.documentElement.lang = lang;
  for (const code of ['id', 'en']) byId(`lang-${code}`).setAttribute('aria-pressed', String(code === lang));
  if (state.data) render(state.data);
}

function render(data: Invitation) {
  const t = T[state.lang];
  const survey = data.survey;
  app.innerHTML = '';
  app.append(el('h1', { text: survey.title }));
  if (data.partner && data.partner.name) app.append(el('p', { text: `${t.for}: ${data.partner.name}` }));
  const intro = state.lang === 'en' ? (survey.introductionEn || survey.introduction) : survey.introduction;
  if (intro) app.append(el('p', { class: 'intro', text: intro }));
  app.append(el('p', { class: 'legend-scale', text: `${t.scale(survey.scaleMax)} · ${t.validUntil} ${String(data.expiresAt).slice(0, 10)}` }));

  const form = el('form', { id: 'survey-form', novalidate: 'novalidate' });
  const groups: { dimension: string; labels: Bilingual; questions: Question[] }[] = [];
  for (const question of survey.questions) {
    let group = groups.find((g) => g.dimension === question.dimension);
    if (!group) {
      group = { dimension: question.dimension, labels: question.dimensionLabels, questions: [] };
      groups.push(group);
    }
    group.questions.push(question);
  }
  for (const group of groups) {
    const fieldset = el('fieldset', {}, [el('legend', { text: group.labels[state.lang] })]);
    for (const question of group.questions) {
      const text = state.lang === 'en' ? (question.textEn || question.textId) : question.textId;
      // An English page shows the Indonesian text when no translation was written.
      const textLang = state.lang === 'en' && !question.textEn ? 'id' : state.lang;
      const note = el('p', { class: 'missing-note', id: `missing-${question.code}`, hidden: 'hidden', text: t.unanswered });
      const scale = el('div', { class: 'scale', role: 'radiogroup', 'aria-labelledby': `text-${question.code}` });
      for (let score = 1; score <= survey.scaleMax; score += 1) {
        const input = el('input', { type: 'radio', name: `q-${question.code}`, value: String(score), 'data-code': question.code });
        if (state.answers[question.code] === score) input.checked = true;
        input.addEventListener('change', () => {
          state.answers[question.code] = Number(input.value);
          const answeredQuestion = input.closest('.question')!;
          answeredQuestion.classList.remove('missing');
          answeredQuestion.querySelector<HTMLElement>('.missing-note')!.hidden = true;
          answeredQuestion.querySelector('.scale')!.removeAttribute('aria-describedby');
          const formError = document.getElementById('form-error');
          if (formError && !document.querySelector('.question.missing')) formError.hidden = true;
        });
        // Each choice is named by its place on the scale ("1 of 4"), not a bare digit.
        scale.append(el('label', {}, [input, el('span', { text: String(score) }), el('span', { class: 'visually-hidden', text: ` ${t.of} ${survey.scaleMax}` })]));
      }
      fieldset.append(el('div', { class: 'question', id: `question-${question.code}` }, [el('p', { id: `text-${question.code}`, lang: textLang, text: `${question.code}. ${text}` }), note, scale]));
    }
    form.append(fieldset);
  }
  const comment = el('textarea', { id: 'comment', name: 'comment', maxlength: String(COMMENT_MAX_LENGTH) });
  comment.value = state.comment;
  comment.addEventListener('input', () => {
    state.comment = comment.value;
  });
  form.append(el('div', { class: 'comment' }, [el('label', { for: 'comment', text: t.comment }), comment]));
  const error = el('p', { class: 'message error', id: 'form-error', role: 'alert', hidden: 'hidden' });
  form.append(error);
  const send = el('button', { type: 'submit', class: 'primary', id: 'send', text: t.send });
  form.append(send);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit(data, send, error);
  });
  app.append(form);
}

function submit(data: Invitation, send: HTMLButtonElement, error: HTMLElement) {
  const t = T[state.lang];
  const questions = data.survey.questions;
  const missing = questions.filter((question) => !state.answers[question.code]);
  for (const question of missing) {
    byId(`question-${question.code}`).classList.add('missing');
    byId(`missing-${question.code}`).hidden = false;
    document.querySelector(`#question-${question.code} .scale`)!.setAttribute('aria-describedby', `missing-${question.code}`);
  }
  if (missing.length) {
    error.hidden = false;
    error.textContent = t.missing;
    // The first unanswered question takes the focus (its note says why), not only a red outline.
    const first = document.querySelector<HTMLInputElement>(`#question-${missing[0].code} input`)!;
    first.scrollIntoView({ block: 'center' });
    first.focus();
    return;
  }
  send.disabled = true;
  send.textContent = t.sending;
  const answers: Answer[] = questions.map((question) => ({ questionCode: question.code, score: state.answers[question.code] }));
  fetch(`/api/survey-invitations/by-token/${encodeURIComponent(token)}/responses`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ survey: data.survey.documentId, language: state.lang, comment: state.comment || null, answers }),
  })
    .then(answered)
    .then((result) => {
      if (result.ok) return showMessage('done', t.thanks);
      send.disabled = false;
      send.textContent = t.send;
      error.hidden = false;
      error.textContent = `${t.failed}: `;
      error.append(...bilingualMessage(result.body?.error?.message || ''));
      send.focus();
      return undefined;
    })
    .catch(() => {
      send.disabled = false;
      send.textContent = t.send;
      error.hidden = false;
      error.textContent = t.failed;
      send.focus();
    });
}

byId('lang-id').addEventListener('click', () => setLanguage('id'));
byId('lang-en').addEventListener('click', () => setLanguage('en'));
setLanguage('id');

fetch(`/api/survey-invitations/by-token/${encodeURIComponent(token)}`)
  .then(answered)
  .then((result) => {
    if (!result.ok) return showMessage('error', result.body?.error?.message || 'Tautan tidak dapat dipakai (The link cannot be used)');
    const data = result.body?.data;
    if (!data) throw new Error('no survey in the answer');
    state.data = data;
    return setLanguage(data.language === 'en' ? 'en' : 'id');
  })
  .catch(() => showMessage('error', 'Survei tidak dapat dimuat (The survey could not be loaded)'));
