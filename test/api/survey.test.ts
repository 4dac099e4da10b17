import { createHash } from 'crypto';
import { setupStrapi, type TestApp } from '../helpers/strapi';
import { adminToken } from '../helpers/auth';
import { bodyOf, clearSmtpEnv, createPartner, startSmtpServer } from '../helpers/participation';

/**
 * The partner satisfaction survey end to end through the real doors: Humas sends invitations
 * (real SMTP server in-process), partners answer with their single-use link, every misuse of a
 * link is a 4xx that records nothing, and the results match values computed by hand.
 */
type Row = Record<string, unknown> & { id: number; documentId: string };

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let humasJwt: string;
let direkturJwt: string;
let survey: Row;
let otherSurvey: Row;
let someone: Row;
const tokens: Record<string, string> = {};

const SURVEY = 'api::satisfaction-survey.satisfaction-survey';
const INVITATION = 'api::survey-invitation.survey-invitation';
const RESPONSE = 'api::survey-response.survey-response';
const QUESTIONS = [
  { code: 'R1', dimension: 'reliability', textId: 'Layanan sesuai janji', textEn: 'Service as promised' },
  { code: 'R2', dimension: 'reliability', textId: 'Layanan tepat waktu', textEn: 'Service on time' },
  { code: 'S1', dimension: 'responsiveness', textId: 'Tanggapan cepat', textEn: 'Quick response' },
  { code: 'T1', dimension: 'tangibles', textId: 'Fasilitas memadai', textEn: 'Adequate facilities' },
];
const answers = (scores: number[]) => QUESTIONS.map((question, index) => ({ questionCode: question.code, score: scores[index] }));
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const byToken = (token: string) => `/api/survey-invitations/by-token/${token}`;
const respond = (token: string, body: Record<string, unknown>) => app.request().post(`${byToken(token)}/responses`).send(body);
const responseCount = () => app.strapi.db.query(RESPONSE).count();

const activeAgreement = async (partner: Row, number: string) =>
  app.strapi.documents('api::agreement.agreement').create({
    data: { kind: 'mou', ourNumber: number, title: 'MoU', partner: partner.id, startDate: '2025-01-01', endDate: '2035-12-31', signedDate: '2025-01-01' } as never,
  });

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await setupStrapi(smtp.env);
  humasJwt = await adminToken(app.strapi, app.request, ['Staf Humas']);
  direkturJwt = await adminToken(app.strapi, app.request, ['Direktur']);
  const national = await createPartner(app.strapi, {
    level: 'national', institutionType: 'industry',
    contacts: [{ name: 'Budi', email: 'budi@nasional.test' }, { name: 'Sari', email: 'sari@nasional.test' }, { name: 'Tanpa surel' }],
  });
  const international = await createPartner(app.strapi, {
    level: 'international', institutionType: 'university', country: 'SG',
    contacts: [{ name: 'Tan', email: 'tan@sg.test' }, { name: 'Lim', email: 'lim@sg.test' }],
  });
  someone = await createPartner(app.strapi, { contacts: [{ name: 'Tidak aktif', email: 'inactive@mitra.test' }] });
  await activeAgreement(national, 'SURVEI/1');
  await activeAgreement(international, 'SURVEI/2');
  survey = (await app.strapi.documents(SURVEY).create({ data: { title: 'Survei Kepuasan Mitra 2026', year: 2026, scaleMax: 4, questions: QUESTIONS } as never })) as unknown as Row;
  otherSurvey = (await app.strapi.documents(SURVEY).create({ data: { title: 'Survei lain', year: 2026, scaleMax: 5, workflowState: 'open', questions: QUESTIONS } as never })) as unknown as Row;
});
afterAll(async () => {
  await app?.destroy();
  await smtp?.close();
  clearSmtpEnv();
});

