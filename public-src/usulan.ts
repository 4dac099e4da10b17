/*
 * /usulan/ — the unit portal: a unit's proposals and its activity reports (public-src/activity-reports.ts). Logs in through /api/auth/local, then uses the same content API
 * as every other client: the server scopes everything to the user's unit and enforces the
 * workflow, so this page only shows what the server allows. The states, their labels and the
 * moves of a unit are the proposal workflow's (src/domain/workflow/proposal.ts); the moves'
 * labels and the states in which a unit may edit come with /workflow's answer.
 */
import { formatBilingual } from '../src/domain/bilingual';
import { todayInBatam, type IsoDate } from '../src/domain/dates';
import { INSTITUTION_TYPES } from '../src/domain/directory';
import { proposalWorkflow } from '../src/domain/workflow/proposal';
import type { WorkflowDescription, WorkflowHistoryEntry } from '../src/contracts/workflow';
import { bilingual, byId, el, type Attributes, type Child } from './lib/dom';
import { activityReportScreens } from './activity-reports';

interface Named {
  documentId: string;
  name: string;
}
interface Call {
  documentId: string;
  title: string;
  deadline: IsoDate;
}
interface Coded {
  documentId: string;
  code: string;
}
/** GET /api/proposal-form-options (src/participation/proposal-reads.ts). */
interface FormOptions {
  units: Named[];
  calls: Call[];
  partners: (Named & { country: string })[];
  cooperationTypes: (Coded & { name: string })[];
  kpis: Coded[];
}
interface UploadedFile {
  id: number;
  name: string;
  url: string;
}
type ProposalField =
  | 'title'
  | 'prospectivePartnerName'
  | 'prospectivePartnerType'
  | 'prospectivePartnerCountry'
  | 'prospectivePartnerContact'
  | 'objectives'
  | 'expectedBenefit'
  | 'plannedYear'
  | 'proposerName'
  | 'proposerEmail';
type Proposal = Partial<Record<ProposalField, string | number | null>> & {
  documentId: string;
  title: string;
  workflowState: string;
  updatedAt: string;
  unit?: Named | null;
  partner?: Named | null;
  callForProposals?: Call | null;
  sourceChannel?: string | null;
  cooperationTypes?: (Coded & { name: string })[];
  kpis?: Coded[];
  attachments?: UploadedFile[];
};
/** GET /api/proposals/:documentId/workflow (src/workflow/service.ts, describeWorkflow). */
type WorkflowView = Omit<WorkflowDescription, 'history'> & {
  history: readonly (WorkflowHistoryEntry & { actorType: string })[];
  /** The states in which a unit may still edit its record: the spec's unitEdits (src/domain/workflow/proposal.ts). */
  unitEditableStates: readonly string[];
};
interface ApiError {
  error?: { message?: string; details?: { errors?: { path: string[]; message: string }[] } };
}

const app = byId('app');
const TOKEN_KEY = 'kerjasama.usulan.jwt';
let session: { jwt: string | null; user: { email: string } | null; options: FormOptions | null } = { jwt: sessionStorage.getItem(TOKEN_KEY), user: null, options: null };

const STATE_LABELS = new Map(proposalWorkflow.states.map((state) => [state.name as string, formatBilingual(state.labels)]));
const stateLabel = (state: string) => STATE_LABELS.get(state) ?? state;
/** The moves this page offers: those of the workflow a unit may make (the server lists which are open now). */
const UNIT_MOVES = new Set<string>(proposalWorkflow.transitions.filter((move) => move.roles.includes('unit')).map((move) => move.name));

let screens = 0;
function screen(children: Child[]) {
  app.innerHTML = '';
  for (const child of children) if (child) app.append(child);
  // A new screen is announced by moving to its heading (main is not a live region that re-reads it all).
  const heading = app.querySelector('h1');
  if (screens++ && heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

const errorBox = (message: string) => el('p', { class: 'error', role: 'alert', id: 'error', bi: message });
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function api<T>(method: string, path: string, body?: unknown, isForm = false): Promise<T> {
  const headers: Record<string, string> = {};
  if (session.jwt) headers.Authorization = `Bearer ${session.jwt}`;
  if (body && !isForm) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body ? (isForm ? (body as FormData) : JSON.stringify(body)) : undefined });
  const payload = (response.status === 204 ? {} : await response.json().catch(() => ({}))) as T & ApiError;
  if (response.status === 401) {
    logout();
    throw new Error('Sesi berakhir; silakan masuk lagi (Session ended; please log in again)');
  }
  if (!response.ok) {
    const error = payload.error ?? {};
    const details = error.details?.errors ?? [];
    throw new Error((error.message || `HTTP ${response.status}`) + (details.length > 1 ? `\n${details.map((d) => `• ${d.path.join('.')}: ${d.message}`).join('\n')}` : ''));
  }
  return payload;
}

