/*
 * The unit portal's activity reports (issue 12): the unit's agreements in force and expiring and
 * its program items (GET /api/activity-report-options), a report form for each, the unit's reports
 * with their state and Humas' return reason, submit and resubmit. Like the proposals, everything
 * goes through the content API; the server scopes it to the unit and runs the workflow
 * (src/domain/workflow/activity-report.ts), so this page only shows what the server allows.
 */
import { formatBilingual } from '../src/domain/bilingual';
import { ACTIVITY_TRIDHARMA, EVIDENCE_KINDS } from '../src/domain/activity-report';
import { activityReportWorkflow } from '../src/domain/workflow/activity-report';
import { EVIDENCE_KIND_LABELS, TRIDHARMA_LABELS } from '../src/contracts/labels';
import type { WorkflowDescription, WorkflowHistoryEntry } from '../src/contracts/workflow';
import { el, type Child } from './lib/dom';

interface Named {
  documentId: string;
  name: string;
}
interface AgreementOption {
  documentId: string;
  kind: string;
  ourNumber: string | null;
  title: string | null;
  endDate: string | null;
  indefinite: boolean | null;
  validityState: string;
  partnerName: string | null;
}
interface ItemOption {
  documentId: string;
  title: string;
  year: number | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  partnerName: string | null;
}
/** GET /api/activity-report-options (src/participation/activity-reports.ts). */
interface ReportOptions {
  units: Named[];
  agreements: AgreementOption[];
  programItems: ItemOption[];
}
interface UploadedFile {
  id: number;
  documentId: string;
  name: string;
  url: string;
}
interface Evidence {
  kind: string;
  note?: string | null;
  file?: UploadedFile | null;
}
type NumberField = 'studentParticipants' | 'lecturerParticipants' | 'studentsWithCredits' | 'creditsRecognised' | 'certificatesIssued';
type TextField = 'title' | 'tridharma' | 'startDate' | 'endDate' | 'benefit' | 'followUp';
type Report = Partial<Record<NumberField, number | null>> & Partial<Record<TextField, string | null>> & {
  documentId: string;
  title: string;
  workflowState: string;
  updatedAt: string;
  unit?: Named | null;
  agreement?: { documentId: string; ourNumber: string | null; title: string | null } | null;
  programItem?: { documentId: string; title: string } | null;
  partner?: Named | null;
  evidence?: Evidence[];
};
type WorkflowView = Omit<WorkflowDescription, 'history'> & {
  history: readonly (WorkflowHistoryEntry & { actorType: string })[];
  unitEditableStates: readonly string[];
};
type Link = { agreement?: string; programItem?: string };

/** What the proposal page lends: its request helper, screen switch and messages. */
export interface PortalContext {
  api: <T>(method: string, path: string, body?: unknown, isForm?: boolean) => Promise<T>;
  screen: (children: Child[]) => void;
  errorBox: (message: string) => HTMLElement;
  messageOf: (error: unknown) => string;
  nav: () => HTMLElement;
}

const STATE_LABELS = new Map(activityReportWorkflow.states.map((state) => [state.name as string, formatBilingual(state.labels)]));
const stateLabel = (state: string) => STATE_LABELS.get(state) ?? state;
const UNIT_MOVES = new Set<string>(activityReportWorkflow.transitions.filter((move) => move.roles.includes('unit')).map((move) => move.name));
const VALIDITY = new Map([['active', 'Berlaku (In force)'], ['expiring', 'Segera berakhir (Expiring)']]);
const tridharmaLabel = (value: string | null | undefined) => (value ? formatBilingual(TRIDHARMA_LABELS[value as (typeof ACTIVITY_TRIDHARMA)[number]] ?? { id: value, en: value }) : '');
const kindLabel = (value: string) => formatBilingual(EVIDENCE_KIND_LABELS[value as (typeof EVIDENCE_KINDS)[number]] ?? { id: value, en: value });
const stateBadge = (state: string) => el('span', { class: `state ${state}`, bi: stateLabel(state) });
const agreementName = (a: { ourNumber: string | null; title: string | null }) => [a.ourNumber, a.title].filter(Boolean).join(' — ');

