/**
 * Reference catalogues seeded on every boot (only the missing codes are created): Polibatam's
 * organisational units, the five KPI codes of PR.28.1 and the catalogue of cooperation types.
 * Pure data: the Strapi glue lives in seed.ts.
 */
import type { UnitKind } from '../domain/validation';

export type DegreeLevel = 'D3' | 'D4' | 'S2_terapan';

export interface UnitSeed {
  code: string;
  name: string;
  nameEn: string;
  kind: UnitKind;
  degreeLevel?: DegreeLevel;
  /** Code of the parent unit; it always appears earlier in UNITS. */
  parentCode?: string;
}

export type Tridharma = 'education' | 'research' | 'community_service' | 'support';

/** The national IKU 6 activity criteria (enum of cooperation-type.iku6Criterion). */
export type Iku6Criterion =
  | 'joint_curriculum'
  | 'project_based_learning'
  | 'internship_semester'
  | 'graduate_hiring'
  | 'practitioner_lecturer'
  | 'lecturer_upskilling'
  | 'shared_facilities'
  | 'teaching_factory'
  | 'double_degree'
  | 'joint_research';

export type KpiSource = 'institutional_standard' | 'iku' | 'lkps';

// ---------------------------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------------------------

const DIRECTORATE = 'DIR';

const LEVEL_LABELS: Readonly<Record<DegreeLevel, { id: string; en: string }>> = {
  D3: { id: 'D3', en: 'Diploma 3' },
  D4: { id: 'D4', en: 'Applied Bachelor' },
  S2_terapan: { id: 'S2 Terapan', en: 'Applied Master' },
};

type StudyProgramRow = readonly [code: string, level: DegreeLevel, name: string, nameEn: string];

interface DepartmentSeed {
  code: string;
  name: string;
  nameEn: string;
  programs: readonly StudyProgramRow[];
}

/**
 * Departments and their study programs as listed in PROCEDURE.md ("as best known": the office
 * corrects them in the admin, and the seed never overwrites an existing code).
 */
const DEPARTMENTS = [
  {
    code: 'JTI',
    name: 'Jurusan Teknik Informatika',
    nameEn: 'Department of Informatics Engineering',
    programs: [
      ['TI-D3', 'D3', 'Teknik Informatika', 'Informatics Engineering'],
      ['TRPL-D4', 'D4', 'Teknologi Rekayasa Perangkat Lunak', 'Software Engineering Technology'],
      ['ANI-D4', 'D4', 'Animasi', 'Animation'],
      ['TRMM-D4', 'D4', 'Teknologi Rekayasa Multimedia', 'Multimedia Engineering Technology'],
      ['RKS-D4', 'D4', 'Rekayasa Keamanan Siber', 'Cybersecurity Engineering'],
      ['TG-D3', 'D3', 'Teknologi Geomatika', 'Geomatics Technology'],
      ['TP-D4', 'D4', 'Teknologi Permainan', 'Game Technology'],
      ['TK-S2', 'S2_terapan', 'Teknik Komputer', 'Computer Engineering'],
    ],
  },
  {
    code: 'JTE',
    name: 'Jurusan Teknik Elektro',
    nameEn: 'Department of Electrical Engineering',
    programs: [
      ['TEM-D3', 'D3', 'Teknik Elektronika Manufaktur', 'Manufacturing Electronics Engineering'],
      ['TRE-D4', 'D4', 'Teknologi Rekayasa Elektronika', 'Electronics Engineering Technology'],
      ['TIN-D3', 'D3', 'Teknik Instrumentasi', 'Instrumentation Engineering'],
      ['MEK-D4', 'D4', 'Teknik Mekatronika', 'Mechatronics Engineering'],
      ['TRPE-D4', 'D4', 'Teknologi Rekayasa Pembangkit Energi', 'Power Generation Engineering Technology'],
      ['ROB-D4', 'D4', 'Teknik Robotika', 'Robotics Engineering'],
    ],
  },
  {
    code: 'JTM',
    name: 'Jurusan Teknik Mesin',
    nameEn: 'Department of Mechanical Engineering',
    programs: [
      ['TM-D3', 'D3', 'Teknik Mesin', 'Mechanical Engineering'],
      ['TPPU-D3', 'D3', 'Teknik Perawatan Pesawat Udara', 'Aircraft Maintenance Engineering'],
      ['TRKP-D4', 'D4', 'Teknologi Rekayasa Konstruksi Perkapalan', 'Ship Construction Engineering Technology'],
      [
        'TRPF-D4',
        'D4',
        'Teknologi Rekayasa Pengelasan dan Fabrikasi',
        'Welding and Fabrication Engineering Technology',
      ],
      ['TRMT-D4', 'D4', 'Teknik Rekayasa Metalurgi', 'Metallurgical Engineering'],
    ],
  },
  {
    code: 'JMB',
    name: 'Jurusan Manajemen Bisnis',
    nameEn: 'Department of Business Management',
    programs: [
      ['AK-D3', 'D3', 'Akuntansi', 'Accounting'],
      ['AKM-D4', 'D4', 'Akuntansi Manajerial', 'Managerial Accounting'],
      ['ABT-D4', 'D4', 'Administrasi Bisnis Terapan', 'Applied Business Administration'],
      ['LPI-D4', 'D4', 'Logistik Perdagangan Internasional', 'International Trade Logistics'],
    ],
  },
] as const satisfies readonly DepartmentSeed[];