describe('invitations', () => {
  test('the Director may not send invitations', async () => {
    const response = await app.request().post(`/kerjasama/surveys/${survey.documentId}/invitations`).set('Authorization', `Bearer ${direkturJwt}`).send({});
    expect(response.status).toBe(403);
    expect(smtp.received).toHaveLength(0);
  });

  test('Humas invites every contact with an e-mail of partners with an active agreement, one e-mail each', async () => {
    const response = await app.request().post(`/kerjasama/surveys/${survey.documentId}/invitations`).set('Authorization', `Bearer ${humasJwt}`).send({});
    expect(response.status).toBe(200);
    expect(response.body.data.sent).toBe(4);
    expect(smtp.received.map((mail) => mail.to[0]).sort()).toEqual(['budi@nasional.test', 'lim@sg.test', 'sari@nasional.test', 'tan@sg.test']);
    for (const mail of smtp.received) {
      expect(mail.subject).toContain('Survei Kepuasan Mitra 2026');
      const body = bodyOf(mail.raw);
      expect(body).toMatch(/Yth\./);
      expect(body).toMatch(/— English —/);
      const token = /\/survei\/([A-Za-z0-9_-]{43})/.exec(body)?.[1];
      expect(token).toBeDefined();
      tokens[mail.to[0]] = token!;
    }
    const stored = (await app.strapi.db.query(SURVEY).findOne({ where: { id: survey.id } })) as Row;
    expect(stored.workflowState).toBe('open');
  });

  test('only the SHA-256 of each token is stored, and it is never sent out by the API', async () => {
    const rows = (await app.strapi.db.query(INVITATION).findMany({})) as Row[];
    const dump = JSON.stringify(rows);
    for (const [email, token] of Object.entries(tokens)) {
      expect(dump).not.toContain(token);
      expect(rows.find((row) => row.contactEmail === email)?.tokenHash).toBe(sha256(token));
    }
    const read = await app.request().get(byToken(tokens['budi@nasional.test']));
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).not.toMatch(/tokenHash|budi@nasional/);
    expect(read.body.data.survey.questions.map((q: Row) => q.code)).toEqual(['R1', 'R2', 'S1', 'T1']);
    expect(read.body.data.survey.questions[0].textEn).toBe('Service as promised');
    expect(read.body.data.language).toBe('id');
    expect((await app.request().get(byToken(tokens['tan@sg.test']))).body.data.language).toBe('en');
  });

  test('sending again invites nobody twice', async () => {
    const response = await app.request().post(`/kerjasama/surveys/${survey.documentId}/invitations`).set('Authorization', `Bearer ${humasJwt}`).send({});
    expect(response.body.data).toMatchObject({ sent: 0, skipped: 4 });
    expect(smtp.received).toHaveLength(4);
  });
});

