import { checkUnitProposalWrite, isCallOpen, pickOpenCall, UNIT_WRITABLE_FIELDS } from '../../src/domain/proposal-intake';
import { checkSurveyAnswers, invitationLanguage, isWellFormedSurveyToken, summariseSurvey, type SurveyQuestion } from '../../src/domain/survey';
import { dueAgreementThreshold, isSurveyReminderDue, isWaitingTooLong, PROPOSAL_WAITING_ON, uniqueAddresses } from '../../src/domain/reminders';
import { actionItemOverdueEmail, escapeHtml, agreementEndingEmail, callForProposalsEmail, proposalWaitingEmail, surveyInvitationEmail, unitAccountEmail } from '../../src/domain/email-texts';
import { proposalWorkflow } from '../../src/domain/workflow/proposal';

describe('what a unit may write on a proposal', () => {
  test.each(['analysis', 'sourceChannel', 'createdBy', 'decision'])('%s is refused', (field) => {
    const found = checkUnitProposalWrite({ fields: ['title', field] });
    expect(found.map((error) => error.path[0])).toEqual([field]);
    expect(found[0].message).toMatch(/\(.+\)$/);
  });

  test.each(UNIT_WRITABLE_FIELDS)('%s is allowed on a draft', (field) => {
    expect(checkUnitProposalWrite({ fields: [field], storedState: 'draft' })).toEqual([]);
  });

  test.each([
    ['draft', true], ['revision_requested', true], ['submitted', false], ['under_review', false], ['approved', false], ['withdrawn', false],
  ])('content may be changed in %s: %s', (state, allowed) => {
    expect(checkUnitProposalWrite({ fields: ['objectives'], storedState: state }).length === 0).toBe(allowed);
  });

  test('a state change alone is left to the workflow, whatever the state', () => {
    expect(checkUnitProposalWrite({ fields: ['workflowState', 'title'], changedFields: ['workflowState'], storedState: 'submitted' })).toEqual([]);
  });
});

describe('the call deadline', () => {
  test.each([
    ['2026-03-30', '2026-03-31', true],
    ['2026-03-31', '2026-03-31', true],
    ['2026-04-01', '2026-03-31', false],
  ])('on %s a call closing %s is open: %s', (today, deadline, open) => {
    expect(isCallOpen(deadline, today)).toBe(open);
  });

  test('the open call closing soonest is picked', () => {
    const calls = [{ id: 1, deadline: '2026-01-01' }, { id: 2, deadline: '2026-06-30' }, { id: 3, deadline: '2026-04-30' }];
    expect(pickOpenCall(calls, '2026-03-01')?.id).toBe(3);
    expect(pickOpenCall(calls, '2026-07-01')).toBeNull();
  });
});

describe('survey tokens and answers', () => {
  test.each([
    ['A'.repeat(43), true], ['a-b_c'.padEnd(43, 'x'), true], ['A'.repeat(42), false], ['A'.repeat(44), false],
    [`${'A'.repeat(42)}=`, false], [`${'A'.repeat(42)}/`, false], [undefined, false], [43, false],
  ])('%p well-formed: %s', (token, ok) => {
    expect(isWellFormedSurveyToken(token)).toBe(ok);
  });

  test.each([['ID', 'id'], ['id', 'id'], [null, 'id'], ['SG', 'en'], ['JP', 'en']])('a partner in %p is invited in %s', (country, language) => {
    expect(invitationLanguage(country as string | null)).toBe(language);
  });

  const questions: SurveyQuestion[] = [{ code: 'A', dimension: 'reliability' }, { code: 'B', dimension: 'empathy' }];
  test.each([
    [[{ questionCode: 'A', score: 1 }, { questionCode: 'B', score: 4 }], []],
    [[{ questionCode: 'A', score: 5 }, { questionCode: 'B', score: 4 }], ['answers.0.score']],
    [[{ questionCode: 'A', score: 0 }, { questionCode: 'B', score: 4 }], ['answers.0.score']],
    [[{ questionCode: 'A', score: 1.5 }, { questionCode: 'B', score: 4 }], ['answers.0.score']],
    [[{ questionCode: 'A', score: '2' }, { questionCode: 'B', score: 4 }], ['answers.0.score']],
    [[{ questionCode: 'A', score: 1 }], ['answers.B']],
    [[{ questionCode: 'A', score: 1 }, { questionCode: 'A', score: 2 }, { questionCode: 'B', score: 2 }], ['answers.1.questionCode']],
    [[{ questionCode: 'A', score: 1 }, { questionCode: 'B', score: 2 }, { questionCode: 'Z', score: 2 }], ['answers.2.questionCode']],
    ['all 4', ['answers']],
    [[null, { questionCode: 'B', score: 2 }], ['answers.0.questionCode', 'answers.A']],
  ])('answers %j on a 1–4 scale give errors at %j', (answers, paths) => {
    expect(checkSurveyAnswers({ questions, scaleMax: 4, answers }).map((error) => error.path.join('.'))).toEqual(paths);
  });

  test('a comment longer than 5000 characters is refused', () => {
    const answers = [{ questionCode: 'A', score: 1 }, { questionCode: 'B', score: 1 }];
    expect(checkSurveyAnswers({ questions, scaleMax: 4, answers, comment: 'x'.repeat(5001) }).map((e) => e.path[0])).toEqual(['comment']);
  });
});