const OFFICES = [
  { code: 'HUMAS', name: 'Humas & Kerjasama', nameEn: 'Public Relations & Cooperation Office' },
  { code: 'OIA', name: 'Kantor Urusan Internasional (OIA)', nameEn: 'Office for International Affairs (OIA)' },
  {
    code: 'P3M',
    name: 'Pusat Penelitian dan Pengabdian kepada Masyarakat (P3M)',
    nameEn: 'Research and Community Service Centre (P3M)',
  },
  { code: 'CDC', name: 'Pusat Pengembangan Karier', nameEn: 'Career Development Centre' },
] as const;

/**
 * The study program name carries its level ("D3 Teknik Informatika"), so that it differs from
 * its department's name in every picker and list.
 */
function studyProgram(departmentCode: string, [code, level, name, nameEn]: StudyProgramRow): UnitSeed {
  return {
    code,
    name: `${LEVEL_LABELS[level].id} ${name}`,
    nameEn: `${nameEn} (${LEVEL_LABELS[level].en})`,
    kind: 'study_program',
    degreeLevel: level,
    parentCode: departmentCode,
  };
}

/** Every unit, parents before children, so they can be created in this order. */
export const UNITS: readonly UnitSeed[] = [
  { code: DIRECTORATE, name: 'Direktorat', nameEn: 'Directorate', kind: 'directorate' },
  ...OFFICES.map((office): UnitSeed => ({ ...office, kind: 'office', parentCode: DIRECTORATE })),
  ...DEPARTMENTS.map(
    ({ code, name, nameEn }): UnitSeed => ({ code, name, nameEn, kind: 'department', parentCode: DIRECTORATE }),
  ),
  ...DEPARTMENTS.flatMap((department) => department.programs.map((row) => studyProgram(department.code, row))),
];

/** Codes the demo data may refer to, checked by the compiler. */
export type UnitCode =
  | typeof DIRECTORATE
  | (typeof OFFICES)[number]['code']
  | (typeof DEPARTMENTS)[number]['code']
  | (typeof DEPARTMENTS)[number]['programs'][number][0];

// ---------------------------------------------------------------------------------------------
// KPIs
// ---------------------------------------------------------------------------------------------

export const KPI_CODES = ['B.1.2.5.8', 'B.1.2.6.16.c', 'B.1.2.9.1', 'B.1.2.9.2', 'B.1.2.9.3'] as const;

export type KpiCode = (typeof KPI_CODES)[number];

export interface KpiSeed {
  code: KpiCode;
  statement: string;
  statementEn: string;
  source: KpiSource;
}

