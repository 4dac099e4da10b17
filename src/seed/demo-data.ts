/**
 * A realistic demo planning year for a fresh installation. Pure data: every date is computed from
 * the `today` passed in, so the demo stays "alive" whenever it is seeded (agreements in force,
 * one expiring within 90 days, expired ones, a program for the current year and the previous
 * year's evaluation). Every record says it is a demo: names and titles start with "[DEMO] ",
 * agreement numbers with "DEMO/", e-mail addresses and websites use `.example` domains.
 *
 * Records refer to each other by key (partners, agreements), by title (proposals, program items)
 * and by code (units, cooperation types, KPIs); seed.ts resolves them to document ids.
 */
import { AgreementKind, AgreementValidity, validityState } from '../domain/agreement';
import { addDays, compareIsoDates, daysBetween, IsoDate, toIsoDate } from '../domain/dates';
import type { CooperationTypeCode, KpiCode, UnitCode } from './reference-data';

export const DEMO_PREFIX = '[DEMO] ';

export type PartnerLevel = 'local_regional' | 'national' | 'international';
export type InstitutionType =
  | 'industry'
  | 'state_enterprise'
  | 'government'
  | 'university'
  | 'school'
  | 'association'
  | 'ngo'
  | 'hospital'
  | 'msme'
  | 'research_institute'
  | 'certification_body'
  | 'multilateral'
  | 'other';
export type Iku6PartnerCategory =
  | 'multinational_company'
  | 'national_company'
  | 'technology_company'
  | 'startup'
  | 'state_enterprise'
  | 'top_university'
  | 'government_agency'
  | 'hospital'
  | 'msme'
  | 'research_institute'
  | 'ngo'
  | 'other';

export interface DemoContact {
  name: string;
  position: string;
  email: string;
  phone: string;
}

export type PartnerKey =
  | 'shipyard'
  | 'electronics'
  | 'aeroMro'
  | 'logistics'
  | 'bpBatam'
  | 'cityGovernment'
  | 'nationalUniversity'
  | 'singapore'
  | 'malaysia'
  | 'japan'
  | 'germany'
  | 'certificationBody'
  | 'association';

export interface DemoPartner {
  key: PartnerKey;
  name: string;
  institutionType: InstitutionType;
  level: PartnerLevel;
  country: string;
  city: string;
  website: string;
  publicDescription: string;
  iku6Category: Iku6PartnerCategory;
  contacts: DemoContact[];
  internalNotes: string;
  workflowState: 'draft' | 'proposed' | 'approved';
}

export interface DemoAgreement {
  key: string;
  kind: AgreementKind;
  partner: PartnerKey;
  /** Key of the parent agreement, which always appears earlier in the list. */
  parent?: string;
  ourNumber: string;
  partnerNumber?: string;
  title: string;
  scope: string;
  units: readonly UnitCode[];
  cooperationTypes: readonly CooperationTypeCode[];
  signedDate?: IsoDate;
  startDate: IsoDate;
  endDate: IsoDate;
  indefinite: false;
  value?: number;
  currency: 'IDR';
  validityState: AgreementValidity;
  /** Title of the proposal the agreement came from. */
  originProposal?: string;
}

export interface DemoNeedsMapping {
  year: number;
  unit: UnitCode;
  cooperationType: CooperationTypeCode;
  priority: 'none' | 'low' | 'medium' | 'high';
  rationale: string;
  source: 'unit_request' | 'internal_meeting' | 'unit_meeting' | 'evaluation_report' | 'other';
}

export type TargetMetric =
  | 'agreements_signed'
  | 'activities_carried_out'
  | 'active_partners'
  | 'study_programs_iku6'
  | 'students_credit_recognised'
  | 'certificates_issued';

export interface DemoAnnualTarget {
  year: number;
  /** No unit: an institution-wide target. */
  unit?: UnitCode;
  cooperationType?: CooperationTypeCode;
  partnerLevel?: PartnerLevel;
  metric: TargetMetric;
  targetValue: number;
  notes: string;
}

export interface DemoAnalysis {
  visionAlignment: string;
  needsAlignment: string;
  feasibility: string;
  risk: string;
  recommendation?: 'proceed' | 'proceed_with_conditions' | 'do_not_proceed';
  analysedBy: string;
  analysedOn: IsoDate;
}

export type ProposalState =
  | 'draft'
  | 'submitted'
  | 'under_review'
  | 'revision_requested'
  | 'recommended'
  | 'approved'
  | 'rejected';

export interface DemoProposal {
  title: string;
  unit: UnitCode;
  proposerName: string;
  proposerEmail: string;
  sourceChannel:
    | 'call_for_proposals'
    | 'internal_meeting'
    | 'unit_meeting'
    | 'humas_initiative'
    | 'partner_initiative'
    | 'other';
  partner?: PartnerKey;
  prospectivePartnerName?: string;
  prospectivePartnerType?: InstitutionType;
  prospectivePartnerCountry?: string;
  prospectivePartnerContact?: string;
  cooperationTypes: readonly CooperationTypeCode[];
  objectives: string;
  expectedBenefit: string;
  plannedYear: number;
  kpis: readonly KpiCode[];
  analysis?: DemoAnalysis;
  workflowState: ProposalState;
}

export interface DemoMeetingMinute {
  number: string;
  title: string;
  meetingDate: IsoDate;
  kind: 'internal' | 'with_unit' | 'with_partner';
  place: string;
  chair: string;
  minuteTaker: string;
  attendees: { name: string; role: string; organisation: string }[];
  unit?: UnitCode;
  agenda: string;
  discussion: string;
  /** `proposal` is the title of the proposal the decision is about. */
  decisions: { text: string; proposal?: string }[];
  actionItems: { description: string; owner: string; dueDate: IsoDate; done: boolean }[];
  workflowState: 'draft' | 'final';
  finalizedAt?: string;
}

export interface DemoEvaluationReport {
  year: number;
  title: string;
  figures: Record<string, unknown>;
  findings: string;
  problems: string;
  recommendations: string;
  workflowState: 'final';
  finalizedAt: string;
}

export interface DemoAnnualProgram {
  year: number;
  title: string;
  summary: string;
  workflowState: 'approved';
  revisionNumber: number;
  approvedAt: string;
  approvedBy: string;
}

export type ProgramItemState = 'planned' | 'in_progress' | 'done' | 'cancelled';

export interface DemoProgramItem {
  title: string;
  partner: PartnerKey;
  cooperationType: CooperationTypeCode;
  units: readonly UnitCode[];
  /** Title of the approved proposal the item comes from. */
  proposal?: string;
  quarter: 'Q1' | 'Q2' | 'Q3' | 'Q4';
  plannedStart: IsoDate;
  plannedEnd: IsoDate;
  budget: number;
  expectedOutput: string;
  kpis: readonly KpiCode[];
  workflowState: ProgramItemState;
}

export interface DemoMonitoringRecord {
  /** Key of the agreement monitored. */
  agreement?: string;
  /** Title of the program item monitored. */
  programItem?: string;
  monitoredOn: IsoDate;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  implementationState: 'not_started' | 'on_track' | 'delayed' | 'completed' | 'no_activity';
  activitiesCount: number;
  outputs: string;
  studentParticipants: number;
  lecturerParticipants: number;
  studentsWithCredits: number;
  creditsRecognised: number;
  certificatesIssued: number;
  followUp: string;
}

export interface DemoYear {
  year: number;
  partners: DemoPartner[];
  agreements: DemoAgreement[];
  needsMappings: DemoNeedsMapping[];
  annualTargets: DemoAnnualTarget[];
  proposals: DemoProposal[];
  meetingMinutes: DemoMeetingMinute[];
  evaluationReport: DemoEvaluationReport;
  annualProgram: DemoAnnualProgram;
  /** All belong to `annualProgram`. */
  programItems: DemoProgramItem[];
  monitoringRecords: DemoMonitoringRecord[];
}

