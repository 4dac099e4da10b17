/**
 * The annual evaluation report (form FO.28.2.1): its figures computed from counted rows. Pure
 * functions over plain rows (the server module loads them with a constant number of queries);
 * targets vs achievement comes from the targets page's own computation (achievement.ts), and the
 * survey's from survey.ts, passed in as they are.
 */
import type { Bilingual } from './bilingual';
import type { RollUpRow, TargetMetric } from './achievement';
import { METRIC_DEFINITIONS } from './achievement';
import type { SurveyResults } from './survey';

export const EVALUATION_FORM = {
  formCode: 'FO.28.2.1',
  formVersion: '1',
  title: { id: 'Laporan Evaluasi Tahunan Kerjasama', en: 'Annual Cooperation Evaluation Report' },
} as const;

/** A year's figures are counted up to its last day, or up to today while the year is running. */
export function referenceDate(year: number, today: string): string {
  const end = `${year}-12-31`;
  return today < end ? today : end;
}

// --- Annual program ---------------------------------------------------------------------------

export type ProgramItemState = 'planned' | 'in_progress' | 'done' | 'cancelled';

export interface ProgramItemRow {
  title: string;
  state: ProgramItemState;
  plannedEnd: string | null;
  /** The reason given when the item was cancelled (transition log), if any. */
  reason: string | null;
}

export interface ProgramFigures {
  title: string | null;
  planned: number;
  inProgress: number;
  done: number;
  cancelled: number;
  /** Not done nor cancelled, with a planned end before the reference date. */
  late: number;
  total: number;
  reasons: Array<{ title: string; status: 'cancelled' | 'late'; reason: string | null; plannedEnd: string | null }>;
}

/** An item is late when it is neither done nor cancelled and its planned end has passed. */
export function isLate(item: ProgramItemRow, reference: string): boolean {
  return (item.state === 'planned' || item.state === 'in_progress') && item.plannedEnd !== null && item.plannedEnd < reference;
}

export function programFigures(title: string | null, items: ProgramItemRow[], reference: string): ProgramFigures {
  const count = (state: ProgramItemState) => items.filter((item) => item.state === state).length;
  const reasons = items
    .filter((item) => item.state === 'cancelled' || isLate(item, reference))
    .map((item) => ({ title: item.title, status: item.state === 'cancelled' ? ('cancelled' as const) : ('late' as const), reason: item.reason, plannedEnd: item.plannedEnd }))
    .sort((a, b) => a.status.localeCompare(b.status) || a.title.localeCompare(b.title));
  return {
    title,
    planned: count('planned'),
    inProgress: count('in_progress'),
    done: count('done'),
    cancelled: count('cancelled'),
    late: items.filter((item) => isLate(item, reference)).length,
    total: items.length,
    reasons,
  };
}

// --- Agreements and monitoring ----------------------------------------------------------------

export interface AgreementFigures {
  signed: number;
  inForce: number;
  expiring: number;
  expired: number;
  renewed: number;
  terminated: number;
  dormant: number;
}

export interface MonitoringFigures {
  records: number;
  activities: number;
  studentParticipants: number;
  lecturerParticipants: number;
  studentsWithCredits: number;
  creditsRecognised: number;
  certificates: number;
}

// --- Proposals ----------------------------------------------------------------------------------

export const PROPOSAL_CHANNELS = ['call_for_proposals', 'unit_initiative', 'internal_meeting', 'unit_meeting', 'humas_initiative', 'partner_initiative', 'other'] as const;
export const CHANNEL_LABELS: Record<(typeof PROPOSAL_CHANNELS)[number], Bilingual> = {
  call_for_proposals: { id: 'Panggilan usulan', en: 'Call for proposals' },
  unit_initiative: { id: 'Inisiatif unit', en: 'Unit initiative' },
  internal_meeting: { id: 'Rapat internal', en: 'Internal meeting' },
  unit_meeting: { id: 'Rapat dengan unit', en: 'Unit meeting' },
  humas_initiative: { id: 'Inisiatif Humas', en: 'Humas initiative' },
  partner_initiative: { id: 'Inisiatif mitra', en: 'Partner initiative' },
  other: { id: 'Lainnya', en: 'Other' },
};

export type ProposalOutcome = 'approved' | 'rejected' | 'withdrawn' | 'pending';

/** A proposal's outcome from its workflow state: approved, rejected, withdrawn, or still pending. */
export function proposalOutcome(state: string): ProposalOutcome {
  if (state === 'approved' || state === 'rejected' || state === 'withdrawn') return state;
  return 'pending';
}

export interface ProposalCountRow {
  channel: string;
  state: string;
  count: number;
}

export interface ProposalChannelFigures {
  channel: string;
  labels: Bilingual;
  approved: number;
  rejected: number;
  withdrawn: number;
  pending: number;
  total: number;
}