describe('misuse of a link: 4xx and nothing recorded', () => {
  const valid = () => ({ survey: survey.documentId, answers: answers([4, 3, 2, 4]) });

  test.each([
    ['too short', 'abc', 400],
    ['bad characters', `${'a'.repeat(42)}!`, 400],
    ['too long', 'a'.repeat(44), 400],
    ['guessed (well-formed, unknown)', 'A'.repeat(43), 404],
  ])('a %s token', async (_, token, status) => {
    expect((await app.request().get(byToken(encodeURIComponent(token)))).status).toBe(status);
    expect((await respond(encodeURIComponent(token), valid())).status).toBe(status);
    expect(await responseCount()).toBe(0);
  });

  test.each([
    ['another survey', () => ({ ...valid(), survey: otherSurvey.documentId })],
    ['no survey named', () => ({ answers: valid().answers })],
    ['a question left out', () => ({ ...valid(), answers: valid().answers.slice(1) })],
    ['a score above the scale', () => ({ ...valid(), answers: answers([5, 3, 2, 4]) })],
    ['a score of zero', () => ({ ...valid(), answers: answers([0, 3, 2, 4]) })],
    ['a fractional score', () => ({ ...valid(), answers: answers([2.5, 3, 2, 4]) })],
    ['an unknown question', () => ({ ...valid(), answers: [...valid().answers, { questionCode: 'X9', score: 1 }] })],
    ['a question answered twice', () => ({ ...valid(), answers: [...valid().answers, { questionCode: 'R1', score: 1 }] })],
    ['answers that are not a list', () => ({ ...valid(), answers: 'semua 4' })],
    ['an unknown language', () => ({ ...valid(), language: 'fr' })],
  ])('answers for %s are refused', async (_, body) => {
    const response = await respond(tokens['budi@nasional.test'], body());
    expect(response.status).toBe(400);
    expect(await responseCount()).toBe(0);
    const invitation = (await app.strapi.db.query(INVITATION).findOne({ where: { contactEmail: 'budi@nasional.test' } })) as Row;
    expect(invitation.usedAt).toBeNull();
  });

  test('an expired link is refused', async () => {
    const token = 'E'.repeat(43);
    await app.strapi.documents(INVITATION).create({
      data: { survey: survey.id, partner: someone.id, contactEmail: 'lama@mitra.test', tokenHash: sha256(token), expiresAt: '2020-01-01T00:00:00.000Z' } as never,
    });
    expect((await app.request().get(byToken(token))).status).toBe(410);
    expect((await respond(token, valid())).status).toBe(410);
    expect(await responseCount()).toBe(0);
  });

  test('a link of a closed survey is refused', async () => {
    const token = 'C'.repeat(43);
    const closed = (await app.strapi.documents(SURVEY).create({ data: { title: 'Tertutup', year: 2025, scaleMax: 4, workflowState: 'closed', questions: QUESTIONS } as never })) as unknown as Row;
    await app.strapi.documents(INVITATION).create({ data: { survey: closed.id, partner: someone.id, contactEmail: 'x@mitra.test', tokenHash: sha256(token), expiresAt: '2099-01-01T00:00:00.000Z' } as never });
    expect((await respond(token, { ...valid(), survey: closed.documentId })).status).toBe(410);
    expect(await responseCount()).toBe(0);
  });
});