/** The demo year as seen on `today`. */
export function buildDemoYear(today: Date): DemoYear {
  const clock = createClock(today);
  const proposals = buildProposals(clock);
  const programItems = buildProgramItems(clock, proposals);
  const agreements = buildAgreements(clock, proposals);
  return {
    year: clock.year,
    partners: buildPartners(),
    agreements,
    needsMappings: buildNeedsMappings(clock.year),
    annualTargets: buildAnnualTargets(clock.year),
    proposals,
    meetingMinutes: buildMeetingMinutes(clock, proposals),
    evaluationReport: buildEvaluationReport(clock),
    annualProgram: buildAnnualProgram(clock),
    programItems,
    monitoringRecords: buildMonitoringRecords(clock, agreements),
  };
}

/** Agreements that bind the partner today: the ones that make a partner listable. */
export function isInForce(agreement: Pick<DemoAgreement, 'validityState'>): boolean {
  return agreement.validityState === 'active' || agreement.validityState === 'expiring';
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

interface Clock {
  today: IsoDate;
  year: number;
  /** The date `offset` days from today (negative: in the past). */
  day(offset: number): IsoDate;
  /**
   * The period from `startOffset` to `endOffset` days from today, moved as a whole (keeping its
   * length) so that it lies inside the demo year.
   */
  periodInYear(startOffset: number, endOffset: number): { start: IsoDate; end: IsoDate };
  /** An instant at 09:00 WIB on the given date, never later than today. */
  instantOn(date: IsoDate): string;
}

function createClock(now: Date): Clock {
  const today = toIsoDate(now);
  const year = Number(today.slice(0, 4));
  const day = (offset: number) => addDays(today, offset);
  const earlier = (a: IsoDate, b: IsoDate) => (compareIsoDates(a, b) <= 0 ? a : b);
  const firstDay = `${year}-01-01`;
  const lastDay = `${year}-12-31`;
  return {
    today,
    year,
    day,
    periodInYear: (startOffset, endOffset) => {
      const overflow = Math.max(0, daysBetween(lastDay, day(endOffset)));
      const underflow = Math.max(0, daysBetween(day(startOffset), firstDay));
      const shift = underflow - overflow;
      return { start: day(startOffset + shift), end: day(endOffset + shift) };
    },
    instantOn: (date) => `${earlier(date, today)}T02:00:00.000Z`,
  };
}

function quarterOf(date: IsoDate): DemoProgramItem['quarter'] {
  const quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  return `Q${quarter}` as DemoProgramItem['quarter'];
}

/** Where a scheduled item stands on `today`, judged by its planned dates. */
function scheduleState(start: IsoDate, end: IsoDate, today: IsoDate): ProgramItemState {
  if (compareIsoDates(today, start) < 0) return 'planned';
  return compareIsoDates(today, end) > 0 ? 'done' : 'in_progress';
}

// ---------------------------------------------------------------------------------------------
// Partners
// ---------------------------------------------------------------------------------------------

interface PartnerSpec extends Omit<DemoPartner, 'name' | 'website' | 'contacts'> {
  name: string;
  /** Fake domain for the website and the contacts' e-mail addresses. */
  domain: string;
  contacts: { name: string; position: string; mailbox: string; phone: string }[];
}

const PARTNERS: readonly PartnerSpec[] = [
  {
    key: 'shipyard',
    name: 'PT Galangan Kapal Batam Sejahtera',
    institutionType: 'industry',
    level: 'local_regional',
    country: 'ID',
    city: 'Batam',
    domain: 'galangan-batam-sejahtera.example',
    publicDescription:
      'Galangan kapal di Tanjung Uncang yang membangun dan mereparasi kapal niaga; mitra magang dan ' +
      'pengembangan kompetensi bidang konstruksi perkapalan dan pengelasan.',
    iku6Category: 'national_company',
    contacts: [
      { name: 'Hendra Saputra', position: 'HR Manager', mailbox: 'hendra.saputra', phone: '+62 778 555 0101' },
      { name: 'Yuliana Sari', position: 'Training Coordinator', mailbox: 'training', phone: '+62 778 555 0102' },
    ],
    internalNotes: 'Kuota magang 20-25 mahasiswa per semester; surat pengantar dikirim paling lambat H-30.',
    workflowState: 'approved',
  },
  {
    key: 'electronics',
    name: 'PT Elektronika Presisi Batamindo',
    institutionType: 'industry',
    level: 'national',
    country: 'ID',
    city: 'Batam',
    domain: 'elektronika-presisi.example',
    publicDescription:
      'Produsen perakitan elektronik (SMT) di kawasan industri Muka Kuning; mitra teaching factory, ' +
      'pengembangan kurikulum dan rekrutmen lulusan Teknik Elektro.',
    iku6Category: 'multinational_company',
    contacts: [
      { name: 'Agus Wibowo', position: 'Plant Manager', mailbox: 'agus.wibowo', phone: '+62 778 555 0201' },
      { name: 'Meilani Tan', position: 'Talent Acquisition Lead', mailbox: 'recruitment', phone: '+62 778 555 0202' },
    ],
    internalNotes: 'Meminta laporan TEFA tiap triwulan. Rekrutmen lulusan TEM-D3 setiap Agustus.',
    workflowState: 'approved',
  },
  {
    key: 'aeroMro',
    name: 'PT Aero Teknik Nusantara',
    institutionType: 'industry',
    level: 'national',
    country: 'ID',
    city: 'Batam',
    domain: 'aero-teknik-nusantara.example',
    publicDescription:
      'Perusahaan perawatan pesawat (MRO) di Bandara Hang Nadim; mitra kuliah praktisi, magang dan ' +
      'sertifikasi teknisi perawatan pesawat udara.',
    iku6Category: 'national_company',
    contacts: [
      { name: 'Capt. Rudi Hartono', position: 'Quality Manager', mailbox: 'quality', phone: '+62 778 555 0301' },
    ],
    internalNotes: 'Akses hanggar memerlukan pas bandara; ajukan nama peserta dua minggu sebelumnya.',
    workflowState: 'approved',
  },
  {
    key: 'logistics',
    name: 'PT Logistik Selat Nusantara',
    institutionType: 'industry',
    level: 'local_regional',
    country: 'ID',
    city: 'Batam',
    domain: 'logistik-selat.example',
    publicDescription: 'Perusahaan jasa pengurusan transportasi dan pergudangan di Batu Ampar.',
    iku6Category: 'national_company',
    contacts: [
      { name: 'Dewi Lestari', position: 'General Affairs', mailbox: 'dewi.lestari', phone: '+62 778 555 0401' },
    ],
    internalNotes: 'MoU sudah berakhir; pembaruan dibahas dengan Jurusan Manajemen Bisnis.',
    workflowState: 'approved',
  },
  {
    key: 'bpBatam',
    name: 'Badan Pengusahaan Batam',
    institutionType: 'government',
    level: 'local_regional',
    country: 'ID',
    city: 'Batam',
    domain: 'bp-batam.example',
    publicDescription:
      'Otoritas kawasan perdagangan bebas Batam; mitra penelitian terapan, pengabdian kepada masyarakat ' +
      'dan pemanfaatan fasilitas bersama.',
    iku6Category: 'government_agency',
    contacts: [
      {
        name: 'Ir. Samsul Bahri',
        position: 'Kepala Bagian Kerjasama',
        mailbox: 'kerjasama',
        phone: '+62 778 555 0501',
      },
    ],
    internalNotes: 'Korespondensi resmi melalui surat; tembusan ke Direktur.',
    workflowState: 'approved',
  },
  {
    key: 'cityGovernment',
    name: 'Pemerintah Kota Batam',
    institutionType: 'government',
    level: 'local_regional',
    country: 'ID',
    city: 'Batam',
    domain: 'pemko-batam.example',
    publicDescription: 'Pemerintah daerah Kota Batam; calon mitra program pengabdian bagi UMKM.',
    iku6Category: 'government_agency',
    contacts: [
      { name: 'Nurhayati', position: 'Kabid UMKM, Dinas Koperasi', mailbox: 'umkm', phone: '+62 778 555 0601' },
    ],
    internalNotes: 'Diusulkan oleh P3M; menunggu penetapan dinas penanggung jawab.',
    workflowState: 'proposed',
  },
  {
    key: 'nationalUniversity',
    name: 'Universitas Teknologi Nusantara',
    institutionType: 'university',
    level: 'national',
    country: 'ID',
    city: 'Bandung',
    domain: 'utn.example',
    publicDescription: 'Perguruan tinggi teknologi; mitra pertukaran mahasiswa dan transfer kredit (MBKM).',
    iku6Category: 'other',
    contacts: [
      { name: 'Dr. Ratna Kusuma', position: 'Kepala Kantor Kerjasama', mailbox: 'kerjasama', phone: '+62 22 555 0701' },
    ],
    internalNotes: 'Ekuivalensi mata kuliah ditinjau tiap semester oleh kedua kaprodi.',
    workflowState: 'approved',
  },
  {
    key: 'singapore',
    name: 'Singapore Institute of Applied Engineering',
    institutionType: 'university',
    level: 'international',
    country: 'SG',
    city: 'Singapore',
    domain: 'siae.example',
    publicDescription:
      'Institusi pendidikan teknik terapan di Singapura; mitra mobilitas mahasiswa dan dosen bidang ' +
      'mekatronika dan robotika.',
    iku6Category: 'top_university',
    contacts: [
      { name: 'Ms. Grace Lim', position: 'International Relations Officer', mailbox: 'global', phone: '+65 6555 0801' },
    ],
    internalNotes: 'Program singkat dua minggu; biaya hidup ditanggung peserta kecuali ada hibah.',
    workflowState: 'approved',
  },
  {
    key: 'malaysia',
    name: 'Universiti Teknikal Johor',
    institutionType: 'university',
    level: 'international',
    country: 'MY',
    city: 'Johor Bahru',
    domain: 'utj.example',
    publicDescription: 'Universitas teknik di Johor; mitra mobilitas dan penelitian bersama.',
    iku6Category: 'other',
    contacts: [
      {
        name: 'Dr. Aminah Yusof',
        position: 'Deputy Director, Global Office',
        mailbox: 'aminah',
        phone: '+60 7 555 0901',
      },
    ],
    internalNotes: 'Belum ada kegiatan sejak MoU ditandatangani; perlu rapat koordinasi.',
    workflowState: 'approved',
  },
  {
    key: 'japan',
    name: 'Kansai Institute of Technology',
    institutionType: 'university',
    level: 'international',
    country: 'JP',
    city: 'Osaka',
    domain: 'kansai-it.example',
    publicDescription: 'Institut teknologi di Osaka; mitra rintisan program gelar ganda Teknik Mekatronika.',
    iku6Category: 'top_university',
    contacts: [
      {
        name: 'Prof. Kenji Watanabe',
        position: 'Dean of Engineering',
        mailbox: 'k.watanabe',
        phone: '+81 6 5555 1001',
      },
    ],
    internalNotes: 'Syarat bahasa: JLPT N4 untuk peserta gelar ganda.',
    workflowState: 'approved',
  },
  {
    key: 'germany',
    name: 'Hochschule für Angewandte Technik Bremen',
    institutionType: 'university',
    level: 'international',
    country: 'DE',
    city: 'Bremen',
    domain: 'hat-bremen.example',
    publicDescription: 'Perguruan tinggi ilmu terapan di Bremen; bidang teknik pengelasan dan material.',
    iku6Category: 'other',
    contacts: [
      {
        name: 'Dr.-Ing. Stefan Krüger',
        position: 'International Office',
        mailbox: 'international',
        phone: '+49 421 555 1101',
      },
    ],
    internalNotes: 'MoU berakhir; mitra bersedia memperbarui setelah kunjungan.',
    workflowState: 'approved',
  },
  {
    key: 'certificationBody',
    name: 'LSP Teknologi Kepulauan Riau',
    institutionType: 'certification_body',
    level: 'local_regional',
    country: 'ID',
    city: 'Batam',
    domain: 'lsp-tekno-kepri.example',
    publicDescription:
      'Lembaga sertifikasi profesi berlisensi BNSP; mitra uji kompetensi mahasiswa dan lulusan Teknik ' +
      'Elektro dan Teknik Mesin.',
    iku6Category: 'other',
    contacts: [
      { name: 'Fajar Nugroho', position: 'Manajer Sertifikasi', mailbox: 'sertifikasi', phone: '+62 778 555 1201' },
    ],
    internalNotes: 'Biaya uji per peserta ditagihkan setelah asesmen; kuota asesor 6 orang per batch.',
    workflowState: 'approved',
  },
  {
    key: 'association',
    name: 'Asosiasi Industri Galangan Kapal Kepri',
    institutionType: 'association',
    level: 'local_regional',
    country: 'ID',
    city: 'Batam',
    domain: 'aigk-kepri.example',
    publicDescription: 'Asosiasi perusahaan galangan kapal di Kepulauan Riau.',
    iku6Category: 'other',
    contacts: [
      { name: 'Bambang Irawan', position: 'Sekretaris Jenderal', mailbox: 'sekretariat', phone: '+62 778 555 1301' },
    ],
    internalNotes: 'Data awal dari pameran industri; belum diusulkan.',
    workflowState: 'draft',
  },
];

function buildPartners(): DemoPartner[] {
  return PARTNERS.map(({ domain, contacts, name, ...partner }) => ({
    ...partner,
    name: DEMO_PREFIX + name,
    website: `https://www.${domain}`,
    contacts: contacts.map(({ mailbox, ...contact }) => ({ ...contact, email: `${mailbox}@${domain}` })),
  }));
}

// ---------------------------------------------------------------------------------------------
// Proposals
// ---------------------------------------------------------------------------------------------

/** Proposal titles other records point at. */
const PROPOSAL = {
  practitionerAccounting: `${DEMO_PREFIX}Kuliah praktisi akuntansi biaya manufaktur`,
  smtInternship: `${DEMO_PREFIX}Magang satu semester di lini perakitan SMT`,
  educationalGame: `${DEMO_PREFIX}Pengembangan gim edukasi bersama studio gim lokal`,
  aircraftLicence: `${DEMO_PREFIX}Sertifikasi basic licence teknisi perawatan pesawat`,
  doubleDegree: `${DEMO_PREFIX}Rintisan gelar ganda D4 Teknik Mekatronika dengan mitra Jepang`,
  graduateCertification: `${DEMO_PREFIX}Uji kompetensi lulusan Teknik Elektro dan Teknik Mesin bersama LSP`,
  logisticsScholarship: `${DEMO_PREFIX}Beasiswa ikatan dinas mahasiswa logistik`,
  energyResearch: `${DEMO_PREFIX}Penelitian bersama pemantauan energi kawasan industri`,
} as const;

const ANALYST = 'Kapokja Humas & Kerjasama (demo)';
const VISION_ALIGNMENT =
  'Sejalan dengan visi Polibatam sebagai politeknik generasi baru yang bermitra erat dengan industri ' +
  'dan masyarakat.';

function buildProposals({ year, day }: Clock): DemoProposal[] {
  return [
    {
      title: PROPOSAL.practitionerAccounting,
      unit: 'AKM-D4',
      proposerName: 'Sri Handayani',
      proposerEmail: 'sri.handayani@polibatam.example',
      sourceChannel: 'call_for_proposals',
      partner: 'electronics',
      cooperationTypes: ['DOSEN-PRAKTISI'],
      objectives: 'Menghadirkan praktisi akuntansi biaya dari industri manufaktur pada mata kuliah Akuntansi Biaya.',
      expectedBenefit: 'Mahasiswa memahami penerapan activity-based costing di pabrik elektronik.',
      plannedYear: year,
      kpis: ['B.1.2.9.3'],
      workflowState: 'draft',
    },
    {
      title: PROPOSAL.smtInternship,
      unit: 'TEM-D3',
      proposerName: 'Andi Pratama',
      proposerEmail: 'andi.pratama@polibatam.example',
      sourceChannel: 'call_for_proposals',
      partner: 'electronics',
      cooperationTypes: ['MAGANG'],
      objectives: 'Menempatkan 15 mahasiswa TEM-D3 magang satu semester di lini perakitan SMT mitra.',
      expectedBenefit: 'Pengakuan 20 SKS per mahasiswa dan peluang rekrutmen setelah lulus.',
      plannedYear: year + 1,
      kpis: ['B.1.2.5.8', 'B.1.2.9.3'],
      workflowState: 'submitted',
    },
    {
      title: PROPOSAL.educationalGame,
      unit: 'TP-D4',
      proposerName: 'Yoga Permana',
      proposerEmail: 'yoga.permana@polibatam.example',
      sourceChannel: 'unit_meeting',
      prospectivePartnerName: `${DEMO_PREFIX}PT Studio Gim Nongsa`,
      prospectivePartnerType: 'industry',
      prospectivePartnerCountry: 'ID',
      prospectivePartnerContact: 'Rina Maharani, Producer, rina@studio-gim-nongsa.example, +62 812 5550 1401',
      cooperationTypes: ['PJBL', 'DOSEN-PRAKTISI'],
      objectives: 'Proyek pembelajaran berbasis proyek: mahasiswa membuat gim edukasi pesanan studio mitra.',
      expectedBenefit: 'Portofolio produk nyata bagi mahasiswa Teknologi Permainan dan jejaring industri kreatif.',
      plannedYear: year + 1,
      kpis: ['B.1.2.5.8', 'B.1.2.9.3'],
      workflowState: 'submitted',
    },
    {
      title: PROPOSAL.aircraftLicence,
      unit: 'TPPU-D3',
      proposerName: 'Rahmat Hidayat',
      proposerEmail: 'rahmat.hidayat@polibatam.example',
      sourceChannel: 'unit_meeting',
      partner: 'aeroMro',
      cooperationTypes: ['SERTIFIKASI', 'MAGANG-DOSEN'],
      objectives: 'Menyiapkan lulusan TPPU-D3 dan dua instruktur menempuh ujian basic licence bersama mitra MRO.',
      expectedBenefit: 'Sertifikat kompetensi bagi lulusan dan pembaruan kompetensi instruktur.',
      plannedYear: year + 1,
      kpis: ['B.1.2.6.16.c', 'B.1.2.9.3'],
      analysis: {
        visionAlignment: VISION_ALIGNMENT,
        needsAlignment: 'Tercantum pada pemetaan kebutuhan Jurusan Teknik Mesin tahun ini (prioritas tinggi).',
        feasibility: 'Biaya ujian per peserta belum dikonfirmasi mitra; sedang dihitung.',
        risk: 'Jadwal hanggar mitra padat pada musim puncak perawatan.',
        analysedBy: ANALYST,
        analysedOn: day(-3),
      },
      workflowState: 'under_review',
    },
    {
      title: PROPOSAL.doubleDegree,
      unit: 'OIA',
      proposerName: 'Lina Marlina',
      proposerEmail: 'lina.marlina@polibatam.example',
      sourceChannel: 'partner_initiative',
      partner: 'japan',
      cooperationTypes: ['GELAR-GANDA', 'MOBILITAS-INTL'],
      objectives: 'Menyusun skema gelar ganda 3+1 untuk mahasiswa D4 Teknik Mekatronika.',
      expectedBenefit: 'Lulusan bergelar ganda, pengakuan SKS dan mitra internasional bereputasi.',
      plannedYear: year + 1,
      kpis: ['B.1.2.5.8', 'B.1.2.9.3'],
      analysis: {
        visionAlignment: VISION_ALIGNMENT,
        needsAlignment: 'Mendukung target kerjasama internasional dan kebutuhan prodi MEK-D4.',
        feasibility: 'Kurikulum 80% setara; perlu penyesuaian dua mata kuliah dan pelatihan bahasa Jepang.',
        risk: 'Biaya hidup di Osaka tinggi; perlu beasiswa agar peserta tidak terbatas.',
        recommendation: 'proceed_with_conditions',
        analysedBy: ANALYST,
        analysedOn: day(-35),
      },
      workflowState: 'recommended',
    },
    {
      title: PROPOSAL.graduateCertification,
      unit: 'HUMAS',
      proposerName: 'Fitri Ramadhani',
      proposerEmail: 'fitri.ramadhani@polibatam.example',
      sourceChannel: 'humas_initiative',
      partner: 'certificationBody',
      cooperationTypes: ['SERTIFIKASI'],
      objectives: 'Uji kompetensi bagi calon lulusan Teknik Elektro dan Teknik Mesin sebelum wisuda.',
      expectedBenefit: 'Sertifikat kompetensi BNSP bagi sedikitnya 150 lulusan.',
      plannedYear: year,
      kpis: ['B.1.2.6.16.c', 'B.1.2.9.3'],
      analysis: {
        visionAlignment: VISION_ALIGNMENT,
        needsAlignment: 'Menjawab kebutuhan sertifikasi yang diajukan JTE dan JTM.',
        feasibility: 'Anggaran tersedia pada DIPA; mitra telah menyiapkan asesor.',
        risk: 'Rendah: skema sertifikasi sudah berjalan tahun lalu.',
        recommendation: 'proceed',
        analysedBy: ANALYST,
        analysedOn: day(-60),
      },
      workflowState: 'approved',
    },
    {
      title: PROPOSAL.logisticsScholarship,
      unit: 'LPI-D4',
      proposerName: 'Hendri Gunawan',
      proposerEmail: 'hendri.gunawan@polibatam.example',
      sourceChannel: 'call_for_proposals',
      partner: 'logistics',
      cooperationTypes: ['BEASISWA'],
      objectives: 'Beasiswa ikatan dinas dua tahun bagi lima mahasiswa Logistik Perdagangan Internasional.',
      expectedBenefit: 'Biaya studi mahasiswa tertanggung dan penempatan kerja setelah lulus.',
      plannedYear: year,
      kpis: ['B.1.2.9.3'],
      analysis: {
        visionAlignment: VISION_ALIGNMENT,
        needsAlignment: 'Kebutuhan beasiswa tidak tercantum pada pemetaan unit tahun ini.',
        feasibility: 'MoU dengan mitra sudah berakhir dan belum diperbarui.',
        risk: 'Ikatan dinas lima tahun memberatkan mahasiswa dan tidak sesuai pedoman beasiswa.',
        recommendation: 'do_not_proceed',
        analysedBy: ANALYST,
        analysedOn: day(-50),
      },
      workflowState: 'rejected',
    },
    {
      title: PROPOSAL.energyResearch,
      unit: 'P3M',
      proposerName: 'Dr. Wahyu Setiawan',
      proposerEmail: 'wahyu.setiawan@polibatam.example',
      sourceChannel: 'internal_meeting',
      partner: 'bpBatam',
      cooperationTypes: ['PENELITIAN', 'FASILITAS-BERSAMA'],
      objectives: 'Penelitian terapan sistem pemantauan konsumsi energi gedung di kawasan industri.',
      expectedBenefit: 'Publikasi bersama, purwarupa sistem pemantauan dan data untuk kebijakan energi.',
      plannedYear: year + 1,
      kpis: ['B.1.2.9.3'],
      analysis: {
        visionAlignment: VISION_ALIGNMENT,
        needsAlignment: 'Sesuai rencana induk penelitian P3M.',
        feasibility: 'Rencana anggaran belum merinci kontribusi mitra.',
        risk: 'Akses data meter energi memerlukan izin tertulis dari mitra.',
        analysedBy: ANALYST,
        analysedOn: day(-35),
      },
      workflowState: 'revision_requested',
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Agreements
// ---------------------------------------------------------------------------------------------

interface AgreementSpec {
  key: string;
  kind: AgreementKind;
  partner: PartnerKey;
  parent?: string;
  partnerNumber?: string;
  title: string;
  scope: string;
  units: readonly UnitCode[];
  cooperationTypes: readonly CooperationTypeCode[];
  /** Days from today; absent: not signed yet. */
  signed?: number;
  start: number;
  end: number;
  value?: number;
  originProposal?: string;
}

/**
 * Offsets in days from today. Children lie within their parent's period whatever today is,
 * because both are offsets from the same day.
 */
function agreementSpecs(): AgreementSpec[] {
  return [
    {
      key: 'shipyard-mou',
      kind: 'mou',
      partner: 'shipyard',
      partnerNumber: 'GKBS/HRD/MOU/017',
      title: 'Nota kesepahaman pengembangan SDM industri perkapalan',
      scope: 'Pendidikan vokasi, magang, pelatihan dosen dan rekrutmen di bidang perkapalan.',
      units: ['DIR', 'JTM'],
      cooperationTypes: ['MAGANG', 'MAGANG-DOSEN', 'REKRUTMEN'],
      signed: -730,
      start: -730,
      end: 1095,
    },
    {
      key: 'shipyard-moa',
      kind: 'moa',
      partner: 'shipyard',
      parent: 'shipyard-mou',
      partnerNumber: 'GKBS/HRD/PKS/042',
      title: 'Perjanjian kerjasama magang mahasiswa dan magang dosen perkapalan',
      scope: 'Magang mahasiswa TRKP-D4 dan TRPF-D4 satu semester; magang dosen dua orang per tahun.',
      units: ['JTM', 'TRKP-D4', 'TRPF-D4'],
      cooperationTypes: ['MAGANG', 'MAGANG-DOSEN'],
      signed: -400,
      start: -395,
      end: 700,
      value: 250_000_000,
    },
    {
      key: 'shipyard-ia',
      kind: 'ia',
      partner: 'shipyard',
      parent: 'shipyard-moa',
      title: 'Pengaturan pelaksanaan magang semester berjalan, konstruksi perkapalan',
      scope: 'Penempatan 18 mahasiswa TRKP-D4 di bengkel fabrikasi lambung kapal.',
      units: ['TRKP-D4'],
      cooperationTypes: ['MAGANG'],
      signed: -160,
      start: -150,
      end: 45,
    },
    {
      key: 'electronics-mou',
      kind: 'mou',
      partner: 'electronics',
      title: 'Nota kesepahaman kerjasama pendidikan vokasi bidang elektronika',
      scope: 'Teaching factory, kurikulum bersama, magang dan rekrutmen lulusan.',
      units: ['DIR', 'JTE'],
      cooperationTypes: ['TEFA', 'KURIKULUM-BERSAMA', 'REKRUTMEN'],
      signed: -1100,
      start: -1100,
      end: 725,
    },
    {
      key: 'electronics-moa',
      kind: 'moa',
      partner: 'electronics',
      parent: 'electronics-mou',
      partnerNumber: 'EPB/LEGAL/2-118',
      title: 'Perjanjian kerjasama teaching factory perakitan SMT dan kurikulum bersama',
      scope: 'Lini SMT mini di kampus untuk pesanan mitra; peninjauan kurikulum TEM-D3 dan TRE-D4.',
      units: ['JTE', 'TEM-D3', 'TRE-D4'],
      cooperationTypes: ['TEFA', 'KURIKULUM-BERSAMA', 'REKRUTMEN'],
      signed: -300,
      start: -290,
      end: 430,
      value: 480_000_000,
    },
    {
      key: 'aero-moa',
      kind: 'moa',
      partner: 'aeroMro',
      partnerNumber: 'ATN/QA/PKS/009',
      title: 'Perjanjian kerjasama kuliah praktisi dan magang perawatan pesawat udara',
      scope: 'Kuliah praktisi oleh engineer berlisensi dan magang mahasiswa TPPU-D3 di hanggar mitra.',
      units: ['JTM', 'TPPU-D3'],
      cooperationTypes: ['DOSEN-PRAKTISI', 'MAGANG'],
      signed: -420,
      start: -410,
      end: 320,
      value: 150_000_000,
    },
    {
      key: 'logistics-mou',
      kind: 'mou',
      partner: 'logistics',
      title: 'Nota kesepahaman kerjasama bidang logistik dan pergudangan',
      scope: 'Praktik kerja lapangan dan magang mahasiswa Logistik Perdagangan Internasional.',
      units: ['JMB', 'LPI-D4'],
      cooperationTypes: ['PRAKTIK-INDUSTRI', 'MAGANG'],
      signed: -1860,
      start: -1855,
      end: -30,
    },
    {
      key: 'bpbatam-mou',
      kind: 'mou',
      partner: 'bpBatam',
      partnerNumber: 'BPB/KS/MOU/031',
      title: 'Nota kesepahaman pengembangan SDM dan penerapan teknologi kawasan Batam',
      scope: 'Penelitian terapan, pengabdian kepada masyarakat dan pemanfaatan fasilitas bersama.',
      units: ['DIR', 'P3M'],
      cooperationTypes: ['PENELITIAN', 'PENGABDIAN', 'FASILITAS-BERSAMA'],
      signed: -500,
      start: -500,
      end: 1325,
    },
    {
      key: 'utn-mou',
      kind: 'mou',
      partner: 'nationalUniversity',
      title: 'Nota kesepahaman kerjasama tridharma perguruan tinggi',
      scope: 'Pendidikan, penelitian dan pengabdian, termasuk pertukaran mahasiswa.',
      units: ['DIR'],
      cooperationTypes: ['MBKM-TRANSFER', 'PENELITIAN'],
      signed: -900,
      start: -900,
      end: 925,
    },
    {
      key: 'utn-moa',
      kind: 'moa',
      partner: 'nationalUniversity',
      parent: 'utn-mou',
      partnerNumber: 'UTN/KS/PKS/077',
      title: 'Perjanjian kerjasama pertukaran mahasiswa dan transfer kredit MBKM',
      scope: 'Pertukaran mahasiswa satu semester dengan pengakuan hingga 20 SKS.',
      units: ['JTI', 'TI-D3', 'TRPL-D4'],
      cooperationTypes: ['MBKM-TRANSFER'],
      signed: -250,
      start: -240,
      end: 480,
    },
    {
      key: 'siae-mou',
      kind: 'mou',
      partner: 'singapore',
      partnerNumber: 'SIAE-IR-MOU-2-04',
      title: 'Memorandum of understanding on academic cooperation',
      scope: 'Mobilitas mahasiswa dan dosen, program singkat dan penelitian bersama.',
      units: ['DIR', 'OIA'],
      cooperationTypes: ['MOBILITAS-INTL', 'PENELITIAN'],
      signed: -600,
      start: -600,
      end: 1225,
    },
    {
      key: 'siae-ia',
      kind: 'ia',
      partner: 'singapore',
      parent: 'siae-mou',
      title: 'Implementation arrangement: short programme in mechatronics and robotics',
      scope: 'Program singkat dua minggu bagi mahasiswa MEK-D4 dan ROB-D4, serta pertukaran dosen.',
      units: ['OIA', 'MEK-D4', 'ROB-D4'],
      cooperationTypes: ['MOBILITAS-INTL'],
      signed: -120,
      start: -100,
      end: 265,
    },
    {
      key: 'utj-mou',
      kind: 'mou',
      partner: 'malaysia',
      title: 'Memorandum of understanding on education and research collaboration',
      scope: 'Mobilitas mahasiswa, penelitian bersama di bidang manajemen rantai pasok.',
      units: ['OIA', 'JMB'],
      cooperationTypes: ['MOBILITAS-INTL', 'PENELITIAN'],
      signed: -200,
      start: -200,
      end: 1625,
    },
    {
      key: 'kit-mou',
      kind: 'mou',
      partner: 'japan',
      title: 'Memorandum of understanding on academic exchange',
      scope: 'Pertukaran akademik, mobilitas dan rintisan program gelar ganda.',
      units: ['DIR', 'OIA'],
      cooperationTypes: ['MOBILITAS-INTL', 'GELAR-GANDA'],
      signed: -800,
      start: -800,
      end: 1025,
    },
    {
      key: 'kit-moa-draft',
      kind: 'moa',
      partner: 'japan',
      parent: 'kit-mou',
      title: 'Agreement on the double degree programme in mechatronics engineering (draft)',
      scope: 'Skema 3+1: tiga tahun di Polibatam, satu tahun di Osaka; pengakuan SKS timbal balik.',
      units: ['OIA', 'MEK-D4'],
      cooperationTypes: ['GELAR-GANDA'],
      start: 60,
      end: 1020,
      originProposal: PROPOSAL.doubleDegree,
    },
    {
      key: 'hat-mou',
      kind: 'mou',
      partner: 'germany',
      title: 'Memorandum of understanding on cooperation in welding technology',
      scope: 'Pertukaran dosen, kunjungan laboratorium dan pelatihan teknologi pengelasan.',
      units: ['JTM', 'TRPF-D4'],
      cooperationTypes: ['MAGANG-DOSEN', 'STUDI-BANDING'],
      signed: -2000,
      start: -1990,
      end: -165,
    },
    {
      key: 'lsp-moa',
      kind: 'moa',
      partner: 'certificationBody',
      partnerNumber: 'LSP-TK/PKS/2-015',
      title: 'Perjanjian kerjasama uji kompetensi mahasiswa dan lulusan',
      scope: 'Uji kompetensi skema elektronika manufaktur, pengelasan dan permesinan di TUK Polibatam.',
      units: ['JTE', 'JTM', 'TEM-D3', 'TM-D3', 'TRPF-D4'],
      cooperationTypes: ['SERTIFIKASI'],
      signed: -330,
      start: -330,
      end: 400,
      value: 95_000_000,
      originProposal: PROPOSAL.graduateCertification,
    },
  ];
}

function buildAgreements({ today, year, day }: Clock, proposals: DemoProposal[]): DemoAgreement[] {
  const proposalTitles = new Set(proposals.map((proposal) => proposal.title));
  return agreementSpecs().map((spec, index) => {
    const { signed, start, end, partnerNumber, title, originProposal, ...rest } = spec;
    const signedDate = signed === undefined ? undefined : day(signed);
    const endDate = day(end);
    const numberYear = signedDate ? signedDate.slice(0, 4) : String(year);
    const sequence = String(index + 1).padStart(3, '0');
    if (originProposal && !proposalTitles.has(originProposal)) {
      throw new Error(`Demo agreement ${spec.key} comes from an unknown proposal: ${originProposal}`);
    }
    return {
      ...rest,
      ourNumber: `DEMO/PL29/KS/${numberYear}/${sequence}`,
      partnerNumber: partnerNumber && `DEMO-${partnerNumber}`,
      title: DEMO_PREFIX + title,
      signedDate,
      startDate: day(start),
      endDate,
      indefinite: false,
      currency: 'IDR',
      validityState: validityState({ signedDate, endDate, indefinite: false, today }),
      originProposal,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Planning: needs mapping and targets
// ---------------------------------------------------------------------------------------------

function buildNeedsMappings(year: number): DemoNeedsMapping[] {
  const rows: [UnitCode, CooperationTypeCode, DemoNeedsMapping['priority'], DemoNeedsMapping['source'], string][] = [
    ['JTI', 'MAGANG', 'high', 'unit_request', 'Kurikulum TI-D3 dan TRPL-D4 mewajibkan magang satu semester.'],
    ['JTI', 'DOSEN-PRAKTISI', 'high', 'unit_request', 'Mata kuliah keamanan siber dan cloud memerlukan praktisi.'],
    ['JTI', 'MBKM-TRANSFER', 'medium', 'evaluation_report', 'Evaluasi tahun lalu: peserta MBKM di bawah target.'],
    ['JTE', 'TEFA', 'high', 'unit_meeting', 'Lini SMT mini perlu pesanan rutin dari industri.'],
    ['JTE', 'SERTIFIKASI', 'high', 'unit_request', 'Seluruh calon lulusan TEM-D3 ditargetkan bersertifikat.'],
    ['JTE', 'KURIKULUM-BERSAMA', 'medium', 'unit_meeting', 'Peninjauan kurikulum TRE-D4 terjadwal tahun ini.'],
    ['JTM', 'MAGANG-DOSEN', 'medium', 'internal_meeting', 'Lima dosen belum memiliki pengalaman industri terkini.'],
    [
      'JTM',
      'SERTIFIKASI',
      'high',
      'unit_meeting',
      'Sertifikat juru las dan basic licence dibutuhkan pengguna lulusan.',
    ],
    ['TPPU-D3', 'MAGANG', 'high', 'unit_request', 'Magang di hanggar MRO adalah syarat kelulusan program.'],
    ['TRKP-D4', 'PJBL', 'medium', 'unit_request', 'Proyek desain kapal dari galangan untuk tugas akhir terapan.'],
    ['JMB', 'MBKM-TRANSFER', 'medium', 'unit_request', 'Mahasiswa AKM-D4 meminati pertukaran ke universitas mitra.'],
    ['JMB', 'REKRUTMEN', 'low', 'evaluation_report', 'Serapan lulusan ABT-D4 sudah baik; cukup dipertahankan.'],
    ['OIA', 'MOBILITAS-INTL', 'high', 'internal_meeting', 'Target kerjasama internasional belum tercapai tahun lalu.'],
    [
      'P3M',
      'PENELITIAN',
      'high',
      'unit_request',
      'Skema penelitian terapan mensyaratkan mitra industri atau pemerintah.',
    ],
    ['P3M', 'PENGABDIAN', 'medium', 'unit_request', 'Program UMKM binaan bersama pemerintah daerah.'],
    ['CDC', 'REKRUTMEN', 'high', 'unit_request', 'Bursa kerja kampus memerlukan komitmen perekrut tetap.'],
  ];
  return rows.map(([unit, cooperationType, priority, source, rationale]) => ({
    year,
    unit,
    cooperationType,
    priority,
    source,
    rationale,
  }));
}

function buildAnnualTargets(year: number): DemoAnnualTarget[] {
  const institutionWide: Omit<DemoAnnualTarget, 'year'>[] = [
    { metric: 'agreements_signed', targetValue: 20, notes: 'Seluruh jenis naskah (MoU, MoA, IA).' },
    { metric: 'active_partners', targetValue: 60, notes: 'Mitra dengan naskah yang berlaku.' },
    { metric: 'study_programs_iku6', targetValue: 16, notes: 'Prodi yang memenuhi kriteria IKU 6.' },
    {
      metric: 'students_credit_recognised',
      targetValue: 300,
      notes: 'Mahasiswa dengan pengakuan SKS dari kegiatan mitra.',
    },
    { metric: 'certificates_issued', targetValue: 250, notes: 'Sertifikat kompetensi bagi mahasiswa dan lulusan.' },
    {
      partnerLevel: 'international',
      metric: 'agreements_signed',
      targetValue: 5,
      notes: 'Naskah dengan mitra luar negeri.',
    },
  ];
  const perUnit: Omit<DemoAnnualTarget, 'year'>[] = [
    { unit: 'JTI', metric: 'activities_carried_out', targetValue: 12, notes: 'Termasuk kuliah praktisi dan magang.' },
    { unit: 'JTI', cooperationType: 'MBKM-TRANSFER', metric: 'students_credit_recognised', targetValue: 40, notes: '' },
    {
      unit: 'JTE',
      cooperationType: 'TEFA',
      metric: 'agreements_signed',
      targetValue: 3,
      notes: 'Pesanan TEFA dari industri.',
    },
    { unit: 'JTE', cooperationType: 'SERTIFIKASI', metric: 'certificates_issued', targetValue: 120, notes: '' },
    { unit: 'JTM', cooperationType: 'SERTIFIKASI', metric: 'certificates_issued', targetValue: 80, notes: '' },
    {
      unit: 'JTM',
      cooperationType: 'MAGANG',
      metric: 'activities_carried_out',
      targetValue: 4,
      notes: 'Batch magang.',
    },
    { unit: 'JMB', metric: 'students_credit_recognised', targetValue: 60, notes: 'Magang dan pertukaran.' },
    { unit: 'OIA', partnerLevel: 'international', metric: 'active_partners', targetValue: 8, notes: '' },
  ];
  return [...institutionWide, ...perUnit].map((target) => ({ year, ...target }));
}

// ---------------------------------------------------------------------------------------------
// Meetings, evaluation and the annual program
// ---------------------------------------------------------------------------------------------

function buildMeetingMinutes({ day, instantOn }: Clock, proposals: DemoProposal[]): DemoMeetingMinute[] {
  const known = new Set(proposals.map((proposal) => proposal.title));
  const about = (title: string) => {
    if (!known.has(title)) throw new Error(`Demo minutes refer to an unknown proposal: ${title}`);
    return title;
  };
  const internalDate = day(-30);
  const unitMeetingDate = day(-4);
  return [
    {
      number: `${DEMO_PREFIX}01/NOT/HUMAS/${internalDate.slice(0, 4)}`,
      title: `${DEMO_PREFIX}Rapat internal kerjasama: telaah usulan unit`,
      meetingDate: internalDate,
      kind: 'internal',
      place: 'Ruang Rapat Humas & Kerjasama, Gedung Utama',
      chair: 'Kapokja Humas & Kerjasama (demo)',
      minuteTaker: 'Staf Humas (demo)',
      attendees: [
        { name: 'Kapokja Humas & Kerjasama (demo)', role: 'Pimpinan rapat', organisation: 'Humas & Kerjasama' },
        { name: 'Fitri Ramadhani', role: 'Staf Humas', organisation: 'Humas & Kerjasama' },
        { name: 'Lina Marlina', role: 'Koordinator', organisation: 'Office for International Affairs' },
        { name: 'Dr. Wahyu Setiawan', role: 'Kepala P3M', organisation: 'P3M' },
      ],
      unit: 'HUMAS',
      agenda: '1. Telaah usulan kerjasama yang masuk. 2. Tindak lanjut naskah yang akan berakhir.',
      discussion:
        'Usulan gelar ganda dengan mitra Jepang dinilai strategis untuk target internasional; kesetaraan ' +
        'kurikulum sudah 80%. Usulan penelitian energi belum merinci kontribusi mitra.',
      decisions: [
        {
          text: 'Usulan gelar ganda direkomendasikan kepada Direktur dengan syarat skema beasiswa disiapkan.',
          proposal: about(PROPOSAL.doubleDegree),
        },
        {
          text: 'Usulan penelitian energi dikembalikan kepada P3M untuk revisi rencana anggaran.',
          proposal: about(PROPOSAL.energyResearch),
        },
      ],
      actionItems: [
        { description: 'Kirim hasil telaah kepada Direktur.', owner: 'Staf Humas', dueDate: day(-27), done: true },
        { description: 'Revisi rencana anggaran penelitian energi.', owner: 'P3M', dueDate: day(14), done: false },
      ],
      workflowState: 'final',
      finalizedAt: instantOn(day(-29)),
    },
    {
      number: `${DEMO_PREFIX}02/NOT/HUMAS/${unitMeetingDate.slice(0, 4)}`,
      title: `${DEMO_PREFIX}Rapat dengan Jurusan Teknik Mesin: kebutuhan sertifikasi`,
      meetingDate: unitMeetingDate,
      kind: 'with_unit',
      place: 'Ruang Rapat Jurusan Teknik Mesin',
      chair: 'Kapokja Humas & Kerjasama (demo)',
      minuteTaker: 'Staf Humas (demo)',
      attendees: [
        { name: 'Kapokja Humas & Kerjasama (demo)', role: 'Pimpinan rapat', organisation: 'Humas & Kerjasama' },
        { name: 'Ketua Jurusan Teknik Mesin (demo)', role: 'Ketua Jurusan', organisation: 'Jurusan Teknik Mesin' },
        { name: 'Rahmat Hidayat', role: 'Kaprodi TPPU-D3', organisation: 'Jurusan Teknik Mesin' },
      ],
      unit: 'JTM',
      agenda: 'Pemetaan kebutuhan sertifikasi kompetensi dan magang dosen Jurusan Teknik Mesin.',
      discussion: 'Pengguna lulusan meminta sertifikat basic licence; biaya ujian masih dihitung bersama mitra MRO.',
      decisions: [
        {
          text: 'Usulan sertifikasi basic licence dilanjutkan dengan analisis biaya per peserta.',
          proposal: about(PROPOSAL.aircraftLicence),
        },
      ],
      actionItems: [
        {
          description: 'Minta rincian biaya ujian kepada mitra MRO.',
          owner: 'Kaprodi TPPU-D3',
          dueDate: day(10),
          done: false,
        },
        {
          description: 'Daftar dosen calon peserta magang dosen.',
          owner: 'Ketua Jurusan Teknik Mesin',
          dueDate: day(21),
          done: false,
        },
      ],
      workflowState: 'draft',
    },
  ];
}

function buildEvaluationReport({ year, instantOn }: Clock): DemoEvaluationReport {
  const previousYear = year - 1;
  return {
    year: previousYear,
    title: `${DEMO_PREFIX}Laporan Evaluasi Tahunan Kerjasama Tahun ${previousYear}`,
    figures: {
      demo: true,
      targets: [
        { metric: 'agreements_signed', target: 18, achieved: 15 },
        { metric: 'active_partners', target: 55, achieved: 52 },
        { metric: 'study_programs_iku6', target: 14, achieved: 13 },
        { metric: 'students_credit_recognised', target: 250, achieved: 212 },
        { metric: 'certificates_issued', target: 200, achieved: 187 },
      ],
      programExecution: { planned: 24, done: 19, cancelled: 2, carriedOver: 3 },
      monitoring: { agreementsMonitored: 31, agreementsWithoutActivity: 4 },
      survey: { responses: 27, scaleMax: 4, meanScore: 3.38 },
    },
    findings:
      'Sebagian besar target tercapai di atas 80%. Kerjasama internasional dan pengakuan SKS MBKM masih ' +
      'di bawah target. Kepuasan mitra tergolong baik (3,38 dari 4).',
    problems:
      'Empat naskah tidak memiliki kegiatan sepanjang tahun; dua naskah berakhir tanpa pembaruan tepat ' +
      'waktu; data monitoring dari jurusan terlambat dikumpulkan.',
    recommendations:
      'Pengingat naskah yang akan berakhir 90 hari sebelumnya; rapat koordinasi dengan mitra tanpa ' +
      'kegiatan; target mobilitas internasional dimasukkan dalam program tahun berikutnya.',
    workflowState: 'final',
    finalizedAt: instantOn(`${year}-01-10`),
  };
}

function buildAnnualProgram({ year, instantOn }: Clock): DemoAnnualProgram {
  return {
    year,
    title: `${DEMO_PREFIX}Program Kerjasama Tahun ${year}`,
    summary:
      'Disusun dari usulan unit yang disetujui, pemetaan kebutuhan jurusan/unit, target kerjasama tahun ' +
      'ini dan laporan evaluasi tahun sebelumnya.',
    workflowState: 'approved',
    revisionNumber: 0,
    approvedAt: instantOn(`${year}-01-24`),
    approvedBy: 'Direktur (demo)',
  };
}

interface ProgramItemSpec extends Omit<DemoProgramItem, 'quarter' | 'plannedStart' | 'plannedEnd' | 'workflowState'> {
  start: number;
  end: number;
  /** Only set when the state is not what the schedule implies. */
  state?: ProgramItemState;
}

/** Program item titles other records point at. */
const ITEM = {
  shipyardInternship: `${DEMO_PREFIX}Magang satu semester mahasiswa TRKP di galangan mitra`,
  certification: `${DEMO_PREFIX}Uji kompetensi lulusan bersama LSP`,
  aircraftLectures: `${DEMO_PREFIX}Seri kuliah praktisi perawatan pesawat udara`,
  mbkmExchange: `${DEMO_PREFIX}Pertukaran mahasiswa MBKM dengan universitas mitra`,
  singaporeMobility: `${DEMO_PREFIX}Program singkat mekatronika dan robotika di Singapura`,
  shipyardProject: `${DEMO_PREFIX}Proyek PjBL aplikasi pemantauan produksi galangan`,
  weldingVisit: `${DEMO_PREFIX}Studi banding laboratorium pengelasan ke Jerman`,
} as const;

function buildProgramItems({ today, periodInYear }: Clock, proposals: DemoProposal[]): DemoProgramItem[] {
  const approved = new Set(proposals.filter((p) => p.workflowState === 'approved').map((p) => p.title));
  const specs: ProgramItemSpec[] = [
    {
      title: ITEM.shipyardInternship,
      partner: 'shipyard',
      cooperationType: 'MAGANG',
      units: ['JTM', 'TRKP-D4'],
      start: -150,
      end: 45,
      budget: 35_000_000,
      expectedOutput: '18 mahasiswa menyelesaikan magang dengan pengakuan 20 SKS.',
      kpis: ['B.1.2.5.8', 'B.1.2.9.3'],
    },
    {
      title: ITEM.certification,
      partner: 'certificationBody',
      cooperationType: 'SERTIFIKASI',
      units: ['JTE', 'JTM'],
      proposal: PROPOSAL.graduateCertification,
      start: 30,
      end: 90,
      budget: 60_000_000,
      expectedOutput: 'Sedikitnya 150 calon lulusan memperoleh sertifikat kompetensi BNSP.',
      kpis: ['B.1.2.6.16.c'],
    },
    {
      title: ITEM.aircraftLectures,
      partner: 'aeroMro',
      cooperationType: 'DOSEN-PRAKTISI',
      units: ['TPPU-D3'],
      start: -120,
      end: -30,
      budget: 12_000_000,
      expectedOutput: 'Empat kuliah praktisi oleh engineer berlisensi.',
      kpis: ['B.1.2.9.3'],
    },
    {
      title: ITEM.mbkmExchange,
      partner: 'nationalUniversity',
      cooperationType: 'MBKM-TRANSFER',
      units: ['JTI', 'TRPL-D4'],
      start: -60,
      end: 120,
      budget: 45_000_000,
      expectedOutput: '12 mahasiswa mengikuti pertukaran satu semester dengan transfer SKS.',
      kpis: ['B.1.2.5.8'],
    },
    {
      title: ITEM.singaporeMobility,
      partner: 'singapore',
      cooperationType: 'MOBILITAS-INTL',
      units: ['OIA', 'MEK-D4', 'ROB-D4'],
      start: 45,
      end: 60,
      budget: 80_000_000,
      expectedOutput: '10 mahasiswa dan 2 dosen mengikuti program singkat dua minggu.',
      kpis: ['B.1.2.5.8', 'B.1.2.9.3'],
    },
    {
      title: ITEM.shipyardProject,
      partner: 'shipyard',
      cooperationType: 'PJBL',
      units: ['JTI', 'TRPL-D4'],
      start: -30,
      end: 60,
      budget: 15_000_000,
      expectedOutput: 'Purwarupa aplikasi pemantauan produksi yang diuji di galangan mitra.',
      kpis: ['B.1.2.5.8'],
    },
    {
      title: ITEM.weldingVisit,
      partner: 'germany',
      cooperationType: 'STUDI-BANDING',
      units: ['JTM', 'TRPF-D4'],
      start: 90,
      end: 100,
      budget: 120_000_000,
      expectedOutput: 'Kunjungan laboratorium pengelasan dan pembaruan MoU.',
      kpis: ['B.1.2.9.3'],
      // Why: the MoU expired before the visit could be arranged.
      state: 'cancelled',
    },
  ];
  return specs.map(({ start, end, state, ...item }) => {
    if (item.proposal && !approved.has(item.proposal)) {
      throw new Error(`Demo program item ${item.title} comes from a proposal that is not approved`);
    }
    const { start: plannedStart, end: plannedEnd } = periodInYear(start, end);
    return {
      ...item,
      quarter: quarterOf(plannedStart),
      plannedStart,
      plannedEnd,
      workflowState: state ?? scheduleState(plannedStart, plannedEnd, today),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Monitoring
// ---------------------------------------------------------------------------------------------

const NO_PARTICIPANTS = {
  activitiesCount: 0,
  studentParticipants: 0,
  lecturerParticipants: 0,
  studentsWithCredits: 0,
  creditsRecognised: 0,
  certificatesIssued: 0,
};

/**
 * Each record covers the last months of its agreement (never before the agreement started) up
 * to the monitoring day.
 */
function buildMonitoringRecords({ day }: Clock, agreements: DemoAgreement[]): DemoMonitoringRecord[] {
  const since = (key: string, offset: number) => {
    const agreement = agreements.find((candidate) => candidate.key === key);
    if (!agreement) throw new Error(`Demo monitoring refers to an unknown agreement: ${key}`);
    const start = day(offset);
    return compareIsoDates(agreement.startDate, start) > 0 ? agreement.startDate : start;
  };
  return [
    {
      agreement: 'shipyard-ia',
      programItem: ITEM.shipyardInternship,
      monitoredOn: day(-10),
      periodStart: since('shipyard-ia', -180),
      periodEnd: day(-10),
      implementationState: 'on_track',
      ...NO_PARTICIPANTS,
      activitiesCount: 2,
      studentParticipants: 18,
      lecturerParticipants: 2,
      studentsWithCredits: 18,
      creditsRecognised: 360,
      outputs: `${DEMO_PREFIX}18 mahasiswa magang di bengkel fabrikasi; pengakuan 20 SKS per mahasiswa.`,
      followUp: 'Siapkan pembaruan IA untuk batch berikutnya sebelum naskah berakhir.',
    },
    {
      agreement: 'lsp-moa',
      monitoredOn: day(-20),
      periodStart: since('lsp-moa', -180),
      periodEnd: day(-20),
      implementationState: 'completed',
      ...NO_PARTICIPANTS,
      activitiesCount: 3,
      studentParticipants: 85,
      lecturerParticipants: 6,
      certificatesIssued: 78,
      outputs: `${DEMO_PREFIX}Tiga batch uji kompetensi; 78 dari 85 peserta kompeten.`,
      followUp: 'Peserta belum kompeten dijadwalkan uji ulang pada batch berikutnya.',
    },
    {
      agreement: 'utn-moa',
      monitoredOn: day(-15),
      periodStart: since('utn-moa', -180),
      periodEnd: day(-15),
      implementationState: 'on_track',
      ...NO_PARTICIPANTS,
      activitiesCount: 1,
      studentParticipants: 12,
      lecturerParticipants: 1,
      studentsWithCredits: 12,
      creditsRecognised: 240,
      outputs: `${DEMO_PREFIX}12 mahasiswa pertukaran; 20 SKS per mahasiswa diakui.`,
      followUp: 'Kaprodi memvalidasi ekuivalensi nilai pada akhir semester.',
    },
    {
      agreement: 'aero-moa',
      programItem: ITEM.aircraftLectures,
      monitoredOn: day(-25),
      periodStart: since('aero-moa', -120),
      periodEnd: day(-30),
      implementationState: 'completed',
      ...NO_PARTICIPANTS,
      activitiesCount: 4,
      studentParticipants: 96,
      lecturerParticipants: 4,
      outputs: `${DEMO_PREFIX}Empat kuliah praktisi: human factors, NDT, dokumentasi perawatan, regulasi CASR.`,
      followUp: 'Tambahkan sesi praktik di hanggar pada semester berikutnya.',
    },
    {
      agreement: 'electronics-moa',
      monitoredOn: day(-7),
      periodStart: since('electronics-moa', -180),
      periodEnd: day(-7),
      implementationState: 'delayed',
      ...NO_PARTICIPANTS,
      activitiesCount: 2,
      studentParticipants: 30,
      lecturerParticipants: 3,
      outputs: `${DEMO_PREFIX}Dua pesanan TEFA selesai; peninjauan kurikulum TRE-D4 tertunda.`,
      followUp: 'Jadwalkan ulang lokakarya kurikulum bersama mitra.',
    },
    {
      agreement: 'utj-mou',
      monitoredOn: day(-5),
      periodStart: since('utj-mou', -180),
      periodEnd: day(-5),
      implementationState: 'no_activity',
      ...NO_PARTICIPANTS,
      outputs: `${DEMO_PREFIX}Belum ada kegiatan sejak penandatanganan.`,
      followUp: 'OIA mengundang mitra rapat koordinasi daring bulan depan.',
    },
    {
      programItem: ITEM.shipyardProject,
      monitoredOn: day(-2),
      periodStart: day(-30),
      periodEnd: day(-2),
      implementationState: 'on_track',
      ...NO_PARTICIPANTS,
      activitiesCount: 1,
      studentParticipants: 8,
      lecturerParticipants: 2,
      outputs: `${DEMO_PREFIX}Analisis kebutuhan selesai; purwarupa tahap pertama sedang dibangun.`,
      followUp: 'Demo purwarupa kepada mitra pada akhir bulan.',
    },
  ];
}
