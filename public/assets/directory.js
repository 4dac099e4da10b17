// The public partner directory page: a small client of GET /api/directory (the same API any
// outside website uses). Filters go to the API as query parameters and into the page URL.
const FILTERS = ['level', 'institutionType', 'country', 'cooperationType', 'unit'];
const TEXT = {
  id: {
    skip: 'Langsung ke daftar mitra', eyebrow: 'Humas & Kerjasama · Politeknik Negeri Batam', title: 'Mitra Kerjasama',
    lead: 'Institusi yang saat ini bekerja sama dengan Polibatam melalui naskah kerjasama yang berlaku.',
    langHint: 'Ganti bahasa halaman', mapTitle: 'Sebaran negara mitra', filtersTitle: 'Saring mitra', q: 'Cari nama mitra',
    level: 'Tingkat', institutionType: 'Jenis institusi', country: 'Negara', cooperationType: 'Jenis kerjasama', unit: 'Unit',
    reset: 'Hapus saringan', countsTitle: 'Jumlah mitra', resultsTitle: 'Daftar mitra', admin: 'Panel admin',
    apiNote: 'Data ini tersedia sebagai API terbuka: GET /api/directory.', all: 'Semua', total: (n) => `${n} mitra`,
    none: 'Tidak ada mitra yang cocok dengan saringan ini.', since: (y) => `Bermitra sejak ${y}`, website: 'Situs web',
    agreements: 'Naskah', error: 'Direktori tidak dapat dimuat. Coba lagi nanti.', countries: (n) => `Mitra di ${n} negara`,
    mapCountry: (name, n) => `${name}: ${n} mitra`, langButton: 'English', byLevel: 'Menurut tingkat',
    byType: 'Menurut jenis institusi', byCountry: 'Menurut negara', logo: (name) => `Logo ${name}`,
  },
  en: {
    skip: 'Skip to the partner list', eyebrow: 'Public Relations & Cooperation · Politeknik Negeri Batam', title: 'Our partners',
    lead: 'Institutions working with Polibatam today under an agreement in force.',
    langHint: 'Change the page language', mapTitle: 'Partner countries', filtersTitle: 'Filter partners', q: 'Search partner names',
    level: 'Level', institutionType: 'Institution type', country: 'Country', cooperationType: 'Cooperation type', unit: 'Unit',
    reset: 'Clear filters', countsTitle: 'Partner counts', resultsTitle: 'Partner list', admin: 'Admin panel',
    apiNote: 'This data is an open API: GET /api/directory.', all: 'All', total: (n) => `${n} partner${n === 1 ? '' : 's'}`,
    none: 'No partner matches these filters.', since: (y) => `Partner since ${y}`, website: 'Website',
    agreements: 'Agreements', error: 'The directory could not be loaded. Please try again later.', countries: (n) => `Partners in ${n} countries`,
    mapCountry: (name, n) => `${name}: ${n} partner${n === 1 ? '' : 's'}`, langButton: 'Bahasa Indonesia', byLevel: 'By level',
    byType: 'By institution type', byCountry: 'By country', logo: (name) => `${name} logo`,
  },
};

const $ = (id) => document.getElementById(id);
const state = { lang: localStorage.getItem('directory-lang') === 'en' ? 'en' : 'id', labels: null, all: null, current: null, map: null };
const t = (key, ...args) => {
  const value = TEXT[state.lang][key];
  return typeof value === 'function' ? value(...args) : value;
};
const label = (table, code) => state.labels?.[table]?.[code]?.[state.lang] ?? code;
const el = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
};

const readUrl = () => {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const name of [...FILTERS, 'q']) if (params.get(name)) filters[name] = params.get(name);
  return filters;
};
const formFilters = () => {
  const filters = {};
  for (const name of [...FILTERS, 'q']) {
    const value = $(name).value.trim();
    if (value) filters[name] = value;
  }
  return filters;
};

