import type supertest from 'supertest';

/** REST path segment of each content type, in an order where prerequisites come first. */
export const REST_PATHS = {
  unit: 'units',
  'cooperation-type': 'cooperation-types',
  kpi: 'kpis',
  partner: 'partners',
  agreement: 'agreements',
  'needs-mapping': 'needs-mappings',
  'annual-target': 'annual-targets',
  proposal: 'proposals',
  'meeting-minute': 'meeting-minutes',
  'annual-program': 'annual-programs',
  'program-item': 'program-items',
  'monitoring-record': 'monitoring-records',
  'satisfaction-survey': 'satisfaction-surveys',
  'survey-invitation': 'survey-invitations',
  'survey-response': 'survey-responses',
  'evaluation-report': 'evaluation-reports',
} as const;

export type TypeName = keyof typeof REST_PATHS;
export const uidOf = (type: TypeName | 'transition-log') => `api::${type}.${type}`;

let counter = 0;
const nextSuffix = () => `${Date.now().toString(36)}${(counter += 1)}`.toUpperCase();

/** Documents a payload may point at; filled as the sequence of creations goes on. */
export type Created = Partial<Record<TypeName, string>>;

/**
 * A minimal valid payload for each type, given the documentIds already created. Each call
 * gives fresh unique values so the same builder can be used many times in one database.
 */
export const validPayload = (type: TypeName, created: Created): Record<string, unknown> => {
  const suffix = nextSuffix();
  switch (type) {
    case 'unit':
      return { code: `T-${suffix}`, name: `Jurusan Uji ${suffix}`, kind: 'department' };
    case 'cooperation-type':
      return { code: `CT-${suffix}`, name: `Jenis uji ${suffix}`, tridharma: 'education' };
    case 'kpi':
      return { code: `K.${suffix}`, statement: 'Pernyataan uji', source: 'iku' };
    case 'partner':
      return { name: `PT Mitra Uji ${suffix}`, institutionType: 'industry', level: 'national', country: 'ID', city: 'Batam' };
    case 'agreement':
      return { kind: 'mou', ourNumber: `UJI/${suffix}`, title: 'MoU uji', partner: created.partner, startDate: '2025-01-01', endDate: '2029-12-31' };
    case 'needs-mapping':
      return { year: 2000 + (counter % 100), unit: created.unit, cooperationType: created['cooperation-type'], priority: 'high' };
    case 'annual-target':
      return { year: 2000 + (counter % 100), unit: created.unit, metric: 'agreements_signed', targetValue: 3 + counter };
    case 'proposal':
      return { title: `Usulan uji ${suffix}`, unit: created.unit, partner: created.partner, objectives: 'Tujuan uji', plannedYear: 2026 };
    case 'meeting-minute':
      return { number: `NOT/${suffix}`, title: 'Rapat uji', meetingDate: '2026-02-01', kind: 'internal' };
    case 'annual-program':
      return { year: 2030 + (counter % 60), title: `Program uji ${suffix}` };
    case 'program-item':
      return { title: `Butir uji ${suffix}`, program: created['annual-program'], quarter: 'Q2' };
    case 'monitoring-record':
      return { agreement: created.agreement, monitoredOn: '2026-03-01', implementationState: 'on_track' };
    case 'satisfaction-survey':
      return { title: `Survei uji ${suffix}`, year: 2026, scaleMax: 4 };
    case 'survey-invitation':
      return { survey: created['satisfaction-survey'], partner: created.partner, contactEmail: `kontak-${suffix.toLowerCase()}@mitra.example`, expiresAt: '2027-01-01T00:00:00.000Z' };
    case 'survey-response':
      return { survey: created['satisfaction-survey'], submittedAt: '2026-04-01T00:00:00.000Z', answers: [{ questionCode: 'R1', score: 3 }] };
    case 'evaluation-report':
      return { year: 2000 + (counter % 100), title: `Laporan uji ${suffix}` };
  }
};

/** One field per type that an update can change, with the value to change it to. */
export const UPDATE_OF: Record<TypeName, [string, unknown]> = {
  unit: ['name', 'Jurusan Diubah'],
  'cooperation-type': ['name', 'Jenis diubah'],
  kpi: ['statement', 'Pernyataan diubah'],
  partner: ['city', 'Singapore'],
  agreement: ['title', 'MoU diubah'],
  'needs-mapping': ['priority', 'low'],
  'annual-target': ['targetValue', 42],
  proposal: ['objectives', 'Tujuan diubah'],
  'meeting-minute': ['place', 'Gedung Utama'],
  'annual-program': ['summary', 'Ringkasan diubah'],
  'program-item': ['quarter', 'Q4'],
  'monitoring-record': ['studentParticipants', 12],
  'satisfaction-survey': ['introduction', 'Pengantar diubah'],
  'survey-invitation': ['contactName', 'Ibu Kontak'],
  'survey-response': ['comment', 'Komentar diubah'],
  'evaluation-report': ['findings', 'Temuan diubah'],
};

/** Creates one document of every type through REST with the given bearer token. */
export const createOneOfEach = async (request: () => supertest.Agent, token: string): Promise<Created> => {
  const created: Created = {};
  for (const [type, restPath] of Object.entries(REST_PATHS) as Array<[TypeName, string]>) {
    const response = await request()
      .post(`/api/${restPath}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ data: validPayload(type, created) });
    if (response.status !== 201) {
      throw new Error(`create ${type}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    created[type] = response.body.data.documentId;
  }
  return created;
};
