import type { Core, UID } from '@strapi/strapi';

/**
 * Content Manager labels (Indonesian first, English beside it), main fields and list columns.
 * Applied once per LAYOUT_VERSION so that layout changes an admin makes later are kept.
 */
export const LAYOUT_VERSION = 7;

const FIELD_LABELS: Record<string, string> = {
  code: 'Kode (Code)',
  name: 'Nama (Name)',
  nameEn: 'Nama Inggris (English name)',
  kind: 'Jenis (Kind)',
  degreeLevel: 'Jenjang (Degree level)',
  accreditationInstrument: 'Instrumen akreditasi (Accreditation instrument)',
  parent: 'Induk (Parent)',
  children: 'Turunan (Children)',
  email: 'Surel (E-mail)',
  active: 'Aktif (Active)',
  tridharma: 'Tridharma',
  iku6Criterion: 'Kriteria IKU 6 (IKU 6 criterion)',
  description: 'Deskripsi (Description)',
  kpis: 'Kode KPI (KPI codes)',
  statement: 'Pernyataan (Statement)',
  statementEn: 'Pernyataan Inggris (English statement)',
  source: 'Sumber (Source)',
  cooperationTypes: 'Jenis kerjasama (Cooperation types)',
  cooperationType: 'Jenis kerjasama (Cooperation type)',
  institutionType: 'Jenis lembaga (Institution type)',
  level: 'Tingkat (Level)',
  country: 'Negara (Country)',
  city: 'Kota (City)',
  website: 'Situs web (Website)',
  logo: 'Logo',
  publicDescription: 'Deskripsi publik (Public description)',
  iku6Category: 'Kategori mitra IKU 6 (IKU 6 partner category)',
  contacts: 'Kontak (Contacts)',
  internalNotes: 'Catatan internal (Internal notes)',
  workflowState: 'Status alur (Workflow state)',
  benefit: 'Manfaat bagi prodi (Benefit for the study program)',
  reportedBy: 'Dilaporkan oleh (Reported by)',
  verifiedAt: 'Diverifikasi pada (Verified at)',
  agreements: 'Naskah kerjasama (Agreements)',
  proposals: 'Usulan (Proposals)',
  ourNumber: 'Nomor Polibatam (Our number)',
  partnerNumber: 'Nomor mitra (Partner number)',
  title: 'Judul (Title)',
  partner: 'Mitra (Partner)',
  renewalOf: 'Perpanjangan dari (Renewal of)',
  units: 'Unit terlibat (Units)',
  unit: 'Unit',
  scope: 'Ruang lingkup (Scope)',
  signedDate: 'Tanggal tanda tangan (Signed)',
  startDate: 'Tanggal mulai (Start)',
  endDate: 'Tanggal berakhir (End)',
  indefinite: 'Tanpa batas waktu (Indefinite)',
  value: 'Nilai (Value)',
  currency: 'Mata uang (Currency)',
  documents: 'Dokumen (Documents)',
  originProposal: 'Asal usulan (Origin proposal)',
  originProgramItem: 'Asal butir program (Origin program item)',
  validityState: 'Status masa berlaku (Validity)',
  terminatedDate: 'Tanggal pengakhiran (Terminated on)',
  endedAt: 'Tercatat berakhir oleh sistem (Recorded as ended)',
  terminationReason: 'Alasan pengakhiran (Termination reason)',
  year: 'Tahun (Year)',
  priority: 'Prioritas (Priority)',
  rationale: 'Alasan (Rationale)',
  partnerLevel: 'Tingkat mitra (Partner level)',
  metric: 'Ukuran (Metric)',
  targetValue: 'Nilai target (Target value)',
  notes: 'Catatan (Notes)',
  proposerName: 'Nama pengusul (Proposer)',
  proposerEmail: 'Surel pengusul (Proposer e-mail)',
  sourceChannel: 'Saluran (Source channel)',
  prospectivePartnerName: 'Calon mitra (Prospective partner)',
  prospectivePartnerType: 'Jenis calon mitra (Prospective partner type)',
  prospectivePartnerCountry: 'Negara calon mitra (Prospective partner country)',
  prospectivePartnerContact: 'Kontak calon mitra (Prospective partner contact)',
  objectives: 'Tujuan (Objectives)',
  expectedBenefit: 'Manfaat yang diharapkan (Expected benefit)',
  plannedYear: 'Tahun rencana (Planned year)',
  attachments: 'Lampiran (Attachments)',
  analysis: 'Analisis (Analysis)',
  number: 'Nomor (Number)',
  meetingDate: 'Tanggal rapat (Meeting date)',
  place: 'Tempat (Place)',
  chair: 'Pimpinan rapat (Chair)',
  minuteTaker: 'Notulis (Minute-taker)',
  attendees: 'Peserta (Attendees)',
  agenda: 'Agenda',
  discussion: 'Pembahasan (Discussion)',
  decisions: 'Keputusan (Decisions)',
  actionItems: 'Tindak lanjut (Action items)',
  finalizedAt: 'Difinalkan pada (Finalised at)',
  summary: 'Ringkasan (Summary)',
  items: 'Butir program (Items)',
  previousEvaluation: 'Evaluasi tahun lalu (Previous evaluation)',
  revisionNumber: 'Nomor revisi (Revision)',
  approvedAt: 'Disetujui pada (Approved at)',
  approvedBy: 'Disetujui oleh (Approved by)',
  approvedSnapshot: 'Versi disetujui (Approved version)',
  program: 'Program',
  proposal: 'Usulan (Proposal)',
  carriedFrom: 'Dibawa dari (Carried over from)',
  quarter: 'Triwulan (Quarter)',
  plannedStart: 'Rencana mulai (Planned start)',
  plannedEnd: 'Rencana selesai (Planned end)',
  budget: 'Anggaran (Budget)',
  expectedOutput: 'Luaran (Expected output)',
  agreement: 'Naskah kerjasama (Agreement)',
  programItem: 'Butir program (Program item)',
  monitoredOn: 'Tanggal monitoring (Monitored on)',
  periodStart: 'Periode mulai (Period start)',
  periodEnd: 'Periode selesai (Period end)',
  implementationState: 'Status pelaksanaan (Implementation)',
  activitiesCount: 'Jumlah kegiatan (Activities)',
  outputs: 'Luaran (Outputs)',
  studentParticipants: 'Mahasiswa terlibat (Students)',
  lecturerParticipants: 'Dosen terlibat (Lecturers)',
  studentsWithCredits: 'Mahasiswa dengan SKS diakui (Students with credits)',
  creditsRecognised: 'SKS diakui (Credits recognised)',
  certificatesIssued: 'Sertifikat terbit (Certificates issued)',
  evidence: 'Bukti (Evidence)',
  followUp: 'Tindak lanjut (Follow-up)',
  scaleMax: 'Skala maksimum (Scale maximum)',
  introduction: 'Pengantar (Introduction)',
  introductionEn: 'Pengantar Inggris (English introduction)',
  questions: 'Pertanyaan (Questions)',
  opensAt: 'Dibuka (Opens)',
  closesAt: 'Ditutup (Closes)',
  invitations: 'Undangan (Invitations)',
  responses: 'Jawaban (Responses)',
  survey: 'Survei (Survey)',
  contactName: 'Nama kontak (Contact name)',
  contactEmail: 'Surel kontak (Contact e-mail)',
  language: 'Bahasa (Language)',
  expiresAt: 'Kedaluwarsa (Expires)',
  sentAt: 'Dikirim (Sent)',
  remindedAt: 'Diingatkan (Reminded)',
  usedAt: 'Dipakai (Used)',
  invitation: 'Undangan (Invitation)',
  answers: 'Jawaban (Answers)',
  comment: 'Komentar (Comment)',
  submittedAt: 'Dikirim pada (Submitted at)',
  figures: 'Angka (Figures)',
  findings: 'Temuan (Findings)',
  problems: 'Masalah (Problems)',
  recommendations: 'Rekomendasi (Recommendations)',
  recordType: 'Jenis rekaman (Record type)',
  recordDocumentId: 'ID dokumen (Document id)',
  fromState: 'Dari (From)',
  toState: 'Ke (To)',
  transition: 'Transisi (Transition)',
  actorType: 'Jenis pelaku (Actor type)',
  actorId: 'ID pelaku (Actor id)',
  actorName: 'Pelaku (Actor)',
  role: 'Peran (Role)',
  reason: 'Alasan (Reason)',
  occurredAt: 'Waktu (Time)',
  deadline: 'Batas waktu (Deadline)',
  message: 'Pesan (Message)',
  messageEn: 'Pesan Inggris (English message)',
  callForProposals: 'Panggilan usulan (Call for proposals)',
  reminderKey: 'Kunci pengingat (Reminder key)',
  threshold: 'Ambang (Threshold)',
  recipients: 'Penerima (Recipients)',
  createdAt: 'Dibuat (Created)',
  updatedAt: 'Diubah (Updated)',
  documentNumber: 'Nomor dokumen (Document number)',
  formCode: 'Kode formulir (Form code)',
  sequence: 'Nomor urut (Sequence)',
  issuedByName: 'Diterbitkan oleh (Issued by)',
  issuedByRole: 'Jabatan penerbit (Issuer role)',
  issuedById: 'ID penerbit (Issuer id)',
  issuedAt: 'Diterbitkan pada (Issued at)',
  sha256: 'SHA-256',
  mime: 'Jenis berkas (File type)',
  filename: 'Nama berkas (File name)',
  size: 'Ukuran dalam bita (Size in bytes)',
  file: 'Berkas (File)',
};