/**
 * The statements of PR.28.1 (PR.28.1-procedure.id.txt), with the original's layout markup and
 * its "#)" footnote marks (the footnote was not part of the received text) left out.
 */
export const KPIS: readonly KpiSeed[] = [
  {
    code: 'B.1.2.5.8',
    statement:
      'Polibatam melalui Tim Kerjasama dan Jurusan menindaklanjuti proses pembelajaran di luar prodi, ' +
      'sebagaimana dimaksud pada pernyataan standar no (7) huruf b, c, dan d dilaksanakan berdasarkan ' +
      'perjanjian kerjasama antara Polibatam dengan PT atau lembaga lain yang terkait dan hasil pembelajaran ' +
      'diakui melalui mekanisme transfer SKS atau bentuk pengakuan SKS lainnya.',
    statementEn:
      'Through the Cooperation Team and the departments, Polibatam follows up learning outside the study ' +
      'program (standard no. 7 b, c, d), carried out under cooperation agreements between Polibatam and ' +
      'universities or other institutions; the learning outcomes are recognised through credit (SKS) ' +
      'transfer or another form of credit recognition.',
    source: 'institutional_standard',
  },
  {
    code: 'B.1.2.6.16.c',
    statement:
      'Mahasiswa yang dinyatakan lulus berhak memperoleh: c. sertifikat kompetensi (bagi lulusan program ' +
      'pendidikan sesuai dengan keahlian dalam cabang ilmunya dan/atau memiliki prestasi di luar prodinya) ' +
      'yang diterbitkan oleh Polibatam bekerjasama dengan organisasi profesi, lembaga pelatihan, atau ' +
      'lembaga sertifikasi yang terakreditasi.',
    statementEn:
      'Graduates are entitled to (c) a competency certificate (for graduates with expertise in their field ' +
      'and/or achievements outside their study program) issued by Polibatam in cooperation with a ' +
      'professional organisation, training institution or accredited certification body.',
    source: 'institutional_standard',
  },
  {
    code: 'B.1.2.9.1',
    statement:
      'Polibatam melalui Tim Kerjasama memiliki dokumen formal kebijakan dan prosedur, yang komprehensif, ' +
      'rinci, terkini, dan mudah diakses oleh pemangku kepentingan, tentang pengembangan jejaring dan ' +
      'kemitraan (dalam dan luar negeri) tetapi tidak terbatas pada inisiasi, pelaksanaan, pemantauan, ' +
      'evaluasi kerjasama dan evaluasi kepuasan mitra kerjasama.',
    statementEn:
      'Through the Cooperation Team, Polibatam has formal policy and procedure documents — comprehensive, ' +
      'detailed, current and easily accessible to stakeholders — on developing networks and partnerships ' +
      '(domestic and international), covering at least initiation, implementation, monitoring, evaluation ' +
      'of cooperation, and evaluation of partner satisfaction.',
    source: 'institutional_standard',
  },
  {
    code: 'B.1.2.9.2',
    statement:
      'Polibatam melalui Tim Kerjasama memiliki dokumen perencanaan pengembangan jejaring dan kemitraan ' +
      'yang sah dan terarah guna mencapai visi, misi, dan tujuan strategis institusi.',
    statementEn:
      'Through the Cooperation Team, Polibatam has a valid, directed planning document for developing ' +
      "networks and partnerships, to reach the institution's vision, mission and strategic goals.",
    source: 'institutional_standard',
  },
  {
    code: 'B.1.2.9.3',
    statement:
      'Polibatam melalui Tim Kerjasama memiliki jejaring dan mitra kerjasama yang relevan dengan VMTS dan ' +
      'bermanfaat bagi pengembangan tridharma institusi yang mencakup kerjasama lokal/wilayah, nasional ' +
      'dan internasional.',
    statementEn:
      'Through the Cooperation Team, Polibatam has networks and partners relevant to its VMTS (vision, ' +
      "mission, goals, strategy) that benefit the institution's tridharma, covering local/regional, " +
      'national and international cooperation.',
    source: 'institutional_standard',
  },
];

