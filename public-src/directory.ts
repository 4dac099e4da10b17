// The public partner directory page: a small client of GET /api/directory (the same API any
// outside website uses). Filters go to the API as query parameters and into the page URL.
// The filters, the listing's shape and its labels are the server's (src/domain/directory.ts,
// meta.labels of the answer); this file only draws them.
import { FILTER_PARAMETERS, type Directory, type DirectoryFilters, type DirectoryLabels, type DirectoryPartner, type FilterParameter } from '../src/domain/directory';
import { byId, el } from './lib/dom';

type Lang = 'id' | 'en';
type Select = Exclude<FilterParameter, 'q'>;
type LabelTableName = keyof DirectoryLabels;

interface WorldMap {
  width: number;
  height: number;
  /** SVG path data by ISO 3166-1 alpha-2 code (scripts/build-public.js). */
  countries: Record<string, string>;
  /** Projected centres of countries too small to see, drawn as a dot when they have partners. */
  markers?: Record<string, [number, number]>;
}

const FILTERS = FILTER_PARAMETERS.filter((name): name is Select => name !== 'q');

const TEXT = {
  id: {
    skip: 'Langsung ke daftar mitra', eyebrow: 'Humas & Kerjasama · Politeknik Negeri Batam', title: 'Mitra Kerjasama',
    lead: 'Institusi yang saat ini bekerja sama dengan Polibatam melalui naskah kerjasama yang berlaku.',
    langHint: 'Ganti bahasa halaman', mapTitle: 'Sebaran negara mitra', filtersTitle: 'Saring mitra', q: 'Cari nama mitra',
    level: 'Tingkat', institutionType: 'Jenis institusi', country: 'Negara', cooperationType: 'Jenis kerjasama', unit: 'Unit',
    reset: 'Hapus saringan', countsTitle: 'Jumlah mitra', resultsTitle: 'Daftar mitra', admin: 'Panel admin',
    apiNote: 'Data ini tersedia sebagai API terbuka: GET /api/directory.', all: 'Semua', total: (n: number) => `${n} mitra`,
    none: 'Tidak ada mitra yang cocok dengan saringan ini.', since: (y: number) => `Bermitra sejak ${y}`, website: 'Situs web',
    agreements: 'Naskah', error: 'Direktori tidak dapat dimuat. Coba lagi nanti.', countries: (n: number) => `Mitra di ${n} negara`,
    mapCountry: (name: string, n: number) => `${name}: ${n} mitra`, langButton: 'English', byLevel: 'Menurut tingkat',
    byType: 'Menurut jenis institusi', byCountry: 'Menurut negara', logo: (name: string) => `Logo ${name}`,
  },
  en: {
    skip: 'Skip to the partner list', eyebrow: 'Public Relations & Cooperation · Politeknik Negeri Batam', title: 'Our partners',
    lead: 'Institutions working with Polibatam today under an agreement in force.',
    langHint: 'Change the page language', mapTitle: 'Partner countries', filtersTitle: 'Filter partners', q: 'Search partner names',
    level: 'Level', institutionType: 'Institution type', country: 'Country', cooperationType: 'Cooperation type', unit: 'Unit',
    reset: 'Clear filters', countsTitle: 'Partner counts', resultsTitle: 'Partner list', admin: 'Admin panel',
    apiNote: 'This data is an open API: GET /api/directory.', all: 'All', total: (n: number) => `${n} partner${n === 1 ? '' : 's'}`,
    none: 'No partner matches these filters.', since: (y: number) => `Partner since ${y}`, website: 'Website',
    agreements: 'Agreements', error: 'The directory could not be loaded. Please try again later.', countries: (n: number) => `Partners in ${n} countries`,
    mapCountry: (name: string, n: number) => `${name}: ${n} partner${n === 1 ? '' : 's'}`, langButton: 'Bahasa Indonesia', byLevel: 'By level',
    byType: 'By institution type', byCountry: 'By country', logo: (name: string) => `${name} logo`,
  },
} satisfies Record<Lang, Record<string, string | ((...args: never[]) => string)>>;
type Texts = (typeof TEXT)['id'];
type TextKey = keyof Texts;
type Args<K extends TextKey> = Texts[K] extends (...args: infer A) => string ? A : [];
/** The texts without arguments: those the page's data-i18n elements name. */
type StaticKey = { [K in TextKey]: Texts[K] extends string ? K : never }[TextKey];