describe('survey results', () => {
  const questions: SurveyQuestion[] = [
    { code: 'R1', dimension: 'reliability' }, { code: 'R2', dimension: 'reliability' }, { code: 'T1', dimension: 'tangibles' },
  ];
  const response = (scores: number[], partnerLevel: string | null, partnerType: string | null) => ({
    answers: questions.map((q, index) => ({ questionCode: q.code, score: scores[index] })), partnerLevel, partnerType,
  });
  const results = summariseSurvey({
    questions,
    scaleMax: 5,
    invited: 8,
    answered: 3,
    responses: [response([5, 4, 3], 'national', 'industry'), response([3, 3, 1], 'national', 'government'), response([4, 5, 5], null, null)],
  });

  test('item means and distributions', () => {
    expect(results.items.map((item) => [item.code, item.n, item.mean])).toEqual([['R1', 3, 4], ['R2', 3, 4], ['T1', 3, 3]]);
    expect(results.items[2].distribution).toEqual([1, 0, 1, 0, 1]);
  });

  test('a dimension pools the scores of its items, and only dimensions with items are listed', () => {
    expect(results.dimensions.map((d) => [d.dimension, d.items, d.n, d.mean])).toEqual([['reliability', 2, 6, 4], ['tangibles', 1, 3, 3]]);
  });

  test('overall, index, groups and response rate', () => {
    expect(results.overall.mean).toBeCloseTo(33 / 9, 12);
    expect(results.overall.index).toBeCloseTo((33 / 9 / 5) * 100, 12);
    expect(results.responseRate).toBe(3 / 8);
    expect(results.byPartnerLevel.map((g) => [g.key, g.responses, g.mean])).toEqual([['national', 2, 19 / 6], ['unknown', 1, 14 / 3]]);
    expect(results.byPartnerType.map((g) => g.key)).toEqual(['government', 'industry', 'unknown']);
  });

  test('no responses and nobody invited', () => {
    const empty = summariseSurvey({ questions, scaleMax: 4, invited: 0, answered: 0, responses: [] });
    expect(empty.responseRate).toBeNull();
    expect(empty.overall).toEqual({ n: 0, mean: null, index: null });
    expect(empty.items[0].distribution).toEqual([0, 0, 0, 0]);
  });
});

describe('reminder rules', () => {
  test.each([
    ['2026-01-01', '2026-06-01', null],
    ['2026-03-03', '2026-06-01', 90],
    ['2026-03-04', '2026-06-01', 90],
    ['2026-05-02', '2026-06-01', 30],
    ['2026-05-20', '2026-06-01', 30],
    ['2026-05-25', '2026-06-01', 7],
    ['2026-06-01', '2026-06-01', 7],
    ['2026-06-02', '2026-06-01', null],
  ])('on %s an agreement ending %s is due its %p-day reminder', (today, endDate, threshold) => {
    expect(dueAgreementThreshold(endDate, today)).toBe(threshold);
  });

  test('waiting "longer than" N days', () => {
    expect(isWaitingTooLong('2026-01-01', '2026-01-15', 14)).toBe(false);
    expect(isWaitingTooLong('2026-01-01', '2026-01-16', 14)).toBe(true);
  });

  test('every state with a way out for someone other than an API token names who must act', () => {
    const active = proposalWorkflow.states.map((s) => s.name).filter((state) => proposalWorkflow.transitions.some((t) => t.from === state));
    expect(Object.keys(PROPOSAL_WAITING_ON).sort()).toEqual([...active].sort());
    for (const [state, roles] of Object.entries(PROPOSAL_WAITING_ON)) {
      const movers = proposalWorkflow.transitions.filter((t) => t.from === state).flatMap((t) => t.roles);
      for (const role of roles) expect(movers).toContain(role);
    }
  });

  const invitation = { sentOn: '2026-01-01', usedAt: null, remindedAt: null, expiresOn: '2026-02-01', surveyOpen: true };
  test.each([
    ['six days after sending', {}, '2026-01-07', false],
    ['seven days after sending', {}, '2026-01-08', true],
    ['already answered', { usedAt: '2026-01-05' }, '2026-01-10', false],
    ['already reminded', { remindedAt: '2026-01-08' }, '2026-01-10', false],
    ['expired', {}, '2026-02-02', false],
    ['survey closed', { surveyOpen: false }, '2026-01-10', false],
    ['never sent', { sentOn: null }, '2026-01-10', false],
  ])('a survey reminder %s: %s', (_, change, today, due) => {
    expect(isSurveyReminderDue({ ...invitation, ...change }, today, 7)).toBe(due);
  });

  test('addresses are de-duplicated case-insensitively and malformed ones dropped', () => {
    expect(uniqueAddresses(['A@x.id', 'a@x.id', null, '', 'bukan surel', ' b@y.id '])).toEqual(['A@x.id', 'b@y.id']);
  });
});