/** The portal's two parts; the current one is marked for assistive technology. */
function nav(current: 'proposals' | 'reports'): HTMLElement {
  const item = (id: string, part: 'proposals' | 'reports', label: string, open: () => unknown) =>
    el('button', { type: 'button', id, class: part === current ? 'tab current' : 'tab', 'aria-current': part === current ? 'page' : null, bi: label, onclick: () => open() });
  return el('nav', { class: 'tabs', 'aria-label': 'Portal unit (Unit portal)' }, [
    item('nav-proposals', 'proposals', 'Usulan (Proposals)', () => showList()),
    item('nav-reports', 'reports', 'Laporan kegiatan (Activity reports)', () => reports.showReports()),
  ]);
}
const reports = activityReportScreens({ api, screen, errorBox, messageOf, nav: () => nav('reports') });

function logout() {
  sessionStorage.removeItem(TOKEN_KEY);
  session = { jwt: null, user: null, options: null };
  byId('who').hidden = true;
  showLogin();
}
byId('logout').addEventListener('click', logout);

/* ---------- log in, set password ---------- */

function showLogin(message?: string) {
  const identifier = el('input', { type: 'email', id: 'identifier', autocomplete: 'username', required: true });
  const password = el('input', { type: 'password', id: 'password', autocomplete: 'current-password', required: true });
  const error = el('div');
  const form = el('form', { class: 'card login', id: 'login-form' }, [
    el('h1', { bi: 'Masuk (Log in)' }),
    message ? el('p', { class: 'notice', bi: message }) : null,
    el('label', { for: 'identifier', bi: 'Surel (E-mail)' }), identifier,
    el('label', { for: 'password', bi: 'Kata sandi (Password)' }), password,
    error,
    el('div', { class: 'row' }, [el('button', { type: 'submit', class: 'primary', id: 'login', bi: 'Masuk (Log in)' })]),
    el('p', { class: 'muted', bi: 'Akun unit dibuat oleh Humas & Kerjasama. (Unit accounts are created by Public Relations & Cooperation.)' }),
  ]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.innerHTML = '';
    try {
      const result = await api<{ jwt: string }>('POST', '/api/auth/local', { identifier: identifier.value, password: password.value });
      void startSession(result.jwt);
    } catch {
      error.append(errorBox('Surel atau kata sandi salah (Wrong e-mail or password)'));
    }
  });
  screen([form]);
}

function showSetPassword(code: string) {
  const password = el('input', { type: 'password', id: 'new-password', autocomplete: 'new-password', minlength: '8', required: true });
  const confirm = el('input', { type: 'password', id: 'confirm-password', autocomplete: 'new-password', minlength: '8', required: true });
  const error = el('div');
  const form = el('form', { class: 'card login' }, [
    el('h1', { bi: 'Tetapkan kata sandi (Set your password)' }),
    el('label', { for: 'new-password', bi: 'Kata sandi baru (New password)' }), password,
    el('label', { for: 'confirm-password', bi: 'Ulangi kata sandi (Repeat the password)' }), confirm,
    error,
    el('div', { class: 'row' }, [el('button', { type: 'submit', class: 'primary', bi: 'Simpan (Save)' })]),
  ]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.innerHTML = '';
    try {
      const result = await api<{ jwt: string }>('POST', '/api/auth/reset-password', { code, password: password.value, passwordConfirmation: confirm.value });
      history.replaceState(null, '', '/usulan/');
      void startSession(result.jwt);
    } catch (e) {
      error.append(errorBox(messageOf(e)));
    }
  });
  screen([form]);
}

async function startSession(jwt: string): Promise<void> {
  session.jwt = jwt;
  sessionStorage.setItem(TOKEN_KEY, jwt);
  try {
    session.user = await api<{ email: string }>('GET', '/api/users/me');
    session.options = (await api<{ data: FormOptions }>('GET', '/api/proposal-form-options')).data;
  } catch (e) {
    return showLogin(messageOf(e));
  }
  const unit = session.options.units[0];
  byId('who-name').textContent = session.user.email + (unit ? ` · ${unit.name}` : '');
  byId('who').hidden = false;
  return showList();
}