/** Proposals of the year by channel and outcome, channels in the form's order, plus a total row. */
export function proposalFigures(rows: ProposalCountRow[]): { channels: ProposalChannelFigures[]; total: ProposalChannelFigures } {
  const empty = (channel: string, labels: Bilingual): ProposalChannelFigures => ({ channel, labels, approved: 0, rejected: 0, withdrawn: 0, pending: 0, total: 0 });
  const byChannel = new Map<string, ProposalChannelFigures>();
  const total = empty('total', { id: 'Jumlah', en: 'Total' });
  for (const row of rows) {
    const channel = (PROPOSAL_CHANNELS as readonly string[]).includes(row.channel) ? row.channel : 'other';
    const entry = byChannel.get(channel) ?? empty(channel, CHANNEL_LABELS[channel as keyof typeof CHANNEL_LABELS]);
    const outcome = proposalOutcome(row.state);
    entry[outcome] += row.count;
    entry.total += row.count;
    total[outcome] += row.count;
    total.total += row.count;
    byChannel.set(channel, entry);
  }
  return { channels: PROPOSAL_CHANNELS.filter((channel) => byChannel.has(channel)).map((channel) => byChannel.get(channel)!), total };
}

// --- Survey -------------------------------------------------------------------------------------

export interface SurveyFigures {
  title: string;
  scaleMax: number;
  invited: number;
  answered: number;
  responseRate: number | null;
  index: number | null;
  mean: number | null;
  dimensions: Array<{ dimension: string; labels: Bilingual; mean: number | null; index: number | null; n: number }>;
  byPartnerLevel: Array<{ level: string; responses: number; mean: number | null; index: number | null }>;
}

const round = (value: number | null, digits: number) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

/** The year's survey results (survey.ts) kept as the report prints them, rounded. */
export function surveyFigures(title: string, results: SurveyResults): SurveyFigures {
  return {
    title,
    scaleMax: results.scaleMax,
    invited: results.invited,
    answered: results.answered,
    responseRate: round(results.responseRate === null ? null : results.responseRate * 100, 1),
    index: round(results.overall.index, 1),
    mean: round(results.overall.mean, 2),
    dimensions: results.dimensions.map((dimension) => ({ dimension: dimension.dimension, labels: dimension.labels, mean: round(dimension.mean, 2), index: round(dimension.index, 1), n: dimension.n })),
    byPartnerLevel: results.byPartnerLevel.map((group) => ({ level: group.key, responses: group.responses, mean: round(group.mean, 2), index: round(group.index, 1) })),
  };
}

// --- Targets ------------------------------------------------------------------------------------

export interface TargetFigure {
  metric: TargetMetric;
  labels: Bilingual;
  unit: string | null;
  cooperationType: string | null;
  partnerLevel: string | null;
  target: number;
  achieved: number;
  percent: number | null;
}

export interface TargetsFigures {
  overall: number | null;
  rollUp: Array<{ metric: TargetMetric; labels: Bilingual; target: number; achieved: number; percent: number | null; targetBasis: RollUpRow['targetBasis'] }>;
  targets: TargetFigure[];
}

/** The targets page's report (targets.report) as the evaluation report keeps it. */
export function targetsFigures(report: {
  overall: number | null;
  rollUp: RollUpRow[];
  targets: Array<{ metric: TargetMetric; unit: { name: string } | null; cooperationType: { name: string } | null; partnerLevel: string | null; targetValue: number; achieved: number; percent: number | null }>;
}): TargetsFigures {
  return {
    overall: report.overall,
    rollUp: report.rollUp.map((row) => ({ metric: row.metric, labels: METRIC_DEFINITIONS[row.metric].labels, target: row.target, achieved: row.achieved, percent: row.percent, targetBasis: row.targetBasis })),
    targets: report.targets.map((target) => ({
      metric: target.metric,
      labels: METRIC_DEFINITIONS[target.metric].labels,
      unit: target.unit?.name ?? null,
      cooperationType: target.cooperationType?.name ?? null,
      partnerLevel: target.partnerLevel,
      target: target.targetValue,
      achieved: target.achieved,
      percent: target.percent,
    })),
  };
}

// --- The whole report ---------------------------------------------------------------------------

/** What one year counts, without the comparison (also what the previous year contributes). */
export interface YearFigures {
  year: number;
  reference: string;
  targets: TargetsFigures;
  program: ProgramFigures | null;
  agreements: AgreementFigures;
  monitoring: MonitoringFigures;
  proposals: ReturnType<typeof proposalFigures>;
  survey: SurveyFigures | null;
}

export interface ComparisonRow {
  key: string;
  labels: Bilingual;
  previous: number | null;
  current: number | null;
  change: number | null;
}

export interface EvaluationFigures extends YearFigures {
  /** Bumped when the shape changes, so that a frozen report says which shape it was frozen in. */
  version: 1;
  generatedAt: string;
  previousYear: number;
  comparison: ComparisonRow[];
}