const state: { lang: Lang; labels: DirectoryLabels | null; all: Directory | null; current: Directory | null; map: WorldMap | null } = {
  lang: localStorage.getItem('directory-lang') === 'en' ? 'en' : 'id',
  labels: null,
  all: null,
  current: null,
  map: null,
};
const t = <K extends TextKey>(key: K, ...args: Args<K>): string => {
  const value = TEXT[state.lang][key] as string | ((...values: Args<K>) => string);
  return typeof value === 'function' ? value(...args) : value;
};
const label = (table: LabelTableName, code: string) => state.labels?.[table]?.[code]?.[state.lang] ?? code;
const field = (name: FilterParameter) => byId<HTMLInputElement | HTMLSelectElement>(name);

const readUrl = (): DirectoryFilters => {
  const params = new URLSearchParams(location.search);
  const filters: DirectoryFilters = {};
  for (const name of FILTER_PARAMETERS) if (params.get(name)) filters[name] = params.get(name)!;
  return filters;
};
const formFilters = (): DirectoryFilters => {
  const filters: DirectoryFilters = {};
  for (const name of FILTER_PARAMETERS) {
    const value = field(name).value.trim();
    if (value) filters[name] = value;
  }
  return filters;
};

const fetchDirectory = async (filters: DirectoryFilters): Promise<Directory> => {
  const response = await fetch(`/api/directory?${new URLSearchParams(filters)}`, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as Directory;
};

const fillSelect = (name: Select, codes: string[], table: LabelTableName) => {
  const select = byId<HTMLSelectElement>(name);
  const chosen = select.value || select.dataset.pending || '';
  select.replaceChildren(el('option', { value: '', text: t('all') }));
  const sorted = [...codes].sort((a, b) => label(table, a).localeCompare(label(table, b), state.lang));
  for (const code of sorted) select.append(el('option', { value: code, text: label(table, code) }));
  select.value = sorted.includes(chosen) ? chosen : '';
  delete select.dataset.pending;
};

const renderFilters = (all: Directory, labels: DirectoryLabels) => {
  fillSelect('level', Object.keys(labels.level), 'level');
  fillSelect('institutionType', Object.keys(all.meta.counts.institutionType), 'institutionType');
  fillSelect('country', Object.keys(labels.country), 'country');
  fillSelect('cooperationType', Object.keys(labels.cooperationType), 'cooperationType');
  fillSelect('unit', Object.keys(labels.unit), 'unit');
};

const renderCounts = (listing: Directory) => {
  byId('total').textContent = t('total', listing.meta.total);
  const group = (title: string, table: LabelTableName, counts: Record<string, number>) =>
    el('div', { class: 'count-group' }, [
      el('h3', { text: title }),
      el('ul', {}, Object.entries(counts).sort((a, b) => b[1] - a[1]).slice(0, 8)
        .map(([code, n]) => el('li', {}, [el('span', { text: label(table, code) }), el('strong', { text: String(n) })]))),
    ]);
  byId('count-groups').replaceChildren(
    group(t('byLevel'), 'level', listing.meta.counts.level),
    group(t('byType'), 'institutionType', listing.meta.counts.institutionType),
    group(t('byCountry'), 'country', listing.meta.counts.country),
  );
};

const initials = (name: string) => name.split(/\s+/).filter((w) => /^[A-Za-z]/.test(w)).slice(0, 2).map((w) => w[0]).join('').toUpperCase();

const card = (partner: DirectoryPartner) => {
  const logo = partner.logoUrl
    ? el('img', { src: partner.logoUrl, alt: t('logo', partner.name), loading: 'lazy', width: '64', height: '64' })
    : el('span', { class: 'logo-fallback', 'aria-hidden': 'true', text: initials(partner.name) });
  const place = [partner.city, label('country', partner.country)].filter(Boolean).join(', ');
  const chips = el('ul', { class: 'chips', 'aria-label': t('cooperationType') },
    partner.cooperationTypes.map((code) => el('li', { text: label('cooperationType', code) })));
  return el('li', { class: 'card', 'data-document-id': partner.documentId }, [
    el('div', { class: 'card-head' }, [
      el('div', { class: 'logo' }, [logo]),
      el('div', {}, [
        el('h3', { text: partner.name }),
        el('p', { class: 'meta', text: `${label('institutionType', partner.institutionType)} · ${label('level', partner.level)}` }),
        el('p', { class: 'meta', text: place }),
      ]),
    ]),
    // Descriptions are written in Indonesian, whichever language the page shows.
    partner.publicDescription ? el('p', { class: 'desc', lang: 'id', text: partner.publicDescription }) : null,
    partner.cooperationTypes.length ? chips : null,
    el('p', { class: 'meta small', text: [
      partner.agreementKinds.length ? `${t('agreements')}: ${partner.agreementKinds.map((k) => label('agreementKind', k)).join(', ')}` : '',
      partner.since ? t('since', partner.since) : '',
    ].filter(Boolean).join(' · ') }),
    partner.website ? el('a', { class: 'website', href: partner.website, rel: 'noopener noreferrer', text: `${t('website')} ↗` }) : null,
  ]);
};

const renderCards = (listing: Directory) => {
  const cards = listing.data.map(card);
  byId('cards').replaceChildren(...(cards.length ? cards : [el('li', { class: 'empty', text: t('none') })]));
};

const renderMap = () => {
  const map = state.map;
  if (!map || !state.all) return;
  const counts = state.all.meta.counts.country;
  const selected = field('country').value;
  const svgNs = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', `0 0 ${map.width} ${map.height}`);
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-label', t('mapTitle'));
  const markers = map.markers ?? {};
  // Small countries (Singapore, ...) are a dot beside their shape, if any, when they have partners.
  const dot = ([x, y]: [number, number]) => `M${x - 3.5},${y}a3.5,3.5 0 1,0 7,0a3.5,3.5 0 1,0 -7,0`;
  const codes = new Set([...Object.keys(map.countries), ...Object.keys(markers).filter((code) => counts[code])]);
  for (const code of codes) {
    const n = counts[code] ?? 0;
    const d = `${map.countries[code] ?? ''}${n && markers[code] ? dot(markers[code]) : ''}`;
    const path = document.createElementNS(svgNs, 'path');
    path.setAttribute('d', d);
    path.setAttribute('data-country', code);
    path.setAttribute('class', [n ? 'has' : '', n && markers[code] ? 'marker' : '', code === selected ? 'selected' : ''].filter(Boolean).join(' '));
    if (n) {
      path.setAttribute('tabindex', '0');
      path.setAttribute('role', 'button');
      // One name (no <title> beside it, which was read as a second "…: n"); pressed = the filter.
      path.setAttribute('aria-label', t('mapCountry', label('country', code), n));
      path.setAttribute('aria-pressed', String(code === selected));
      const choose = () => {
        field('country').value = code === selected ? '' : code;
        void update();
      };
      path.addEventListener('click', choose);
      path.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          choose();
        }
      });
    }
    svg.append(path);
  }
  const canvas = byId('map-canvas');
  // The SVG is rebuilt: a country chosen from the keyboard keeps the focus.
  const focused = canvas.contains(document.activeElement) ? document.activeElement?.getAttribute('data-country') : null;
  canvas.replaceChildren(svg);
  if (focused) svg.querySelector<SVGElement>(`[data-country="${focused}"]`)?.focus();
  byId('map-caption').textContent = t('countries', Object.keys(counts).length);
};