/** Calls still taking proposals: up to and including their deadline day in Batam. */
const openCalls = (options: FormOptions) => options.calls.filter((call) => call.deadline >= todayInBatam());

/* ---------- list ---------- */

const stateBadge = (state: string) => el('span', { class: `state ${state}`, bi: stateLabel(state) });

async function showList(notice?: string): Promise<void> {
  const options = session.options!;
  let payload: { data: Proposal[] };
  try {
    payload = await api('GET', '/api/proposals?sort=updatedAt:desc&pagination[pageSize]=100&populate[unit]=true&populate[callForProposals]=true');
  } catch (e) {
    return screen([errorBox(messageOf(e))]);
  }
  const calls = openCalls(options);
  const rows = payload.data.map((proposal) =>
    el('tr', { 'data-document-id': proposal.documentId }, [
      el('td', {}, [el('button', { type: 'button', class: 'link', text: proposal.title, onclick: () => showDetail(proposal.documentId) })]),
      el('td', { text: proposal.unit ? proposal.unit.name : '' }),
      el('td', { text: proposal.partner ? proposal.partner.name : (proposal.prospectivePartnerName || '') }),
      el('td', {}, [stateBadge(proposal.workflowState)]),
      el('td', { text: String(proposal.updatedAt).slice(0, 10) }),
    ]),
  );
  return screen([
    nav('proposals'),
    el('h1', { bi: 'Usulan unit Anda (Your unit\'s proposals)' }),
    notice ? el('p', { class: 'notice', role: 'status', bi: notice }) : null,
    el('div', { class: 'card' }, calls.length
      ? calls.map((call) => el('p', {}, [bilingual('Panggilan dibuka (Open call): '), call.title, bilingual(` — batas waktu (deadline) ${call.deadline}`)]))
      : [el('p', { class: 'muted', bi: 'Tidak ada panggilan usulan yang dibuka saat ini; unit tetap dapat mengusulkan atas inisiatifnya sendiri. (No call for proposals is open now; your unit may still propose on its own initiative.)' })]),
    el('div', { class: 'row' }, [el('button', { type: 'button', class: 'primary', id: 'new-proposal', bi: calls.length ? 'Usulan baru (New proposal)' : 'Usulan atas inisiatif unit (Proposal on your unit\'s initiative)', onclick: () => showForm(null) })]),
    el('h2', { bi: 'Daftar usulan (Proposals)' }),
    rows.length
      ? el('table', { id: 'proposals' }, [
        el('thead', {}, [el('tr', {}, ['Judul (Title)', 'Unit', 'Mitra (Partner)', 'Status (State)', 'Diubah (Updated)'].map((h) => el('th', { bi: h })))]),
        el('tbody', {}, rows),
      ])
      : el('p', { class: 'muted', bi: 'Belum ada usulan. (No proposals yet.)' }),
  ]);
}

/* ---------- detail, history, moves ---------- */