describe('answering', () => {
  test('a valid answer is recorded once; the same link cannot be used again', async () => {
    const token = tokens['budi@nasional.test'];
    const first = await respond(token, { survey: survey.documentId, answers: answers([4, 3, 2, 4]), comment: 'Sangat membantu', language: 'id' });
    expect(first.status).toBe(201);
    const again = await respond(token, { survey: survey.documentId, answers: answers([1, 1, 1, 1]) });
    expect(again.status).toBe(409);
    expect((await app.request().get(byToken(token))).status).toBe(409);
    expect(await responseCount()).toBe(1);
  });

  test('two simultaneous submissions with one link record one response', async () => {
    const token = tokens['sari@nasional.test'];
    const results = await Promise.all([
      respond(token, { survey: survey.documentId, answers: answers([3, 3, 3, 2]) }),
      respond(token, { survey: survey.documentId, answers: answers([3, 3, 3, 2]) }),
      respond(token, { survey: survey.documentId, answers: answers([3, 3, 3, 2]) }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([201, 409, 409]);
    expect(await responseCount()).toBe(2);
  });

  test('the third partner answers in English', async () => {
    const response = await respond(tokens['tan@sg.test'], { survey: survey.documentId, answers: answers([2, 4, 4, 1]), language: 'en' });
    expect(response.status).toBe(201);
    const stored = (await app.strapi.db.query(RESPONSE).findOne({ where: { language: 'en' }, populate: { partner: true, invitation: true } })) as Row;
    expect((stored.partner as Row).name).toBeDefined();
  });
});

describe('results', () => {
  test('per item, dimension, partner level and type, and the response rate match hand-computed values', async () => {
    const response = await app.request().get(`/kerjasama/surveys/${survey.documentId}/results`).set('Authorization', `Bearer ${direkturJwt}`);
    expect(response.status).toBe(200);
    const results = response.body.data;
    // Responses: national/industry [4,3,2,4] and [3,3,3,2]; international/university [2,4,4,1].
    expect(results.invited).toBe(4);
    expect(results.answered).toBe(3);
    expect(results.responseRate).toBeCloseTo(0.75, 10);
    const item = (code: string) => results.items.find((i: Row) => i.code === code);
    expect(item('R1').mean).toBeCloseTo(3, 10);
    expect(item('R2').mean).toBeCloseTo(10 / 3, 10);
    expect(item('S1').mean).toBeCloseTo(3, 10);
    expect(item('T1').mean).toBeCloseTo(7 / 3, 10);
    expect(item('R1').distribution).toEqual([0, 1, 1, 1]);
    expect(item('T1').distribution).toEqual([1, 1, 0, 1]);
    const dimension = (name: string) => results.dimensions.find((d: Row) => d.dimension === name);
    expect(dimension('reliability').mean).toBeCloseTo(19 / 6, 10);
    expect(dimension('responsiveness').mean).toBeCloseTo(3, 10);
    expect(dimension('tangibles').mean).toBeCloseTo(7 / 3, 10);
    expect(results.dimensions.map((d: Row) => d.dimension)).toEqual(['reliability', 'responsiveness', 'tangibles']);
    expect(results.overall.mean).toBeCloseTo(35 / 12, 10);
    expect(results.overall.index).toBeCloseTo((35 / 12 / 4) * 100, 10);
    expect(results.byPartnerLevel).toEqual([
      expect.objectContaining({ key: 'international', responses: 1, mean: 2.75 }),
      expect.objectContaining({ key: 'national', responses: 2, mean: 3 }),
    ]);
    expect(results.byPartnerType).toEqual([
      expect.objectContaining({ key: 'industry', responses: 2, mean: 3 }),
      expect.objectContaining({ key: 'university', responses: 1, mean: 2.75 }),
    ]);
  });

  test('results need the survey permission', async () => {
    const anonymous = await app.request().get(`/kerjasama/surveys/${survey.documentId}/results`);
    expect(anonymous.status).toBe(401);
  });
});

describe('the link is checked again inside the transaction', () => {
  /**
   * Holds the first submission between its check of the link and its transaction until a second
   * submission with the same link has passed that check too; then the first commits and the second
   * runs its transaction. The order is forced, so the re-check is what stands between the second and
   * a second response, on SQLite as on PostgreSQL (where the row lock alone would only wait).
   */
  const interleaveTwoSubmissions = () => {
    const db = app.strapi.db;
    const original = db.transaction.bind(db);
    let arrivals = 0;
    let firstDone: Promise<unknown> = Promise.resolve();
    let bothChecked!: () => void;
    const bothArrived = new Promise<void>((resolve) => (bothChecked = resolve));
    // Should the second never arrive, the first goes on alone and the assertions below fail.
    const giveUp = setTimeout(() => bothChecked(), 15000);
    db.transaction = (async (callback: Parameters<typeof original>[0]) => {
      if (db.inTransaction() || arrivals >= 2) return original(callback);
      const turn = (arrivals += 1);
      if (turn === 2) bothChecked();
      await bothArrived;
      if (turn === 1) {
        firstDone = original(callback);
        return firstDone;
      }
      await firstDone.catch(() => undefined);
      return original(callback);
    }) as typeof db.transaction;
    return () => {
      clearTimeout(giveUp);
      db.transaction = original as typeof db.transaction;
    };
  };

  test('a second submission that passed the first check before the first committed records nothing', async () => {
    const token = 'R'.repeat(43);
    const invitation = (await app.strapi.documents(INVITATION).create({
      data: { survey: otherSurvey.id, partner: someone.id, contactEmail: 'race@mitra.test', tokenHash: sha256(token), expiresAt: '2099-01-01T00:00:00.000Z' } as never,
    })) as unknown as Row;
    const before = await responseCount();
    const restore = interleaveTwoSubmissions();
    let results;
    try {
      const body = { survey: otherSurvey.documentId, answers: answers([5, 4, 3, 2]) };
      results = await Promise.all([respond(token, body), respond(token, body)]);
    } finally {
      restore();
    }
    expect(results.map((result) => result.status).sort()).toEqual([201, 409]);
    expect(results.find((result) => result.status === 409)!.body.error.message).toContain('already been answered');
    expect(await responseCount()).toBe(before + 1);
    expect(await app.strapi.db.query(RESPONSE).count({ where: { invitation: { id: invitation.id } } })).toBe(1);
  });
});