export const activityReportScreens = (ctx: PortalContext) => {
  const { api, screen, errorBox, messageOf } = ctx;
  let options: ReportOptions | null = null;
  const loadOptions = async () => (options ??= (await api<{ data: ReportOptions }>('GET', '/api/activity-report-options')).data);

  async function showReports(notice?: string): Promise<void> {
    let reports: Report[];
    try {
      await loadOptions();
      reports = (await api<{ data: Report[] }>('GET', '/api/activity-reports?sort=updatedAt:desc&pagination[pageSize]=100&populate[unit]=true')).data;
    } catch (e) {
      return screen([ctx.nav(), errorBox(messageOf(e))]);
    }
    const { agreements, programItems } = options!;
    const reportButton = (id: string, link: Link, label: string) =>
      el('button', { type: 'button', id, 'aria-label': label, bi: 'Laporkan kegiatan (Report an activity)', onclick: () => showForm(null, link) });
    return screen([
      ctx.nav(),
      el('h1', { bi: 'Laporan kegiatan unit Anda (Your unit\'s activity reports)' }),
      notice ? el('p', { class: 'notice', role: 'status', bi: notice }) : null,
      el('h2', { bi: 'Naskah kerjasama yang berlaku (Agreements in force)' }),
      agreements.length
        ? el('table', { id: 'agreements' }, [
          el('thead', {}, [el('tr', {}, ['Nomor & judul (Number & title)', 'Mitra (Partner)', 'Berakhir (Ends)', 'Status (State)', 'Laporan (Report)'].map((h) => el('th', { bi: h })))]),
          el('tbody', {}, agreements.map((a) => el('tr', { 'data-document-id': a.documentId }, [
            el('td', { text: agreementName(a) }),
            el('td', { text: a.partnerName ?? '' }),
            el('td', { bi: a.indefinite ? 'Tanpa batas (Indefinite)' : (a.endDate ?? '') }),
            el('td', {}, [el('span', { class: `state ${a.validityState === 'expiring' ? 'revision_requested' : 'approved'}`, bi: VALIDITY.get(a.validityState) ?? a.validityState })]),
            el('td', {}, [reportButton(`report-agreement-${a.documentId}`, { agreement: a.documentId }, `Laporkan kegiatan untuk ${agreementName(a)} (Report an activity for ${agreementName(a)})`)]),
          ]))),
        ])
        : el('p', { class: 'muted', bi: 'Tidak ada naskah kerjasama berlaku untuk unit Anda. (No agreement of your unit is in force.)' }),
      el('h2', { bi: 'Butir program kerjasama (Program items)' }),
      programItems.length
        ? el('table', { id: 'program-items' }, [
          el('thead', {}, [el('tr', {}, ['Kegiatan (Activity)', 'Tahun (Year)', 'Mitra (Partner)', 'Rencana (Planned)', 'Laporan (Report)'].map((h) => el('th', { bi: h })))]),
          el('tbody', {}, programItems.map((item) => el('tr', { 'data-document-id': item.documentId }, [
            el('td', { text: item.title }),
            el('td', { text: item.year === null ? '' : String(item.year) }),
            el('td', { text: item.partnerName ?? '' }),
            el('td', { text: [item.plannedStart, item.plannedEnd].filter(Boolean).join(' – ') }),
            el('td', {}, [reportButton(`report-item-${item.documentId}`, { programItem: item.documentId }, `Laporkan kegiatan untuk ${item.title} (Report an activity for ${item.title})`)]),
          ]))),
        ])
        : el('p', { class: 'muted', bi: 'Belum ada butir program untuk unit Anda. (No program item for your unit yet.)' }),
      el('div', { class: 'row' }, [el('button', { type: 'button', class: 'primary', id: 'new-report', bi: 'Laporan kegiatan baru (New activity report)', onclick: () => showForm(null, {}) })]),
      el('h2', { bi: 'Laporan yang dibuat (Reports)' }),
      reports.length
        ? el('table', { id: 'reports' }, [
          el('thead', {}, [el('tr', {}, ['Judul (Title)', 'Unit', 'Tanggal (Dates)', 'Status (State)', 'Diubah (Updated)'].map((h) => el('th', { bi: h })))]),
          el('tbody', {}, reports.map((report) => el('tr', { 'data-document-id': report.documentId }, [
            el('td', {}, [el('button', { type: 'button', class: 'link', text: report.title, onclick: () => showReport(report.documentId) })]),
            el('td', { text: report.unit?.name ?? '' }),
            el('td', { text: [report.startDate, report.endDate].filter(Boolean).join(' – ') }),
            el('td', {}, [stateBadge(report.workflowState)]),
            el('td', { text: String(report.updatedAt).slice(0, 10) }),
          ]))),
        ])
        : el('p', { class: 'muted', bi: 'Belum ada laporan kegiatan. (No activity reports yet.)' }),
    ]);
  }

  async function showReport(documentId: string, notice?: string): Promise<void> {
    let report: Report;
    let workflow: WorkflowView;
    try {
      report = (await api<{ data: Report }>('GET', `/api/activity-reports/${documentId}?populate[unit]=true&populate[evidence][populate][file]=true`)).data;
      workflow = (await api<{ data: WorkflowView }>('GET', `/api/activity-reports/${documentId}/workflow`)).data;
    } catch (e) {
      return screen([ctx.nav(), errorBox(messageOf(e))]);
    }
    const returned = workflow.history.find((entry) => entry.toState === 'returned');
    const number = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
    const fields: [string, string][] = [
      ['Unit', report.unit?.name ?? ''],
      ['Naskah kerjasama (Agreement)', report.agreement ? agreementName(report.agreement) : ''],
      ['Butir program (Program item)', report.programItem?.title ?? ''],
      ['Mitra (Partner)', report.partner?.name ?? ''],
      ['Tridharma', tridharmaLabel(report.tridharma)],
      ['Tanggal (Dates)', [report.startDate, report.endDate].filter(Boolean).join(' – ')],
      ['Mahasiswa terlibat (Students)', number(report.studentParticipants)],
      ['Dosen terlibat (Lecturers)', number(report.lecturerParticipants)],
      ['Manfaat bagi prodi (Benefit for the study program)', report.benefit ?? ''],
      ['Mahasiswa dengan SKS diakui (Students with credits)', number(report.studentsWithCredits)],
      ['SKS diakui (Credits recognised)', number(report.creditsRecognised)],
      ['Sertifikat terbit (Certificates issued)', number(report.certificatesIssued)],
      ['Tindak lanjut (Follow-up)', report.followUp ?? ''],
    ];
    const dl = el('dl', { class: 'fields' });
    for (const [term, value] of fields) dl.append(el('dt', { bi: term }), el('dd', { text: value }));
    const evidence = (report.evidence ?? []).map((item) => el('li', {}, [
      el('span', { bi: `${kindLabel(item.kind)}: ` }),
      item.file ? el('a', { href: item.file.url, target: '_blank', rel: 'noopener', text: item.file.name }) : el('span', { class: 'muted', bi: 'tanpa berkas (no file)' }),
      item.note ? ` · ${item.note}` : null,
    ]));
    const error = el('div');
    const moves = workflow.available.filter((move) => UNIT_MOVES.has(move.name)).map((move) =>
      el('button', {
        type: 'button', class: 'primary', id: `move-${move.name}`, bi: formatBilingual(move.labels),
        onclick: async () => {
          error.innerHTML = '';
          try {
            await api('POST', `/api/activity-reports/${documentId}/transitions`, { to: move.to, from: workflow.state });
            void showReport(documentId, `Status diperbarui (State updated): ${stateLabel(move.to)}`);
          } catch (e) {
            error.append(errorBox(messageOf(e)));
          }
        },
      }));
    return screen([
      ctx.nav(),
      el('div', { class: 'row' }, [el('button', { type: 'button', class: 'link', bi: '← Kembali ke laporan (Back to the reports)', onclick: () => showReports() })]),
      el('h1', { id: 'report-title', text: report.title }),
      notice ? el('p', { class: 'notice', role: 'status', id: 'notice', bi: notice }) : null,
      el('p', {}, ['Status (State): ', stateBadge(workflow.state)].map((part) => (typeof part === 'string' ? el('span', { bi: part }) : part))),
      returned && workflow.state === 'returned' ? el('div', { class: 'card' }, [
        el('strong', { bi: 'Dikembalikan oleh Humas (Returned by Humas)' }),
        el('p', { id: 'return-reason', text: returned.reason || '' }),
        el('p', { class: 'muted', bi: 'Perbaiki laporan, lalu ajukan ulang. (Fix the report, then resubmit it.)' }),
      ]) : null,
      el('div', { class: 'card' }, [dl, el('h2', { bi: 'Bukti (Evidence)' }), evidence.length ? el('ul', { id: 'evidence' }, evidence) : el('p', { class: 'muted', bi: 'Belum ada bukti. (No evidence yet.)' })]),
      error,
      el('div', { class: 'row' }, [
        workflow.unitEditableStates.includes(workflow.state) ? el('button', { type: 'button', id: 'edit-report', bi: 'Ubah (Edit)', onclick: () => showForm(report, {}) }) : null,
        ...moves,
      ]),
      el('h2', { bi: 'Riwayat (History)' }),
      workflow.history.length
        ? el('ul', { class: 'history', id: 'history' }, workflow.history.map((entry) =>
          el('li', { text: `${String(entry.occurredAt).replace('T', ' ').slice(0, 16)} · ${stateLabel(entry.fromState)} → ${stateLabel(entry.toState)} · ${entry.actorName || entry.actorType}${entry.reason ? ` · ${entry.reason}` : ''}` })))
        : el('p', { class: 'muted', bi: 'Belum ada perubahan status. (No state change yet.)' }),
    ]);
  }

  /** One evidence row of the form: its kind, a file to upload and a note. */
  let rows = 0;
  const evidenceRow = (kind = 'photo') => {
    const n = (rows += 1);
    const select = el('select', { id: `evidence-kind-${n}`, name: 'evidence-kind' }, EVIDENCE_KINDS.map((value) => el('option', { value, text: kindLabel(value) })));
    select.value = kind;
    const file = el('input', { type: 'file', id: `evidence-file-${n}`, name: 'evidence-file', accept: '.pdf,.jpg,.jpeg,.png,.docx,.xlsx' });
    const note = el('input', { type: 'text', id: `evidence-note-${n}`, name: 'evidence-note', maxlength: '300' });
    const row = el('fieldset', { class: 'card evidence-row' }, [
      el('legend', { bi: `Bukti baru ${n} (New evidence ${n})` }),
      el('label', { for: select.id, bi: 'Jenis bukti (Kind of evidence)' }), select,
      el('label', { for: file.id, bi: 'Berkas (File)' }), file,
      el('label', { for: note.id, bi: 'Catatan (Note)' }), note,
    ]);
    return { row, select, file, note };
  };

  async function showForm(report: Report | null, link: Link): Promise<void> {
    try {
      await loadOptions();
    } catch (e) {
      return screen([ctx.nav(), errorBox(messageOf(e))]);
    }
    const { units, agreements, programItems } = options!;
    const value = (name: TextField | NumberField) => (report && report[name] !== null && report[name] !== undefined ? String(report[name]) : '');
    const input = (id: string, type: string, current: string, extra: Record<string, string | boolean> = {}) => el('input', { type, id, name: id, value: current, ...extra });
    const select = (id: string, choices: [string, string][], current: string) => {
      const node = el('select', { id, name: id }, choices.map(([choice, text]) => el('option', { value: choice, text })));
      node.value = current;
      return node;
    };
    const linkChoices: [string, string][] = [
      ['', '— tanpa naskah atau butir program (none) —'],
      ...agreements.map((a): [string, string] => [`agreement:${a.documentId}`, `Naskah (Agreement): ${agreementName(a)}${a.partnerName ? ` · ${a.partnerName}` : ''}`]),
      ...programItems.map((item): [string, string] => [`programItem:${item.documentId}`, `Butir program (Program item): ${item.title}${item.partnerName ? ` · ${item.partnerName}` : ''}`]),
    ];
    const currentLink = report?.agreement ? `agreement:${report.agreement.documentId}` : report?.programItem ? `programItem:${report.programItem.documentId}`
      : link.agreement ? `agreement:${link.agreement}` : link.programItem ? `programItem:${link.programItem}` : '';
    const count = (id: NumberField) => input(id, 'number', value(id), { min: '0', max: '1000000' });
    const fields = {
      title: input('title', 'text', value('title'), { required: true, maxlength: '300' }),
      unit: select('unit', units.map((unit): [string, string] => [unit.documentId, unit.name]), report?.unit?.documentId ?? units[0]?.documentId ?? ''),
      link: select('link', linkChoices, currentLink),
      tridharma: select('tridharma', ACTIVITY_TRIDHARMA.map((area): [string, string] => [area, tridharmaLabel(area)]), value('tridharma') || 'education'),
      startDate: input('startDate', 'date', value('startDate'), { required: true }),
      endDate: input('endDate', 'date', value('endDate')),
      studentParticipants: count('studentParticipants'),
      lecturerParticipants: count('lecturerParticipants'),
      benefit: el('textarea', { id: 'benefit', maxlength: '3000' }, [value('benefit')]),
      studentsWithCredits: count('studentsWithCredits'),
      creditsRecognised: count('creditsRecognised'),
      certificatesIssued: count('certificatesIssued'),
      followUp: el('textarea', { id: 'followUp', maxlength: '3000' }, [value('followUp')]),
    };
    const kept = (report?.evidence ?? []).filter((item) => item.file);
    const keptChecks = kept.map((item, index) => {
      const box = el('input', { type: 'checkbox', id: `keep-evidence-${index}`, name: 'keep-evidence', value: String(index), checked: true });
      return { item, box, node: el('label', { for: box.id }, [box, ` ${kindLabel(item.kind)}: ${item.file!.name}`]) };
    });
    const fresh = [evidenceRow()];
    const freshBox = el('div', { id: 'evidence-rows' }, fresh.map((r) => r.row));
    const error = el('div');
    const form = el('form', { class: 'card', id: 'report-form' }, [
      el('label', { for: 'title', bi: 'Judul kegiatan (Activity title)' }), fields.title,
      el('label', { for: 'unit', bi: 'Unit pelapor (Reporting unit)' }), fields.unit,
      el('label', { for: 'link', bi: 'Naskah kerjasama atau butir program (Agreement or program item)' }), fields.link,
      el('label', { for: 'tridharma', bi: 'Bidang tridharma (Tridharma area)' }), fields.tridharma,
      el('label', { for: 'startDate', bi: 'Tanggal mulai (Start date)' }), fields.startDate,
      el('label', { for: 'endDate', bi: 'Tanggal selesai (End date)' }), fields.endDate,
      el('label', { for: 'studentParticipants', bi: 'Mahasiswa terlibat (Students taking part)' }), fields.studentParticipants,
      el('label', { for: 'lecturerParticipants', bi: 'Dosen terlibat (Lecturers taking part)' }), fields.lecturerParticipants,
      el('label', { for: 'benefit', bi: 'Manfaat bagi program studi (Benefit for the study program)' }), fields.benefit,
      el('label', { for: 'studentsWithCredits', bi: 'Mahasiswa dengan SKS diakui (Students with credits recognised)' }), fields.studentsWithCredits,
      el('label', { for: 'creditsRecognised', bi: 'Jumlah SKS diakui (Credits recognised)' }), fields.creditsRecognised,
      el('label', { for: 'certificatesIssued', bi: 'Sertifikat diterbitkan (Certificates issued)' }), fields.certificatesIssued,
      el('label', { for: 'followUp', bi: 'Tindak lanjut (Follow-up)' }), fields.followUp,
      el('h2', { bi: 'Bukti pelaksanaan (Evidence)' }),
      keptChecks.length ? el('div', { class: 'checks', id: 'kept-evidence' }, keptChecks.map((check) => check.node)) : null,
      freshBox,
      el('div', { class: 'row' }, [el('button', {
        type: 'button', id: 'add-evidence', bi: 'Tambah bukti (Add evidence)',
        onclick: () => {
          const added = evidenceRow('report');
          fresh.push(added);
          freshBox.append(added.row);
          added.select.focus();
        },
      })]),
      error,
      el('div', { class: 'row' }, [
        el('button', { type: 'submit', class: 'primary', id: 'save-report', bi: 'Simpan draf (Save draft)' }),
        el('button', { type: 'button', bi: 'Batal (Cancel)', onclick: () => (report ? showReport(report.documentId) : showReports()) }),
      ]),
    ]);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.innerHTML = '';
      try {
        const evidence: { kind: string; file: number; note: string | null }[] = keptChecks
          .filter((check) => check.box.checked)
          .map((check) => ({ kind: check.item.kind, file: check.item.file!.id, note: check.item.note ?? null }));
        for (const row of fresh) {
          const file = row.file.files?.[0];
          if (!file) continue;
          const body = new FormData();
          body.append('files', file, file.name);
          const [uploaded] = await api<UploadedFile[]>('POST', '/api/upload', body, true);
          evidence.push({ kind: row.select.value, file: uploaded.id, note: row.note.value || null });
        }
        const [linkType, linkId] = fields.link.value ? fields.link.value.split(':') : ['', ''];
        const number = (node: HTMLInputElement) => (node.value === '' ? null : Number(node.value));
        const data = {
          title: fields.title.value, unit: fields.unit.value, tridharma: fields.tridharma.value,
          agreement: linkType === 'agreement' ? linkId : null, programItem: linkType === 'programItem' ? linkId : null,
          startDate: fields.startDate.value, endDate: fields.endDate.value || null,
          studentParticipants: number(fields.studentParticipants), lecturerParticipants: number(fields.lecturerParticipants),
          benefit: fields.benefit.value || null, studentsWithCredits: number(fields.studentsWithCredits),
          creditsRecognised: number(fields.creditsRecognised), certificatesIssued: number(fields.certificatesIssued),
          followUp: fields.followUp.value || null, evidence,
        };
        const saved = report
          ? await api<{ data: Report }>('PUT', `/api/activity-reports/${report.documentId}`, { data })
          : await api<{ data: Report }>('POST', '/api/activity-reports', { data });
        void showReport(saved.data.documentId, 'Draf tersimpan (Draft saved)');
      } catch (e) {
        error.append(errorBox(messageOf(e)));
      }
    });
    return screen([
      ctx.nav(),
      el('h1', { bi: report ? 'Ubah laporan kegiatan (Edit activity report)' : 'Laporan kegiatan baru (New activity report)' }),
      form,
    ]);
  }

  return { showReports, showReport };
};