const fetchDirectory = async (filters) => {
  const response = await fetch(`/api/directory?${new URLSearchParams(filters)}`, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
};

const fillSelect = (name, codes, table) => {
  const select = $(name);
  const chosen = select.value || select.dataset.pending || '';
  select.replaceChildren(el('option', { value: '', text: t('all') }));
  const sorted = [...codes].sort((a, b) => label(table, a).localeCompare(label(table, b), state.lang));
  for (const code of sorted) select.append(el('option', { value: code, text: label(table, code) }));
  select.value = sorted.includes(chosen) ? chosen : '';
  delete select.dataset.pending;
};

const renderFilters = () => {
  const all = state.all;
  fillSelect('level', Object.keys(state.labels.level), 'level');
  fillSelect('institutionType', Object.keys(all.meta.counts.institutionType), 'institutionType');
  fillSelect('country', Object.keys(state.labels.country), 'country');
  fillSelect('cooperationType', Object.keys(state.labels.cooperationType), 'cooperationType');
  fillSelect('unit', Object.keys(state.labels.unit), 'unit');
};

const renderCounts = (listing) => {
  $('total').textContent = t('total', listing.meta.total);
  const group = (title, table, counts) =>
    el('div', { class: 'count-group' }, el('h3', { text: title }),
      el('ul', {}, ...Object.entries(counts).sort((a, b) => b[1] - a[1]).slice(0, 8)
        .map(([code, n]) => el('li', {}, el('span', { text: label(table, code) }), el('strong', { text: String(n) })))));
  $('count-groups').replaceChildren(
    group(t('byLevel'), 'level', listing.meta.counts.level),
    group(t('byType'), 'institutionType', listing.meta.counts.institutionType),
    group(t('byCountry'), 'country', listing.meta.counts.country),
  );
};

const initials = (name) => name.split(/\s+/).filter((w) => /^[A-Za-z]/.test(w)).slice(0, 2).map((w) => w[0]).join('').toUpperCase();

const card = (partner) => {
  const logo = partner.logoUrl
    ? el('img', { src: partner.logoUrl, alt: t('logo', partner.name), loading: 'lazy', width: '64', height: '64' })
    : el('span', { class: 'logo-fallback', 'aria-hidden': 'true', text: initials(partner.name) });
  const place = [partner.city, label('country', partner.country)].filter(Boolean).join(', ');
  const chips = el('ul', { class: 'chips', 'aria-label': t('cooperationType') },
    ...partner.cooperationTypes.map((code) => el('li', { text: label('cooperationType', code) })));
  return el('li', { class: 'card', 'data-document-id': partner.documentId },
    el('div', { class: 'card-head' }, el('div', { class: 'logo' }, logo),
      el('div', {}, el('h3', { text: partner.name }),
        el('p', { class: 'meta', text: `${label('institutionType', partner.institutionType)} · ${label('level', partner.level)}` }),
        el('p', { class: 'meta', text: place }))),
    // Descriptions are written in Indonesian, whichever language the page shows.
    partner.publicDescription ? el('p', { class: 'desc', lang: 'id', text: partner.publicDescription }) : null,
    partner.cooperationTypes.length ? chips : null,
    el('p', { class: 'meta small', text: [
      partner.agreementKinds.length ? `${t('agreements')}: ${partner.agreementKinds.map((k) => label('agreementKind', k)).join(', ')}` : '',
      partner.since ? t('since', partner.since) : '',
    ].filter(Boolean).join(' · ') }),
    partner.website ? el('a', { class: 'website', href: partner.website, rel: 'noopener noreferrer', text: `${t('website')} ↗` }) : null);
};

const renderCards = (listing) => {
  const cards = listing.data.map(card);
  $('cards').replaceChildren(...(cards.length ? cards : [el('li', { class: 'empty', text: t('none') })]));
};

const renderMap = () => {
  if (!state.map || !state.all) return;
  const counts = state.all.meta.counts.country;
  const selected = $('country').value;
  const svgNs = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', `0 0 ${state.map.width} ${state.map.height}`);
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-label', t('mapTitle'));
  const markers = state.map.markers ?? {};
  // Small countries (Singapore, ...) are a dot beside their shape, if any, when they have partners.
  const dot = ([x, y]) => `M${x - 3.5},${y}a3.5,3.5 0 1,0 7,0a3.5,3.5 0 1,0 -7,0`;
  const codes = new Set([...Object.keys(state.map.countries), ...Object.keys(markers).filter((code) => counts[code])]);
  for (const code of codes) {
    const n = counts[code] ?? 0;
    const d = `${state.map.countries[code] ?? ''}${n && markers[code] ? dot(markers[code]) : ''}`;
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
        $('country').value = code === selected ? '' : code;
        update();
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
  const canvas = $('map-canvas');
  // The SVG is rebuilt: a country chosen from the keyboard keeps the focus.
  const focused = canvas.contains(document.activeElement) ? document.activeElement.getAttribute('data-country') : null;
  canvas.replaceChildren(svg);
  if (focused) svg.querySelector(`[data-country="${focused}"]`)?.focus();
  $('map-caption').textContent = t('countries', Object.keys(counts).length);
};

const applyLanguage = () => {
  document.documentElement.lang = state.lang;
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  document.title = `${t('title')} · Politeknik Negeri Batam`;
  $('lang').textContent = t('langButton');
  $('lang').setAttribute('lang', state.lang === 'id' ? 'en' : 'id');
};

const render = () => {
  applyLanguage();
  if (!state.all) return;
  renderFilters();
  renderCounts(state.current);
  renderCards(state.current);
  renderMap();
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
    $('error').hidden = true;
    renderCounts(listing);
    renderCards(listing);
    renderMap();
  } catch {
    $('error').textContent = t('error');
    $('error').hidden = false;
  }
};

const start = async () => {
  $('lang').addEventListener('click', () => {
    state.lang = state.lang === 'id' ? 'en' : 'id';
    localStorage.setItem('directory-lang', state.lang);
    render();
  });
  const initial = readUrl();
  for (const [name, value] of Object.entries(initial)) {
    if (name === 'q') $('q').value = value;
    else $(name).dataset.pending = value;
  }
  let timer;
  $('q').addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(update, 200);
  });
  for (const name of FILTERS) $(name).addEventListener('change', update);
  $('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    update();
  });
  $('filters').addEventListener('reset', () => setTimeout(update));
  applyLanguage();
  try {
    state.all = await fetchDirectory({});
    state.labels = state.all.meta.labels;
    renderFilters();
    state.current = Object.keys(formFilters()).length ? await fetchDirectory(formFilters()) : state.all;
    render();
    document.body.dataset.ready = 'true';
  } catch {
    $('error').textContent = t('error');
    $('error').hidden = false;
  }
  fetch('/assets/world-map.json')
    .then((response) => (response.ok ? response.json() : null))
    .then((map) => {
      state.map = map;
      renderMap();
    })
    .catch(() => undefined);
};

start();