/** The figures compared with the previous year, in the order the form prints them. */
export const COMPARED: Array<{ key: string; labels: Bilingual; value: (figures: YearFigures) => number | null }> = [
  { key: 'overall', labels: { id: 'Capaian keseluruhan (%)', en: 'Overall achievement (%)' }, value: (f) => f.targets.overall },
  { key: 'agreements.signed', labels: { id: 'Naskah ditandatangani', en: 'Agreements signed' }, value: (f) => f.agreements.signed },
  { key: 'agreements.inForce', labels: { id: 'Naskah berlaku', en: 'Agreements in force' }, value: (f) => f.agreements.inForce },
  { key: 'agreements.terminated', labels: { id: 'Naskah diakhiri', en: 'Agreements terminated' }, value: (f) => f.agreements.terminated },
  { key: 'monitoring.activities', labels: { id: 'Kegiatan terlaksana', en: 'Activities carried out' }, value: (f) => f.monitoring.activities },
  { key: 'monitoring.participants', labels: { id: 'Peserta (mahasiswa dan dosen)', en: 'Participants (students and lecturers)' }, value: (f) => f.monitoring.studentParticipants + f.monitoring.lecturerParticipants },
  { key: 'monitoring.creditsRecognised', labels: { id: 'SKS diakui', en: 'Credits recognised' }, value: (f) => f.monitoring.creditsRecognised },
  { key: 'monitoring.certificates', labels: { id: 'Sertifikat diterbitkan', en: 'Certificates issued' }, value: (f) => f.monitoring.certificates },
  { key: 'proposals.total', labels: { id: 'Usulan kerjasama', en: 'Proposals' }, value: (f) => f.proposals.total.total },
  { key: 'proposals.approved', labels: { id: 'Usulan disetujui', en: 'Proposals approved' }, value: (f) => f.proposals.total.approved },
  { key: 'program.done', labels: { id: 'Butir program selesai', en: 'Program items done' }, value: (f) => f.program?.done ?? null },
  { key: 'survey.index', labels: { id: 'Indeks kepuasan mitra (%)', en: 'Partner satisfaction index (%)' }, value: (f) => f.survey?.index ?? null },
];

export function compareYears(current: YearFigures, previous: YearFigures | null): ComparisonRow[] {
  return COMPARED.map(({ key, labels, value }) => {
    const now = value(current);
    const before = previous ? value(previous) : null;
    return { key, labels, previous: before, current: now, change: now !== null && before !== null ? Math.round((now - before) * 10) / 10 : null };
  });
}

export function evaluationFigures(current: YearFigures, previous: YearFigures | null, generatedAt: string): EvaluationFigures {
  return { version: 1, ...current, generatedAt, previousYear: current.year - 1, comparison: compareYears(current, previous) };
}

/** Labels of the agreement and monitoring rows, in the form's order (PDF, DOCX, XLSX and the page). */
export const AGREEMENT_ROWS: Array<{ key: keyof AgreementFigures; labels: Bilingual }> = [
  { key: 'signed', labels: { id: 'Ditandatangani pada tahun ini', en: 'Signed in the year' } },
  { key: 'inForce', labels: { id: 'Berlaku pada tahun ini', en: 'In force during the year' } },
  { key: 'expiring', labels: { id: 'Akan berakhir (90 hari)', en: 'Expiring (within 90 days)' } },
  { key: 'expired', labels: { id: 'Berakhir pada tahun ini', en: 'Expired in the year' } },
  { key: 'renewed', labels: { id: 'Diperpanjang (naskah pembaruan)', en: 'Renewed (renewal agreements)' } },
  { key: 'terminated', labels: { id: 'Diakhiri lebih awal', en: 'Terminated early' } },
  { key: 'dormant', labels: { id: 'Tanpa monitoring 12 bulan', en: 'No monitoring in 12 months' } },
];

export const MONITORING_ROWS: Array<{ key: keyof MonitoringFigures; labels: Bilingual }> = [
  { key: 'records', labels: { id: 'Rekap monitoring', en: 'Monitoring records' } },
  { key: 'activities', labels: { id: 'Kegiatan terlaksana', en: 'Activities carried out' } },
  { key: 'studentParticipants', labels: { id: 'Mahasiswa peserta', en: 'Student participants' } },
  { key: 'lecturerParticipants', labels: { id: 'Dosen peserta', en: 'Lecturer participants' } },
  { key: 'studentsWithCredits', labels: { id: 'Mahasiswa dengan SKS diakui', en: 'Students with recognised credits' } },
  { key: 'creditsRecognised', labels: { id: 'SKS diakui', en: 'Credits recognised' } },
  { key: 'certificates', labels: { id: 'Sertifikat diterbitkan', en: 'Certificates issued' } },
];

export const PROGRAM_ROWS: Array<{ key: 'total' | 'planned' | 'inProgress' | 'done' | 'cancelled' | 'late'; labels: Bilingual }> = [
  { key: 'total', labels: { id: 'Jumlah butir', en: 'Items' } },
  { key: 'planned', labels: { id: 'Direncanakan (belum mulai)', en: 'Planned (not started)' } },
  { key: 'inProgress', labels: { id: 'Sedang berjalan', en: 'In progress' } },
  { key: 'done', labels: { id: 'Selesai', en: 'Done' } },
  { key: 'cancelled', labels: { id: 'Dibatalkan', en: 'Cancelled' } },
  { key: 'late', labels: { id: 'Terlambat', en: 'Late' } },
];