const applyLanguage = () => {
  document.documentElement.lang = state.lang;
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) node.textContent = t(node.dataset.i18n as StaticKey);
  document.title = `${t('title')} · Politeknik Negeri Batam`;
  byId('lang').textContent = t('langButton');
  byId('lang').setAttribute('lang', state.lang === 'id' ? 'en' : 'id');
};

const render = () => {
  applyLanguage();
  if (!state.all || !state.labels || !state.current) return;
  renderFilters(state.all, state.labels);
  renderCounts(state.current);
  renderCards(state.current);
  renderMap();
};

const showError = () => {
  byId('error').textContent = t('error');
  byId('error').hidden = false;
};

let pending = 0;
const update = async () => {
  const filters = formFilters();
  const query = new URLSearchParams(filters).toString();
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
  const ticket = (pending += 1);
  try {
    const listing = await fetchDirectory(filters);
    if (ticket !== pending) return;
    state.current = listing;
    byId('error').hidden = true;
    renderCounts(listing);
    renderCards(listing);
    renderMap();
  } catch {
    showError();
  }
};

const start = async () => {
  byId('lang').addEventListener('click', () => {
    state.lang = state.lang === 'id' ? 'en' : 'id';
    localStorage.setItem('directory-lang', state.lang);
    render();
  });
  const initial = readUrl();
  for (const [name, value] of Object.entries(initial) as [FilterParameter, string][]) {
    if (name === 'q') field('q').value = value;
    else field(name).dataset.pending = value;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  field('q').addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(update, 200);
  });
  for (const name of FILTERS) field(name).addEventListener('change', update);
  byId('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    void update();
  });
  byId('filters').addEventListener('reset', () => setTimeout(update));
  applyLanguage();
  try {
    const all = await fetchDirectory({});
    state.all = all;
    state.labels = all.meta.labels;
    renderFilters(all, all.meta.labels);
    state.current = Object.keys(formFilters()).length ? await fetchDirectory(formFilters()) : all;
    render();
    document.body.dataset.ready = 'true';
  } catch {
    showError();
  }
  fetch('/assets/world-map.json')
    .then((response) => (response.ok ? (response.json() as Promise<WorldMap>) : null))
    .then((map) => {
      state.map = map;
      renderMap();
    })
    .catch(() => undefined);
};

void start();