// ---------------------------------------------------------------------------------------------
// Cooperation types
// ---------------------------------------------------------------------------------------------

export interface CooperationTypeSeed {
  code: string;
  name: string;
  nameEn: string;
  tridharma: Tridharma;
  iku6Criterion?: Iku6Criterion;
  description: string;
  kpiCodes: readonly KpiCode[];
}

/** Learning outside the study program with recognised credits. */
const CREDIT_RECOGNITION: KpiCode = 'B.1.2.5.8';
const COMPETENCY_CERTIFICATE: KpiCode = 'B.1.2.6.16.c';
/** Every cooperation widens the partner network relevant to the VMTS. */
const PARTNER_NETWORK: KpiCode = 'B.1.2.9.3';

export const COOPERATION_TYPES = [
  {
    code: 'MAGANG',
    name: 'Magang industri minimal 1 semester',
    nameEn: 'Industry internship (at least one semester)',
    tridharma: 'education',
    iku6Criterion: 'internship_semester',
    description: 'Mahasiswa magang di industri sekurang-kurangnya satu semester dengan pengakuan SKS.',
    kpiCodes: [CREDIT_RECOGNITION, PARTNER_NETWORK],
  },
  {
    code: 'PRAKTIK-INDUSTRI',
    name: 'Praktik kerja lapangan',
    nameEn: 'Industrial practice (short placement)',
    tridharma: 'education',
    description: 'Praktik kerja lapangan jangka pendek (kurang dari satu semester) di mitra.',
    kpiCodes: [PARTNER_NETWORK],
  },
  {
    code: 'DOSEN-PRAKTISI',
    name: 'Dosen tamu / praktisi mengajar',
    nameEn: 'Guest lecturer / practitioner teaching',
    tridharma: 'education',
    iku6Criterion: 'practitioner_lecturer',
    description: 'Praktisi dari mitra mengajar atau memberi kuliah tamu pada mata kuliah prodi.',
    kpiCodes: [PARTNER_NETWORK],
  },
  {
    code: 'KURIKULUM-BERSAMA',
    name: 'Pengembangan kurikulum bersama',
    nameEn: 'Joint curriculum development',
    tridharma: 'education',
    iku6Criterion: 'joint_curriculum',
    description: 'Kurikulum atau mata kuliah disusun dan ditinjau bersama mitra industri.',
    kpiCodes: [PARTNER_NETWORK],
  },
  {
    code: 'PJBL',
    name: 'Pembelajaran berbasis proyek industri',
    nameEn: 'Project-based learning with industry',
    tridharma: 'education',
    iku6Criterion: 'project_based_learning',
    description: 'Mahasiswa mengerjakan studi kasus atau proyek nyata dari mitra dengan pengakuan SKS.',
    kpiCodes: [CREDIT_RECOGNITION, PARTNER_NETWORK],
  },
  {
    code: 'TEFA',
    name: 'Teaching factory',
    nameEn: 'Teaching factory',
    tridharma: 'education',
    iku6Criterion: 'teaching_factory',
    description: 'Produksi barang atau jasa pesanan mitra di kampus sebagai sarana pembelajaran.',
    kpiCodes: [PARTNER_NETWORK],
  },
  {
    code: 'REKRUTMEN',
    name: 'Rekrutmen lulusan',
    nameEn: 'Graduate recruitment',
    tridharma: 'support',
    iku6Criterion: 'graduate_hiring',
    description: 'Mitra merekrut lulusan Polibatam melalui seleksi bersama Pusat Pengembangan Karier.',
    kpiCodes: [PARTNER_NETWORK],
  },
  {
    code: 'MAGANG-DOSEN',
    name: 'Magang dan peningkatan kompetensi dosen di industri',
    nameEn: 'Lecturer upskilling / industrial attachment',
    tridharma: 'education',
    iku6Criterion: 'lecturer_upskilling',
    description: 'Dosen dan instruktur magang atau dilatih di industri untuk memperbarui kompetensinya.',
    kpiCodes: [PARTNER_NETWORK],
  },
  {
    code: 'PENELITIAN',
    name: 'Penelitian bersama',
    nameEn: 'Joint research',
    tridharma: 'research',
    iku6Criterion: 'joint_research',
    description: 'Penelitian terapan yang dirancang, didanai atau dilaksanakan bersama mitra.',
    kpiCodes: [PARTNER_NETWORK],
  },
  {
    code: 'PENGABDIAN',
    name: 'Pengabdian kepada masyarakat',
    nameEn: 'Community service',
    tridharma: 'community_service',
    description: 'Penerapan teknologi dan pelatihan bagi masyarakat, UMKM atau pemerintah daerah.',
    kpiCodes: [PARTNER_NETWORK],
  },
  {
    code: 'SERTIFIKASI',
    name: 'Sertifikasi kompetensi (LSP)',
    nameEn: 'Competency certification (LSP)',
    tridharma: 'education',
    description: 'Uji kompetensi mahasiswa dan lulusan bersama lembaga sertifikasi profesi terakreditasi.',
    kpiCodes: [COMPETENCY_CERTIFICATE, PARTNER_NETWORK],
  },
  {
    code: 'MBKM-TRANSFER',
    name: 'Pertukaran mahasiswa dan transfer kredit (MBKM)',
    nameEn: 'Student exchange and credit transfer (MBKM)',
    tridharma: 'education',
    description: 'Mahasiswa belajar di perguruan tinggi mitra; hasil belajarnya diakui melalui transfer SKS.',
    kpiCodes: [CREDIT_RECOGNITION, PARTNER_NETWORK],
  },
  {
    code: 'GELAR-GANDA',
    name: 'Gelar ganda / gelar bersama',
    nameEn: 'Double degree / joint degree',
    tridharma: 'education',
    iku6Criterion: 'double_degree',
    description: 'Program gelar ganda atau gelar bersama dengan perguruan tinggi mitra.',
    kpiCodes: [CREDIT_RECOGNITION, PARTNER_NETWORK],
  },
  {
    code: 'FASILITAS-BERSAMA',
    name: 'Pemanfaatan fasilitas dan laboratorium bersama',
    nameEn: 'Shared facilities and laboratories',
    tridharma: 'support',
    iku6Criterion: 'shared_facilities',
    description: 'Penggunaan bersama laboratorium, bengkel, peralatan atau perangkat lunak.',
    kpiCodes: [PARTNER_NETWORK],
  },
  {
    code: 'BEASISWA',
    name: 'Beasiswa',
    nameEn: 'Scholarships',
    tridharma: 'support',
    description: 'Beasiswa dari mitra bagi mahasiswa, sering disertai ikatan kerja.',
    kpiCodes: [PARTNER_NETWORK],
  },
  {
    code: 'CSR-HIBAH',
    name: 'CSR dan hibah peralatan',
    nameEn: 'CSR and equipment donation',
    tridharma: 'support',
    description: 'Program tanggung jawab sosial mitra, termasuk hibah peralatan praktik.',
    kpiCodes: [PARTNER_NETWORK],
  },
  {
    code: 'STUDI-BANDING',
    name: 'Studi banding dan kunjungan',
    nameEn: 'Benchmarking and visits',
    tridharma: 'support',
    description: 'Kunjungan industri, kunjungan kelembagaan dan studi banding.',
    kpiCodes: [PARTNER_NETWORK],
  },
  {
    code: 'MOBILITAS-INTL',
    name: 'Mobilitas internasional mahasiswa dan dosen',
    nameEn: 'International student and staff mobility',
    tridharma: 'education',
    description: 'Program singkat, summer school dan pertukaran dosen dengan mitra luar negeri.',
    kpiCodes: [CREDIT_RECOGNITION, PARTNER_NETWORK],
  },
] as const satisfies readonly CooperationTypeSeed[];

export type CooperationTypeCode = (typeof COOPERATION_TYPES)[number]['code'];