interface ListLayout {
  mainField: string;
  columns: string[];
  sortBy?: string;
  sortOrder?: 'ASC' | 'DESC';
}

/** The columns a person scans each list by; the main field names a record in relations. */
export const LIST_LAYOUTS: Record<string, ListLayout> = {
  'api::unit.unit': { mainField: 'name', columns: ['code', 'name', 'kind', 'parent'], sortBy: 'code' },
  'api::cooperation-type.cooperation-type': { mainField: 'name', columns: ['code', 'name', 'tridharma', 'iku6Criterion'], sortBy: 'code' },
  'api::kpi.kpi': { mainField: 'code', columns: ['code', 'source', 'statement'], sortBy: 'code' },
  'api::partner.partner': { mainField: 'name', columns: ['name', 'institutionType', 'level', 'country', 'workflowState'], sortBy: 'name' },
  'api::agreement.agreement': { mainField: 'ourNumber', columns: ['ourNumber', 'kind', 'title', 'partner', 'endDate', 'validityState'], sortBy: 'endDate' },
  'api::needs-mapping.needs-mapping': { mainField: 'year', columns: ['year', 'unit', 'cooperationType', 'priority', 'source'], sortBy: 'year', sortOrder: 'DESC' },
  'api::annual-target.annual-target': { mainField: 'year', columns: ['year', 'unit', 'cooperationType', 'partnerLevel', 'metric', 'targetValue'], sortBy: 'year', sortOrder: 'DESC' },
  'api::proposal.proposal': { mainField: 'title', columns: ['title', 'unit', 'plannedYear', 'workflowState', 'updatedAt'], sortBy: 'updatedAt', sortOrder: 'DESC' },
  'api::activity-report.activity-report': { mainField: 'title', columns: ['title', 'unit', 'tridharma', 'endDate', 'workflowState', 'verifiedAt'], sortBy: 'updatedAt', sortOrder: 'DESC' },
  'api::meeting-minute.meeting-minute': { mainField: 'number', columns: ['number', 'title', 'meetingDate', 'kind', 'workflowState'], sortBy: 'meetingDate', sortOrder: 'DESC' },
  'api::annual-program.annual-program': { mainField: 'title', columns: ['year', 'title', 'workflowState', 'revisionNumber', 'approvedAt'], sortBy: 'year', sortOrder: 'DESC' },
  'api::program-item.program-item': { mainField: 'title', columns: ['title', 'program', 'partner', 'quarter', 'workflowState'], sortBy: 'title' },
  'api::monitoring-record.monitoring-record': { mainField: 'monitoredOn', columns: ['monitoredOn', 'agreement', 'programItem', 'implementationState', 'studentParticipants'], sortBy: 'monitoredOn', sortOrder: 'DESC' },
  'api::satisfaction-survey.satisfaction-survey': { mainField: 'title', columns: ['title', 'year', 'scaleMax', 'workflowState', 'closesAt'], sortBy: 'year', sortOrder: 'DESC' },
  'api::survey-invitation.survey-invitation': { mainField: 'contactEmail', columns: ['contactEmail', 'survey', 'partner', 'sentAt', 'usedAt'], sortBy: 'sentAt', sortOrder: 'DESC' },
  'api::survey-response.survey-response': { mainField: 'submittedAt', columns: ['submittedAt', 'survey', 'partner', 'language'], sortBy: 'submittedAt', sortOrder: 'DESC' },
  'api::evaluation-report.evaluation-report': { mainField: 'title', columns: ['year', 'title', 'workflowState', 'finalizedAt'], sortBy: 'year', sortOrder: 'DESC' },
  'api::call-for-proposal.call-for-proposal': { mainField: 'title', columns: ['year', 'title', 'deadline', 'sentAt'], sortBy: 'deadline', sortOrder: 'DESC' },
  'api::reminder-log.reminder-log': { mainField: 'reminderKey', columns: ['sentAt', 'kind', 'recordType', 'threshold', 'recordDocumentId'], sortBy: 'sentAt', sortOrder: 'DESC' },
  'api::issued-document.issued-document': { mainField: 'documentNumber', columns: ['documentNumber', 'formCode', 'year', 'title', 'issuedByName', 'issuedAt'], sortBy: 'issuedAt', sortOrder: 'DESC' },
  'api::transition-log.transition-log': { mainField: 'recordDocumentId', columns: ['occurredAt', 'recordType', 'fromState', 'toState', 'actorName', 'role'], sortBy: 'occurredAt', sortOrder: 'DESC' },
};

