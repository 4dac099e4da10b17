/*
 * Document verification page: /verifikasi/<document number>. Anyone holding a copy of an issued
 * document drops it here; the file is hashed in the browser (Web Crypto SHA-256, the file never
 * leaves the computer) and compared with the SHA-256 recorded when the document was issued.
 */
import { bilingualMessage, byId, el, type Child } from './lib/dom';

type Lang = 'id' | 'en';
/** GET /api/verifikasi/:number: the public fields of an issued document (src/documents/issued/verify.ts, PUBLIC_FIELDS). */
interface IssuedDocument {
  documentNumber: string;
  title: string;
  formCode: string;
  year: number;
  issuedByName: string;
  issuedByRole: string | null;
  issuedAt: string;
  sha256: string;
}
type Result = { kind: 'checking' | 'error'; text: string } | { kind: 'match' | 'mismatch'; hash: string; name: string };

const number = location.pathname.replace(/^\/verifikasi\//, '').split('/').map(decodeURIComponent).join('/');
const app = byId('app');
const state: { lang: Lang; doc: IssuedDocument | null; error: { status: number; message: string } | null; result: Result | null } = {
  lang: 'id',
  doc: null,
  error: null,
  result: null,
};

const T = {
  id: {
    title: 'Verifikasi dokumen', number: 'Nomor dokumen', docTitle: 'Judul', form: 'Formulir', year: 'Tahun', issuer: 'Diterbitkan oleh',
    issuedAt: 'Diterbitkan pada', hash: 'SHA-256', drop: 'Letakkan berkas dokumen di sini, atau pilih berkas', choose: 'Pilih berkas untuk diperiksa',
    checking: 'Memeriksa…', match: 'Cocok: berkas ini identik byte demi byte dengan dokumen yang diterbitkan.',
    mismatch: 'Tidak cocok: berkas ini BUKAN dokumen yang diterbitkan dengan nomor ini (isinya berbeda).', yourHash: 'SHA-256 berkas Anda',
    privacy: 'Berkas diperiksa di peramban Anda dan tidak dikirim ke mana pun.', notFound: 'Dokumen tidak ditemukan',
    noCrypto: 'Peramban ini tidak dapat menghitung SHA-256 (halaman harus dibuka melalui https).', failed: 'Gagal memuat data dokumen',
  },
  en: {
    title: 'Document verification', number: 'Document number', docTitle: 'Title', form: 'Form', year: 'Year', issuer: 'Issued by',
    issuedAt: 'Issued at', hash: 'SHA-256', drop: 'Drop the document file here, or choose a file', choose: 'Choose a file to check',
    checking: 'Checking…', match: 'Match: this file is byte-for-byte identical to the issued document.',
    mismatch: 'No match: this file is NOT the document issued under this number (its content differs).', yourHash: 'SHA-256 of your file',
    privacy: 'The file is checked in your browser and sent nowhere.', notFound: 'Document not found',
    noCrypto: 'This browser cannot compute SHA-256 (the page must be opened over https).', failed: 'The document data could not be loaded',
  },
} satisfies Record<Lang, Record<string, string>>;

/** The time of issue in Batam (WIB), in the page's language. */
const formatTime = (iso: string) =>
  `${new Intl.DateTimeFormat(state.lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Jakarta' }).format(new Date(iso))} WIB`;

const hex = (buffer: ArrayBuffer) => Array.from(new Uint8Array(buffer), (byte) => `0${byte.toString(16)}`.slice(-2)).join('');

function check(file: File) {
  const t = T[state.lang];
  if (!window.crypto || !window.crypto.subtle) {
    state.result = { kind: 'error', text: t.noCrypto };
    return render();
  }
  state.result = { kind: 'checking', text: t.checking };
  render();
  void file.arrayBuffer()
    .then((bytes) => window.crypto.subtle.digest('SHA-256', bytes))
    .then((digest) => {
      const hash = hex(digest);
      state.result = { kind: hash === state.doc?.sha256 ? 'match' : 'mismatch', hash, name: file.name };
      render();
    });
  return undefined;
}

function resultNode() {
  const t = T[state.lang];
  const result = state.result;
  if (!result) return null;
  if ('text' in result) return el('div', { class: `message ${result.kind}`, role: 'status', id: 'result' }, [result.text]);
  return el('div', { class: `message ${result.kind}`, role: 'status', id: 'result', 'data-result': result.kind }, [
    el('strong', { text: t[result.kind] }),
    el('span', { class: 'hash' }, [`${t.yourHash} (${result.name}): ${result.hash}`]),
  ]);
}

function dropZone() {
  const t = T[state.lang];
  const input = el('input', { type: 'file', id: 'file', 'aria-label': t.choose });
  input.addEventListener('change', () => {
    if (input.files && input.files[0]) check(input.files[0]);
  });
  const zone = el('label', { class: 'drop', id: 'drop', for: 'file' }, [t.drop, input]);
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    const files = event.dataTransfer && event.dataTransfer.files;
    if (files && files[0]) check(files[0]);
  });
  return zone;
}

function render() {
  const t = T[state.lang];
  app.innerHTML = '';
  app.append(el('h1', { text: t.title }));
  if (state.error) {
    const known = state.error.status === 404 || state.error.status === 400;
    const detail: Child[] = known ? bilingualMessage(state.error.message) : [number];
    app.append(el('div', { class: 'message error', role: 'alert', id: 'message', 'data-status': String(state.error.status) },
      [el('strong', { text: `${known ? t.notFound : t.failed}: ` }), ...detail]));
    return;
  }
  const doc = state.doc;
  if (!doc) return;
  const rows: [string, string][] = [
    [t.number, doc.documentNumber], [t.docTitle, doc.title], [t.form, doc.formCode], [t.year, String(doc.year)],
    [t.issuer, doc.issuedByName + (doc.issuedByRole ? ` — ${doc.issuedByRole}` : '')], [t.issuedAt, formatTime(doc.issuedAt)],
  ];
  const list = el('dl', { id: 'document' });
  for (const [term, value] of rows) list.append(el('dt', { text: term }), el('dd', { text: value }));
  list.append(el('dt', { text: t.hash }), el('dd', { class: 'hash', id: 'sha256', text: doc.sha256 }));
  app.append(list, dropZone(), el('p', { class: 'note', text: t.privacy }));
  const result = resultNode();
  if (result) app.append(result);
}

function setLanguage(lang: Lang) {
  state.lang = lang;
  document.documentElement.lang = lang;
  for (const code of ['id', 'en']) byId(`lang-${code}`).setAttribute('aria-pressed', String(code === lang));
  render();
}

for (const button of document.querySelectorAll<HTMLButtonElement>('.languages button')) {
  button.addEventListener('click', () => setLanguage(button.getAttribute('data-lang') === 'en' ? 'en' : 'id'));
}
setLanguage('id');

fetch(`/api/verifikasi/${number.split('/').map(encodeURIComponent).join('/')}`, { headers: { Accept: 'application/json' } })
  .then((response) =>
    response.json().then((body: { data?: IssuedDocument; error?: { message?: string } }) => {
      if (!response.ok) state.error = { status: response.status, message: (body.error && body.error.message) || '' };
      else state.doc = body.data ?? null;
    }),
  )
  .catch(() => {
    state.error = { status: 0, message: '' };
  })
  .then(render);