async function showDetail(documentId: string, notice?: string): Promise<void> {
  let proposal: Proposal;
  let workflow: WorkflowView;
  try {
    proposal = (await api<{ data: Proposal }>('GET', `/api/proposals/${documentId}?populate[unit]=true&populate[callForProposals]=true&populate[cooperationTypes]=true&populate[kpis]=true&populate[attachments]=true`)).data;
    workflow = (await api<{ data: WorkflowView }>('GET', `/api/proposals/${documentId}/workflow`)).data;
  } catch (e) {
    return screen([errorBox(messageOf(e))]);
  }
  const revision = workflow.history.filter((entry) => entry.toState === 'revision_requested')[0];
  const fields: [string, string | number | null | undefined][] = [
    ['Unit', proposal.unit?.name],
    ['Panggilan (Call)', proposal.callForProposals?.title],
    ['Mitra (Partner)', proposal.partner ? proposal.partner.name : (proposal.prospectivePartnerName ? `${proposal.prospectivePartnerName} (calon / prospective)` : '')],
    ['Jenis kerjasama (Cooperation types)', (proposal.cooperationTypes || []).map((type) => type.name).join(', ')],
    ['Tujuan (Objectives)', proposal.objectives],
    ['Manfaat (Expected benefit)', proposal.expectedBenefit],
    ['Tahun rencana (Planned year)', proposal.plannedYear],
    ['Kode KPI (KPI codes)', (proposal.kpis || []).map((kpi) => kpi.code).join(', ')],
  ];
  const dl = el('dl', { class: 'fields' });
  for (const [term, value] of fields) dl.append(el('dt', { bi: term }), el('dd', { text: value === undefined || value === null ? '' : String(value) }));
  const attachments = (proposal.attachments || []).map((file) => el('li', {}, [el('a', { href: file.url, target: '_blank', rel: 'noopener', text: file.name })]));
  const error = el('div');
  const moves = workflow.available.filter((move) => UNIT_MOVES.has(move.name)).map((move) =>
    el('button', {
      type: 'button', class: move.name === 'withdraw' ? 'danger' : 'primary', id: `move-${move.name}`, bi: formatBilingual(move.labels),
      onclick: async () => {
        let reason: string | null | undefined;
        if (move.reasonRequired) {
          reason = window.prompt('Alasan (Reason):');
          if (!reason) return;
        }
        error.innerHTML = '';
        try {
          await api('POST', `/api/proposals/${documentId}/transitions`, { to: move.to, reason, from: workflow.state });
          void showDetail(documentId, `Status diperbarui (State updated): ${stateLabel(move.to)}`);
        } catch (e) {
          error.append(errorBox(messageOf(e)));
        }
      },
    }),
  );
  return screen([
    el('div', { class: 'row' }, [el('button', { type: 'button', class: 'link', bi: '← Kembali ke daftar (Back to the list)', onclick: () => showList() })]),
    el('h1', { id: 'proposal-title', text: proposal.title }),
    notice ? el('p', { class: 'notice', role: 'status', id: 'notice', bi: notice }) : null,
    el('p', {}, ['Status (State): ', stateBadge(workflow.state)]),
    revision && workflow.state === 'revision_requested' ? el('div', { class: 'card' }, [
      el('strong', { bi: 'Permintaan revisi (Revision requested)' }),
      el('p', { id: 'revision-reason', text: revision.reason || '' }),
      el('p', { class: 'muted', bi: 'Perbaiki usulan, lalu ajukan ulang. (Revise the proposal, then resubmit it.)' }),
    ]) : null,
    el('div', { class: 'card' }, [dl, attachments.length ? el('div', {}, [el('h2', { bi: 'Lampiran (Attachments)' }), el('ul', {}, attachments)]) : null]),
    error,
    el('div', { class: 'row' }, [
      workflow.unitEditableStates.includes(workflow.state) ? el('button', { type: 'button', id: 'edit', bi: 'Ubah (Edit)', onclick: () => showForm(proposal) }) : null,
      ...moves,
    ]),
    el('h2', { bi: 'Riwayat (History)' }),
    workflow.history.length
      ? el('ul', { class: 'history', id: 'history' }, workflow.history.map((entry) =>
        el('li', { text: `${String(entry.occurredAt).replace('T', ' ').slice(0, 16)} · ${stateLabel(entry.fromState)} → ${stateLabel(entry.toState)} · ${entry.actorName || entry.actorType}${entry.reason ? ` · ${entry.reason}` : ''}` })))
      : el('p', { class: 'muted', bi: 'Belum ada perubahan status. (No state change yet.)' }),
  ]);
}

/* ---------- create / edit ---------- */

type Choice = [value: string, text: string];