describe('e-mail texts: Indonesian first, English beside', () => {
  test.each([
    ['call', callForProposalsEmail({ title: 'Panggilan 2027', year: 2027, deadline: '2026-12-31', message: 'Pesan', link: 'http://x/usulan/' })],
    ['survey', surveyInvitationEmail({ surveyTitle: 'Survei', partnerName: 'PT A', link: 'http://x/survei/t', expiresOn: '2026-12-31' })],
    ['agreement', agreementEndingEmail({ ourNumber: 'N/1', title: 'MoU', partnerName: 'PT A', endDate: '2026-12-31', daysLeft: 30, threshold: 30 })],
  ])('%s', (_, text) => {
    expect(text.subject).toMatch(/^\[Kerjasama Polibatam\] .+ \(.+\)$/);
    const [indonesian, english] = text.text.split('— English —');
    expect(indonesian.length).toBeGreaterThan(20);
    expect(english.length).toBeGreaterThan(20);
  });
});

describe('e-mail HTML: one template, a link a person can click, no unescaped input', () => {
  const evil = '<script>alert(1)</script> & "Co"';
  const link = 'https://kerjasama.polibatam.ac.id/x?code=a&b=1';
  test.each([
    ['unit account', unitAccountEmail({ unitName: evil, email: 'a@b.id', link })],
    ['call', callForProposalsEmail({ title: evil, year: 2027, deadline: '2026-12-31', message: evil, messageEn: evil, link })],
    ['survey', surveyInvitationEmail({ surveyTitle: evil, partnerName: evil, contactName: evil, link, expiresOn: '2026-12-31' })],
    ['survey reminder', surveyInvitationEmail({ surveyTitle: evil, partnerName: evil, link, expiresOn: '2026-12-31', reminder: true })],
    ['agreement', agreementEndingEmail({ ourNumber: 'N/1', title: evil, partnerName: evil, endDate: '2026-12-31', daysLeft: 30, threshold: 30, link })],
    ['proposal waiting', proposalWaitingEmail({ title: evil, unitName: evil, state: { id: 'Diajukan', en: 'Submitted' }, days: 15, link })],
    ['action item', actionItemOverdueEmail({ meetingTitle: evil, meetingNumber: 'R/1', meetingDate: '2026-01-01', description: evil, owner: evil, dueDate: '2026-02-01', link })],
  ])('%s', (_, mail) => {
    const { html } = mail;
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="id">/);
    // The link is an anchor in both languages, its & escaped in the attribute.
    expect(html.split('<a href="https://kerjasama.polibatam.ac.id/x?code=a&amp;b=1"').length - 1).toBeGreaterThanOrEqual(2);
    // No markup from input: every < in the document belongs to the template's own tags.
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
    const tags = [...html.matchAll(/<\/?([a-zA-Z!]+)/g)].map((match) => match[1].toLowerCase());
    expect(new Set(tags)).toEqual(new Set(['!doctype', 'html', 'head', 'meta', 'title', 'body', 'table', 'tr', 'td', 'p', 'a', 'hr', 'br']));
    // Indonesian first, then English; the subject is the title.
    expect(html.indexOf('lang="id"')).toBeLessThan(html.indexOf('lang="en"'));
    expect(html).toContain(`<title>${escapeHtml(mail.subject)}</title>`);
    expect(html).toContain('Humas &amp; Kerjasama Politeknik Negeri Batam');
  });

  test('without a link there is no anchor, and a link typed in a message is not made one', () => {
    const { html } = agreementEndingEmail({ ourNumber: 'N/1', title: 'MoU https://evil.test', partnerName: 'PT A', endDate: '2026-12-31', daysLeft: 7, threshold: 7 });
    expect(html).not.toContain('<a ');
  });
});