/**
 * Fields the workflow maintains: shown, never typed in. The state moves through the Workflow
 * panel, so the form cannot offer states that are not reachable.
 */
const READ_ONLY_FIELDS = new Set(['workflowState', 'validityState', 'approvedAt', 'approvedBy', 'approvedSnapshot', 'revisionNumber', 'finalizedAt', 'tokenHash', 'endedAt', 'figures', 'verifiedAt', 'reportedBy']);

type Metadatas = Record<string, { edit?: Record<string, unknown>; list?: Record<string, unknown> }>;
interface CmConfiguration {
  settings: Record<string, unknown>;
  metadatas: Metadatas;
  layouts: { list: string[]; edit: unknown };
}

export const applyContentManagerLayouts = async (strapi: Core.Strapi) => {
  const store = strapi.store({ type: 'plugin', name: 'kerjasama', key: 'layouts' });
  const stored = (await store.get({})) as { version?: number } | null;
  if (stored?.version === LAYOUT_VERSION) return;

  const contentTypes = strapi.plugin('content-manager').service('content-types');
  for (const [uid, layout] of Object.entries(LIST_LAYOUTS)) {
    const schema = contentTypes.findContentType(uid);
    const config: CmConfiguration = await contentTypes.findConfiguration(schema);
    const metadatas: Metadatas = { ...config.metadatas };
    for (const [field, meta] of Object.entries(metadatas)) {
      const label = FIELD_LABELS[field];
      if (!label) continue;
      const attributes = strapi.contentTypes[uid as UID.ContentType].attributes as Record<string, { target?: string }>;
      const target = attributes[field];
      const relatedMainField = target?.target ? LIST_LAYOUTS[target.target]?.mainField : undefined;
      metadatas[field] = {
        edit: { ...meta.edit, label, ...(relatedMainField ? { mainField: relatedMainField } : {}), ...(READ_ONLY_FIELDS.has(field) ? { editable: false } : {}) },
        list: { ...meta.list, label, ...(relatedMainField ? { mainField: relatedMainField } : {}) },
      };
    }
    await contentTypes.updateConfiguration(schema, {
      settings: {
        ...config.settings,
        mainField: layout.mainField,
        defaultSortBy: layout.sortBy ?? layout.mainField,
        defaultSortOrder: layout.sortOrder ?? 'ASC',
      },
      metadatas,
      layouts: { ...config.layouts, list: layout.columns },
    });
  }
  await store.set({ value: { version: LAYOUT_VERSION } });
};