function showForm(proposal: Proposal | null) {
  const options = session.options!;
  const value = (name: ProposalField) => (proposal && proposal[name] !== null && proposal[name] !== undefined ? String(proposal[name]) : '');
  const input = (id: string, type: string, current: string, extra: Attributes = {}) => el('input', { type, id, name: id, value: current, ...extra });
  const select = (id: string, choices: Choice[], current: string | undefined, extra: Attributes = {}) => {
    const node = el('select', { id, name: id, ...extra }, choices.map(([choice, text]) => el('option', { value: choice, text })));
    node.value = current as string;
    return node;
  };
  const checks = <T extends { documentId: string }>(name: string, items: T[], chosen: string[], label: (item: T) => string) =>
    el('div', { class: 'checks', id: name }, items.map((item) =>
      el('label', {}, [el('input', { type: 'checkbox', name, value: item.documentId, checked: chosen.includes(item.documentId) }), label(item)])));
  const calls = openCalls(options);
  const callChoices: Choice[] = calls.map((call) => [call.documentId, `${call.title} (${call.deadline})`]);
  const ownCall = proposal?.callForProposals;
  if (ownCall && !calls.some((call) => call.documentId === ownCall.documentId)) callChoices.unshift([ownCall.documentId, ownCall.title]);
  const initiative = proposal ? proposal.sourceChannel === 'unit_initiative' : !calls.length;
  const sourceChoices: Choice[] = [
    ...(calls.length || (proposal && !initiative) ? [['call_for_proposals', 'Menjawab panggilan usulan (Answering a call for proposals)'] as Choice] : []),
    ['unit_initiative', 'Inisiatif unit sendiri (Your unit\'s own initiative)'],
  ];
  const partnerMode = proposal && !proposal.partner && proposal.prospectivePartnerName ? 'prospective' : 'existing';
  const fields = {
    title: input('title', 'text', value('title'), { required: true, maxlength: '300' }),
    unit: select('unit', options.units.map((unit): Choice => [unit.documentId, unit.name]), proposal?.unit ? proposal.unit.documentId : options.units[0]?.documentId),
    source: select('sourceChannel', sourceChoices, initiative ? 'unit_initiative' : 'call_for_proposals', { disabled: Boolean(proposal) }),
    call: select('callForProposals', callChoices, ownCall ? ownCall.documentId : callChoices[0]?.[0]),
    mode: select('partner-mode', [['existing', 'Mitra yang sudah ada (Existing partner)'], ['prospective', 'Calon mitra baru (Prospective partner)']], partnerMode),
    partner: select('partner', [['', '— pilih mitra (choose a partner) —'], ...options.partners.map((p): Choice => [p.documentId, `${p.name} · ${p.country}`])], proposal?.partner ? proposal.partner.documentId : ''),
    prospectiveName: input('prospectivePartnerName', 'text', value('prospectivePartnerName'), { maxlength: '200' }),
    prospectiveType: select('prospectivePartnerType', [['', '—'], ...INSTITUTION_TYPES.map((type): Choice => [type, type])], value('prospectivePartnerType')),
    prospectiveCountry: input('prospectivePartnerCountry', 'text', value('prospectivePartnerCountry'), { maxlength: '2', placeholder: 'ID' }),
    prospectiveContact: el('textarea', { id: 'prospectivePartnerContact', maxlength: '1000' }, [value('prospectivePartnerContact')]),
    types: checks('cooperationTypes', options.cooperationTypes, (proposal?.cooperationTypes || []).map((type) => type.documentId), (type) => `${type.code} — ${type.name}`),
    objectives: el('textarea', { id: 'objectives', required: true, maxlength: '5000' }, [value('objectives')]),
    benefit: el('textarea', { id: 'expectedBenefit', maxlength: '5000' }, [value('expectedBenefit')]),
    year: input('plannedYear', 'number', value('plannedYear') || String(new Date().getFullYear() + 1), { min: '2000', max: '2100', required: true }),
    kpis: checks('kpis', options.kpis, (proposal?.kpis || []).map((kpi) => kpi.documentId), (kpi) => kpi.code),
    proposerName: input('proposerName', 'text', value('proposerName'), { maxlength: '150' }),
    proposerEmail: input('proposerEmail', 'email', value('proposerEmail') || session.user?.email || ''),
    files: input('files', 'file', '', { multiple: true }),
  };
  const existingBox = el('div', {}, [el('label', { for: 'partner', bi: 'Mitra (Partner)' }), fields.partner]);
  const prospectiveBox = el('div', {}, [
    el('label', { for: 'prospectivePartnerName', bi: 'Nama calon mitra (Prospective partner name)' }), fields.prospectiveName,
    el('label', { for: 'prospectivePartnerType', bi: 'Jenis lembaga (Institution type)' }), fields.prospectiveType,
    el('label', { for: 'prospectivePartnerCountry', bi: 'Negara, kode 2 huruf (Country, 2-letter code)' }), fields.prospectiveCountry,
    el('label', { for: 'prospectivePartnerContact', bi: 'Kontak calon mitra (Prospective partner contact)' }), fields.prospectiveContact,
  ]);
  const syncMode = () => {
    existingBox.hidden = fields.mode.value !== 'existing';
    prospectiveBox.hidden = fields.mode.value === 'existing';
  };
  fields.mode.addEventListener('change', syncMode);
  syncMode();
  const callBox = el('div', {}, [el('label', { for: 'callForProposals', bi: 'Panggilan usulan (Call for proposals)' }), fields.call]);
  const syncSource = () => {
    callBox.hidden = fields.source.value === 'unit_initiative';
  };
  fields.source.addEventListener('change', syncSource);
  syncSource();
  const kept = (proposal?.attachments || []).map((file) => file.id);
  const error = el('div');
  const form = el('form', { class: 'card', id: 'proposal-form' }, [
    el('label', { for: 'title', bi: 'Judul usulan (Title)' }), fields.title,
    el('label', { for: 'unit', bi: 'Unit pengusul (Proposing unit)' }), fields.unit,
    el('label', { for: 'sourceChannel', bi: 'Sumber usulan (Source of the proposal)' }), fields.source,
    callBox,
    el('label', { for: 'partner-mode', bi: 'Mitra (Partner)' }), fields.mode, existingBox, prospectiveBox,
    el('label', { bi: 'Jenis kerjasama (Cooperation types)' }), fields.types,
    el('label', { for: 'objectives', bi: 'Tujuan (Objectives)' }), fields.objectives,
    el('label', { for: 'expectedBenefit', bi: 'Manfaat yang diharapkan (Expected benefit)' }), fields.benefit,
    el('label', { for: 'plannedYear', bi: 'Tahun rencana (Planned year)' }), fields.year,
    el('label', { bi: 'Kode KPI (KPI codes)' }), fields.kpis,
    el('label', { for: 'proposerName', bi: 'Nama pengusul (Proposer)' }), fields.proposerName,
    el('label', { for: 'proposerEmail', bi: 'Surel pengusul (Proposer e-mail)' }), fields.proposerEmail,
    el('label', { for: 'files' }, ['Lampiran (Attachments) ', el('small', { text: kept.length ? `· ${kept.length} berkas tersimpan (files kept)` : '' })]), fields.files,
    error,
    el('div', { class: 'row' }, [
      el('button', { type: 'submit', class: 'primary', id: 'save', bi: 'Simpan draf (Save draft)' }),
      el('button', { type: 'button', bi: 'Batal (Cancel)', onclick: () => (proposal ? showDetail(proposal.documentId) : showList()) }),
    ]),
  ]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.innerHTML = '';
    const checked = (name: string) => Array.from(form.querySelectorAll<HTMLInputElement>(`input[name=${name}]:checked`), (node) => node.value);
    try {
      let uploaded: number[] = [];
      const files = fields.files.files;
      if (files?.length) {
        const body = new FormData();
        for (const file of Array.from(files)) body.append('files', file, file.name);
        uploaded = (await api<UploadedFile[]>('POST', '/api/upload', body, true)).map((file) => file.id);
      }
      const existing = fields.mode.value === 'existing';
      const data = {
        title: fields.title.value, unit: fields.unit.value,
        ...(fields.source.value === 'unit_initiative' ? { sourceChannel: 'unit_initiative', callForProposals: null } : { callForProposals: fields.call.value || null }),
        partner: existing && fields.partner.value ? fields.partner.value : null,
        prospectivePartnerName: existing ? null : fields.prospectiveName.value || null,
        prospectivePartnerType: existing ? null : fields.prospectiveType.value || null,
        prospectivePartnerCountry: existing ? null : (fields.prospectiveCountry.value || '').toUpperCase() || null,
        prospectivePartnerContact: existing ? null : fields.prospectiveContact.value || null,
        cooperationTypes: checked('cooperationTypes'), kpis: checked('kpis'),
        objectives: fields.objectives.value, expectedBenefit: fields.benefit.value || null, plannedYear: Number(fields.year.value),
        proposerName: fields.proposerName.value || null, proposerEmail: fields.proposerEmail.value || null,
        attachments: [...kept, ...uploaded],
      };
      const saved = proposal
        ? await api<{ data: Proposal }>('PUT', `/api/proposals/${proposal.documentId}`, { data })
        : await api<{ data: Proposal }>('POST', '/api/proposals', { data });
      void showDetail(saved.data.documentId, 'Draf tersimpan (Draft saved)');
    } catch (e) {
      error.append(errorBox(messageOf(e)));
    }
  });
  screen([
    el('h1', { bi: proposal ? 'Ubah usulan (Edit proposal)' : 'Usulan baru (New proposal)' }),
    form,
  ]);
}

/* ---------- start ---------- */

const code = new URLSearchParams(location.search).get('code');
if (code) showSetPassword(code);
else if (session.jwt) void startSession(session.jwt);
else showLogin();
