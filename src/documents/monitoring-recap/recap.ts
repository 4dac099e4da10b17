/**
 * The monitoring recap (form BO.28.1.2) for a period and a unit: each agreement of the unit in
 * force during the period or monitored in it, with its activities, outputs, evidence present or
 * missing, and follow-up. Pure: the service loads the rows, this computes what is printed.
 *
 * Periods (decision): `S1` is the first semester, 1 January – 30 June; `S2` the second,
 * 1 July – 31 December; `year` the calendar year. A monitoring record belongs to the period of
 * its `monitoredOn` day.
 */
export const RECAP_FORM = {
  formCode: 'BO.28.1.2',
  formVersion: '1',
  title: { id: 'Rekap Monitoring Kerjasama', en: 'Cooperation Monitoring Recap' },
} as const;

export type Period = 'S1' | 'S2' | 'year';
export const PERIODS: Period[] = ['S1', 'S2', 'year'];

export const PERIOD_LABELS: Record<Period, { id: string; en: string }> = {
  S1: { id: 'Semester 1 (Januari–Juni)', en: 'Semester 1 (January–June)' },
  S2: { id: 'Semester 2 (Juli–Desember)', en: 'Semester 2 (July–December)' },
  year: { id: 'Satu tahun', en: 'Whole year' },
};

export const periodRange = (year: number, period: Period) => ({
  from: `${year}-${period === 'S2' ? '07-01' : '01-01'}`,
  to: `${year}-${period === 'S1' ? '06-30' : '12-31'}`,
});

export interface RecapAgreement {
  id: number;
  ourNumber: string;
  title: string;
  kind: string;
  partnerName?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  indefinite?: boolean | null;
  validityState?: string | null;
}

export interface RecapRecord {
  agreementId: number;
  monitoredOn: string;
  implementationState?: string | null;
  activitiesCount?: number | null;
  outputs?: string | null;
  studentParticipants?: number | null;
  lecturerParticipants?: number | null;
  creditsRecognised?: number | null;
  certificatesIssued?: number | null;
  evidenceFiles: number;
  followUp?: string | null;
}

export interface RecapRow {
  ourNumber: string;
  title: string;
  kind: string;
  partner: string;
  records: number;
  activities: number;
  students: number;
  lecturers: number;
  credits: number;
  certificates: number;
  evidencePresent: number;
  evidenceMissing: number;
  evidence: string;
  state: string;
  outputs: string;
  followUp: string;
}

export interface Recap {
  year: number;
  period: Period;
  from: string;
  to: string;
  unitName: string;
  rows: RecapRow[];
  totals: Pick<RecapRow, 'records' | 'activities' | 'students' | 'lecturers' | 'credits' | 'certificates' | 'evidencePresent' | 'evidenceMissing'> & { agreements: number; unmonitored: number };
}

const STATE_LABELS: Record<string, string> = {
  not_started: 'Belum mulai / Not started',
  on_track: 'Sesuai rencana / On track',
  delayed: 'Terlambat / Delayed',
  completed: 'Selesai / Completed',
  no_activity: 'Tanpa kegiatan / No activity',
};
const NOT_MONITORED = 'Belum dimonitor / Not monitored';

const inForce = (agreement: RecapAgreement, from: string, to: string) =>
  Boolean(agreement.startDate && agreement.startDate <= to && (agreement.indefinite || !agreement.endDate || agreement.endDate >= from));

const sum = (records: RecapRecord[], field: keyof RecapRecord) => records.reduce((total, record) => total + (Number(record[field]) || 0), 0);
const joined = (records: RecapRecord[], field: 'outputs' | 'followUp') =>
  records.map((record) => record[field]?.trim()).filter((text): text is string => Boolean(text)).join('; ') || '-';

export const computeRecap = (
  { year, period, unitName }: { year: number; period: Period; unitName: string },
  agreements: RecapAgreement[],
  records: RecapRecord[],
): Recap => {
  const { from, to } = periodRange(year, period);
  const inPeriod = records.filter((record) => record.monitoredOn >= from && record.monitoredOn <= to);
  const byAgreement = new Map<number, RecapRecord[]>();
  for (const record of inPeriod) byAgreement.set(record.agreementId, [...(byAgreement.get(record.agreementId) ?? []), record]);
  const rows = agreements
    .filter((agreement) => byAgreement.has(agreement.id) || inForce(agreement, from, to))
    .sort((a, b) => a.ourNumber.localeCompare(b.ourNumber))
    .map((agreement): RecapRow => {
      const own = [...(byAgreement.get(agreement.id) ?? [])].sort((a, b) => a.monitoredOn.localeCompare(b.monitoredOn));
      const evidencePresent = own.filter((record) => record.evidenceFiles > 0).length;
      const evidenceMissing = own.length ? own.length - evidencePresent : 1;
      const latest = own[own.length - 1];
      return {
        ourNumber: agreement.ourNumber,
        title: agreement.title,
        kind: agreement.kind.toUpperCase(),
        partner: agreement.partnerName ?? '-',
        records: own.length,
        activities: sum(own, 'activitiesCount'),
        students: sum(own, 'studentParticipants'),
        lecturers: sum(own, 'lecturerParticipants'),
        credits: sum(own, 'creditsRecognised'),
        certificates: sum(own, 'certificatesIssued'),
        evidencePresent,
        evidenceMissing,
        evidence: own.length ? `Ada / Present ${evidencePresent} · Tidak ada / Missing ${evidenceMissing}` : 'Tidak ada / Missing',
        state: latest ? STATE_LABELS[latest.implementationState ?? ''] ?? latest.implementationState ?? '-' : NOT_MONITORED,
        outputs: joined(own, 'outputs'),
        followUp: joined(own, 'followUp'),
      };
    });
  const total = (field: keyof RecapRow) => rows.reduce((value, row) => value + (row[field] as number), 0);
  return {
    year, period, from, to, unitName, rows,
    totals: {
      agreements: rows.length,
      unmonitored: rows.filter((row) => row.records === 0).length,
      records: total('records'), activities: total('activities'), students: total('students'), lecturers: total('lecturers'),
      credits: total('credits'), certificates: total('certificates'), evidencePresent: total('evidencePresent'), evidenceMissing: total('evidenceMissing'),
    },
  };
};
