/*
 * /usulan/ — a unit's proposals. Logs in through /api/auth/local, then uses the same content API
 * as every other client: the server scopes everything to the user's unit and enforces the
 * workflow, so this page only shows what the server allows.
 */
(function () {
  'use strict';
  var app = document.getElementById('app');
  var TOKEN_KEY = 'kerjasama.usulan.jwt';
  var session = { jwt: sessionStorage.getItem(TOKEN_KEY), user: null, options: null };

  var STATES = {
    draft: 'Draf (Draft)', submitted: 'Diajukan (Submitted)', under_review: 'Sedang ditinjau (Under review)',
    revision_requested: 'Perlu revisi (Revision requested)', recommended: 'Direkomendasikan (Recommended)',
    approved: 'Disetujui (Approved)', rejected: 'Ditolak (Rejected)', withdrawn: 'Ditarik (Withdrawn)',
  };
  var MOVES = {
    submit: 'Ajukan (Submit)', resubmit: 'Ajukan ulang (Resubmit)', withdraw: 'Tarik usulan (Withdraw)',
  };
  var PARTNER_TYPES = ['industry', 'state_enterprise', 'government', 'university', 'school', 'association', 'ngo', 'hospital', 'msme', 'research_institute', 'certification_body', 'multilateral', 'other'];
  var EDITABLE = ['draft', 'revision_requested'];

  /** "Indonesian (English)": the English half marked lang="en", so a screen reader reads it as English. */
  function bilingual(text) {
    var fragment = document.createDocumentFragment();
    var at = 0;
    String(text).replace(/\(([^()]*[A-Za-z][^()]*)\)/g, function (match, english, offset) {
      fragment.appendChild(document.createTextNode(text.slice(at, offset) + '('));
      var span = document.createElement('span');
      span.setAttribute('lang', 'en');
      span.textContent = english;
      fragment.appendChild(span);
      fragment.appendChild(document.createTextNode(')'));
      at = offset + match.length;
      return match;
    });
    fragment.appendChild(document.createTextNode(String(text).slice(at)));
    return fragment;
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === undefined || value === null || value === false) return;
      if (key === 'text') node.textContent = value;
      else if (key === 'bi') node.appendChild(bilingual(value));
      else if (key.indexOf('on') === 0) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : value);
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  var screens = 0;
  function screen(children) {
    app.innerHTML = '';
    children.forEach(function (child) { if (child) app.appendChild(child); });
    // A new screen is announced by moving to its heading (main is not a live region that re-reads it all).
    var heading = app.querySelector('h1');
    if (screens++ && heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  }

  function errorBox(message) { return el('p', { class: 'error', role: 'alert', id: 'error', bi: message }); }

  async function api(method, path, body, isForm) {
    var headers = {};
    if (session.jwt) headers.Authorization = 'Bearer ' + session.jwt;
    if (body && !isForm) headers['Content-Type'] = 'application/json';
    var response = await fetch(path, { method: method, headers: headers, body: body ? (isForm ? body : JSON.stringify(body)) : undefined });
    var payload = response.status === 204 ? {} : await response.json().catch(function () { return {}; });
    if (response.status === 401) { logout(); throw new Error('Sesi berakhir; silakan masuk lagi (Session ended; please log in again)'); }
    if (!response.ok) {
      var error = payload.error || {};
      var details = (error.details && error.details.errors) || [];
      throw new Error((error.message || ('HTTP ' + response.status)) + (details.length > 1 ? '\n' + details.map(function (d) { return '• ' + d.path.join('.') + ': ' + d.message; }).join('\n') : ''));
    }
    return payload;
  }

  function logout() {
    sessionStorage.removeItem(TOKEN_KEY);
    session = { jwt: null, user: null, options: null };
    document.getElementById('who').hidden = true;
    showLogin();
  }
  document.getElementById('logout').addEventListener('click', logout);

  /* ---------- log in, set password ---------- */

  function showLogin(message) {
    var identifier = el('input', { type: 'email', id: 'identifier', autocomplete: 'username', required: true });
    var password = el('input', { type: 'password', id: 'password', autocomplete: 'current-password', required: true });
    var error = el('div');
    var form = el('form', { class: 'card login', id: 'login-form' }, [
      el('h1', { bi: 'Masuk (Log in)' }),
      message ? el('p', { class: 'notice', bi: message }) : null,
      el('label', { for: 'identifier', bi: 'Surel (E-mail)' }), identifier,
      el('label', { for: 'password', bi: 'Kata sandi (Password)' }), password,
      error,
      el('div', { class: 'row' }, [el('button', { type: 'submit', class: 'primary', id: 'login', bi: 'Masuk (Log in)' })]),
      el('p', { class: 'muted', bi: 'Akun unit dibuat oleh Humas & Kerjasama. (Unit accounts are created by Public Relations & Cooperation.)' }),
    ]);
    form.addEventListener('submit', async function (event) {
      event.preventDefault();
      error.innerHTML = '';
      try {
        var result = await api('POST', '/api/auth/local', { identifier: identifier.value, password: password.value });
        startSession(result.jwt);
      } catch (e) {
        error.appendChild(errorBox('Surel atau kata sandi salah (Wrong e-mail or password)'));
      }
    });
    screen([form]);
  }

  function showSetPassword(code) {
    var password = el('input', { type: 'password', id: 'new-password', autocomplete: 'new-password', minlength: '8', required: true });
    var confirm = el('input', { type: 'password', id: 'confirm-password', autocomplete: 'new-password', minlength: '8', required: true });
    var error = el('div');
    var form = el('form', { class: 'card login' }, [
      el('h1', { bi: 'Tetapkan kata sandi (Set your password)' }),
      el('label', { for: 'new-password', bi: 'Kata sandi baru (New password)' }), password,
      el('label', { for: 'confirm-password', bi: 'Ulangi kata sandi (Repeat the password)' }), confirm,
      error,
      el('div', { class: 'row' }, [el('button', { type: 'submit', class: 'primary', bi: 'Simpan (Save)' })]),
    ]);
    form.addEventListener('submit', async function (event) {
      event.preventDefault();
      error.innerHTML = '';
      try {
        var result = await api('POST', '/api/auth/reset-password', { code: code, password: password.value, passwordConfirmation: confirm.value });
        history.replaceState(null, '', '/usulan/');
        startSession(result.jwt);
      } catch (e) { error.appendChild(errorBox(e.message)); }
    });
    screen([form]);
  }

  async function startSession(jwt) {
    session.jwt = jwt;
    sessionStorage.setItem(TOKEN_KEY, jwt);
    try {
      session.user = await api('GET', '/api/users/me');
      session.options = (await api('GET', '/api/proposal-form-options')).data;
    } catch (e) { return showLogin(e.message); }
    var unit = session.options.units[0];
    document.getElementById('who-name').textContent = session.user.email + (unit ? ' · ' + unit.name : '');
    document.getElementById('who').hidden = false;
    showList();
  }

  /* ---------- list ---------- */

  function stateBadge(state) { return el('span', { class: 'state ' + state, bi: STATES[state] || state }); }

  async function showList(notice) {
    var payload;
    try {
      payload = await api('GET', '/api/proposals?sort=updatedAt:desc&pagination[pageSize]=100&populate[unit]=true&populate[callForProposals]=true');
    } catch (e) { return screen([errorBox(e.message)]); }
    var openCalls = session.options.calls.filter(function (call) { return call.deadline >= todayInBatam(); });
    var rows = payload.data.map(function (proposal) {
      return el('tr', { 'data-document-id': proposal.documentId }, [
        el('td', {}, [el('button', { type: 'button', class: 'link', text: proposal.title, onclick: function () { showDetail(proposal.documentId); } })]),
        el('td', { text: proposal.unit ? proposal.unit.name : '' }),
        el('td', { text: proposal.partner ? proposal.partner.name : (proposal.prospectivePartnerName || '') }),
        el('td', {}, [stateBadge(proposal.workflowState)]),
        el('td', { text: String(proposal.updatedAt).slice(0, 10) }),
      ]);
    });
    screen([
      el('h1', { bi: 'Usulan unit Anda (Your unit\'s proposals)' }),
      notice ? el('p', { class: 'notice', role: 'status', bi: notice }) : null,
      el('div', { class: 'card' }, openCalls.length
        ? openCalls.map(function (call) { return el('p', {}, [bilingual('Panggilan dibuka (Open call): '), call.title, bilingual(' — batas waktu (deadline) ' + call.deadline)]); })
        : [el('p', { class: 'muted', bi: 'Tidak ada panggilan usulan yang dibuka saat ini. (No call for proposals is open now.)' })]),
      el('div', { class: 'row' }, [el('button', { type: 'button', class: 'primary', id: 'new-proposal', disabled: !openCalls.length, bi: 'Usulan baru (New proposal)', onclick: function () { showForm(null); } })]),
      el('h2', { bi: 'Daftar usulan (Proposals)' }),
      rows.length
        ? el('table', { id: 'proposals' }, [
          el('thead', {}, [el('tr', {}, ['Judul (Title)', 'Unit', 'Mitra (Partner)', 'Status (State)', 'Diubah (Updated)'].map(function (h) { return el('th', { bi: h }); }))]),
          el('tbody', {}, rows),
        ])
        : el('p', { class: 'muted', bi: 'Belum ada usulan. (No proposals yet.)' }),
    ]);
  }

  function todayInBatam() { return new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10); }

  /* ---------- detail, history, moves ---------- */

  async function showDetail(documentId, notice) {
    var proposal, workflow;
    try {
      proposal = (await api('GET', '/api/proposals/' + documentId + '?populate[unit]=true&populate[callForProposals]=true&populate[cooperationTypes]=true&populate[kpis]=true&populate[attachments]=true')).data;
      workflow = (await api('GET', '/api/proposals/' + documentId + '/workflow')).data;
    } catch (e) { return screen([errorBox(e.message)]); }
    var revision = workflow.history.filter(function (entry) { return entry.toState === 'revision_requested'; })[0];
    var fields = [
      ['Unit', proposal.unit && proposal.unit.name],
      ['Panggilan (Call)', proposal.callForProposals && proposal.callForProposals.title],
      ['Mitra (Partner)', proposal.partner ? proposal.partner.name : (proposal.prospectivePartnerName ? proposal.prospectivePartnerName + ' (calon / prospective)' : '')],
      ['Jenis kerjasama (Cooperation types)', (proposal.cooperationTypes || []).map(function (t) { return t.name; }).join(', ')],
      ['Tujuan (Objectives)', proposal.objectives],
      ['Manfaat (Expected benefit)', proposal.expectedBenefit],
      ['Tahun rencana (Planned year)', proposal.plannedYear],
      ['Kode KPI (KPI codes)', (proposal.kpis || []).map(function (k) { return k.code; }).join(', ')],
    ];
    var dl = el('dl', { class: 'fields' });
    fields.forEach(function (pair) { dl.appendChild(el('dt', { bi: pair[0] })); dl.appendChild(el('dd', { text: pair[1] === undefined || pair[1] === null ? '' : String(pair[1]) })); });
    var attachments = (proposal.attachments || []).map(function (file) { return el('li', {}, [el('a', { href: file.url, target: '_blank', rel: 'noopener', text: file.name })]); });
    var error = el('div');
    var moves = workflow.available.filter(function (move) { return MOVES[move.name]; }).map(function (move) {
      return el('button', {
        type: 'button', class: move.name === 'withdraw' ? 'danger' : 'primary', id: 'move-' + move.name, bi: MOVES[move.name],
        onclick: async function () {
          var reason;
          if (move.reasonRequired) {
            reason = window.prompt('Alasan (Reason):');
            if (!reason) return;
          }
          error.innerHTML = '';
          try {
            await api('POST', '/api/proposals/' + documentId + '/transitions', { to: move.to, reason: reason, from: workflow.state });
            showDetail(documentId, 'Status diperbarui (State updated): ' + (STATES[move.to] || move.to));
          } catch (e) { error.appendChild(errorBox(e.message)); }
        },
      });
    });
    screen([
      el('div', { class: 'row' }, [el('button', { type: 'button', class: 'link', bi: '← Kembali ke daftar (Back to the list)', onclick: function () { showList(); } })]),
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
        EDITABLE.indexOf(workflow.state) !== -1 ? el('button', { type: 'button', id: 'edit', bi: 'Ubah (Edit)', onclick: function () { showForm(proposal); } }) : null,
      ].concat(moves)),
      el('h2', { bi: 'Riwayat (History)' }),
      workflow.history.length
        ? el('ul', { class: 'history', id: 'history' }, workflow.history.map(function (entry) {
          return el('li', { text: String(entry.occurredAt).replace('T', ' ').slice(0, 16) + ' · ' + (STATES[entry.fromState] || entry.fromState) + ' → ' + (STATES[entry.toState] || entry.toState) + ' · ' + (entry.actorName || entry.actorType) + (entry.reason ? ' · ' + entry.reason : '') });
        }))
        : el('p', { class: 'muted', bi: 'Belum ada perubahan status. (No state change yet.)' }),
    ]);
  }

  /* ---------- create / edit ---------- */

  function showForm(proposal) {
    var options = session.options;
    var value = function (field) { return proposal && proposal[field] !== null && proposal[field] !== undefined ? String(proposal[field]) : ''; };
    var input = function (id, type, current, extra) { return el('input', Object.assign({ type: type, id: id, name: id, value: current }, extra || {})); };
    var select = function (id, choices, current, extra) {
      var node = el('select', Object.assign({ id: id, name: id }, extra || {}), choices.map(function (choice) { return el('option', { value: choice[0], text: choice[1] }); }));
      node.value = current;
      return node;
    };
    var checks = function (name, items, chosen, label) {
      return el('div', { class: 'checks', id: name }, items.map(function (item) {
        return el('label', {}, [el('input', { type: 'checkbox', name: name, value: item.documentId, checked: chosen.indexOf(item.documentId) !== -1 }), label(item)]);
      }));
    };
    var openCalls = options.calls.filter(function (call) { return call.deadline >= todayInBatam(); });
    var callChoices = openCalls.map(function (call) { return [call.documentId, call.title + ' (' + call.deadline + ')']; });
    if (proposal && proposal.callForProposals && !openCalls.some(function (c) { return c.documentId === proposal.callForProposals.documentId; })) {
      callChoices.unshift([proposal.callForProposals.documentId, proposal.callForProposals.title]);
    }
    var partnerMode = proposal && !proposal.partner && proposal.prospectivePartnerName ? 'prospective' : (proposal && proposal.partner ? 'existing' : 'existing');
    var fields = {
      title: input('title', 'text', value('title'), { required: true, maxlength: '300' }),
      unit: select('unit', options.units.map(function (u) { return [u.documentId, u.name]; }), proposal && proposal.unit ? proposal.unit.documentId : (options.units[0] || {}).documentId),
      call: select('callForProposals', callChoices, proposal && proposal.callForProposals ? proposal.callForProposals.documentId : (callChoices[0] || [])[0]),
      mode: select('partner-mode', [['existing', 'Mitra yang sudah ada (Existing partner)'], ['prospective', 'Calon mitra baru (Prospective partner)']], partnerMode),
      partner: select('partner', [['', '— pilih mitra (choose a partner) —']].concat(options.partners.map(function (p) { return [p.documentId, p.name + ' · ' + p.country]; })), proposal && proposal.partner ? proposal.partner.documentId : ''),
      prospectiveName: input('prospectivePartnerName', 'text', value('prospectivePartnerName'), { maxlength: '200' }),
      prospectiveType: select('prospectivePartnerType', [['', '—']].concat(PARTNER_TYPES.map(function (t) { return [t, t]; })), value('prospectivePartnerType')),
      prospectiveCountry: input('prospectivePartnerCountry', 'text', value('prospectivePartnerCountry'), { maxlength: '2', placeholder: 'ID' }),
      prospectiveContact: el('textarea', { id: 'prospectivePartnerContact', maxlength: '1000' }, [value('prospectivePartnerContact')]),
      types: checks('cooperationTypes', options.cooperationTypes, (proposal && proposal.cooperationTypes || []).map(function (t) { return t.documentId; }), function (t) { return t.code + ' — ' + t.name; }),
      objectives: el('textarea', { id: 'objectives', required: true, maxlength: '5000' }, [value('objectives')]),
      benefit: el('textarea', { id: 'expectedBenefit', maxlength: '5000' }, [value('expectedBenefit')]),
      year: input('plannedYear', 'number', value('plannedYear') || String(new Date().getFullYear() + 1), { min: '2000', max: '2100', required: true }),
      kpis: checks('kpis', options.kpis, (proposal && proposal.kpis || []).map(function (k) { return k.documentId; }), function (k) { return k.code; }),
      proposerName: input('proposerName', 'text', value('proposerName'), { maxlength: '150' }),
      proposerEmail: input('proposerEmail', 'email', value('proposerEmail') || (session.user && session.user.email) || ''),
      files: input('files', 'file', '', { multiple: true }),
    };
    var existingBox = el('div', {}, [el('label', { for: 'partner', bi: 'Mitra (Partner)' }), fields.partner]);
    var prospectiveBox = el('div', {}, [
      el('label', { for: 'prospectivePartnerName', bi: 'Nama calon mitra (Prospective partner name)' }), fields.prospectiveName,
      el('label', { for: 'prospectivePartnerType', bi: 'Jenis lembaga (Institution type)' }), fields.prospectiveType,
      el('label', { for: 'prospectivePartnerCountry', bi: 'Negara, kode 2 huruf (Country, 2-letter code)' }), fields.prospectiveCountry,
      el('label', { for: 'prospectivePartnerContact', bi: 'Kontak calon mitra (Prospective partner contact)' }), fields.prospectiveContact,
    ]);
    var syncMode = function () { existingBox.hidden = fields.mode.value !== 'existing'; prospectiveBox.hidden = fields.mode.value === 'existing'; };
    fields.mode.addEventListener('change', syncMode);
    syncMode();
    var kept = (proposal && proposal.attachments || []).map(function (file) { return file.id; });
    var error = el('div');
    var form = el('form', { class: 'card', id: 'proposal-form' }, [
      el('label', { for: 'title', bi: 'Judul usulan (Title)' }), fields.title,
      el('label', { for: 'unit', bi: 'Unit pengusul (Proposing unit)' }), fields.unit,
      el('label', { for: 'callForProposals', bi: 'Panggilan usulan (Call for proposals)' }), fields.call,
      el('label', { for: 'partner-mode', bi: 'Mitra (Partner)' }), fields.mode, existingBox, prospectiveBox,
      el('label', { bi: 'Jenis kerjasama (Cooperation types)' }), fields.types,
      el('label', { for: 'objectives', bi: 'Tujuan (Objectives)' }), fields.objectives,
      el('label', { for: 'expectedBenefit', bi: 'Manfaat yang diharapkan (Expected benefit)' }), fields.benefit,
      el('label', { for: 'plannedYear', bi: 'Tahun rencana (Planned year)' }), fields.year,
      el('label', { bi: 'Kode KPI (KPI codes)' }), fields.kpis,
      el('label', { for: 'proposerName', bi: 'Nama pengusul (Proposer)' }), fields.proposerName,
      el('label', { for: 'proposerEmail', bi: 'Surel pengusul (Proposer e-mail)' }), fields.proposerEmail,
      el('label', { for: 'files' }, ['Lampiran (Attachments) ', el('small', { text: kept.length ? '· ' + kept.length + ' berkas tersimpan (files kept)' : '' })]), fields.files,
      error,
      el('div', { class: 'row' }, [
        el('button', { type: 'submit', class: 'primary', id: 'save', bi: 'Simpan draf (Save draft)' }),
        el('button', { type: 'button', bi: 'Batal (Cancel)', onclick: function () { return proposal ? showDetail(proposal.documentId) : showList(); } }),
      ]),
    ]);
    form.addEventListener('submit', async function (event) {
      event.preventDefault();
      error.innerHTML = '';
      var checked = function (name) { return Array.prototype.map.call(form.querySelectorAll('input[name=' + name + ']:checked'), function (node) { return node.value; }); };
      try {
        var uploaded = [];
        if (fields.files.files.length) {
          var body = new FormData();
          Array.prototype.forEach.call(fields.files.files, function (file) { body.append('files', file, file.name); });
          uploaded = (await api('POST', '/api/upload', body, true)).map(function (file) { return file.id; });
        }
        var existing = fields.mode.value === 'existing';
        var data = {
          title: fields.title.value, unit: fields.unit.value, callForProposals: fields.call.value || null,
          partner: existing && fields.partner.value ? fields.partner.value : null,
          prospectivePartnerName: existing ? null : fields.prospectiveName.value || null,
          prospectivePartnerType: existing ? null : fields.prospectiveType.value || null,
          prospectivePartnerCountry: existing ? null : (fields.prospectiveCountry.value || '').toUpperCase() || null,
          prospectivePartnerContact: existing ? null : fields.prospectiveContact.value || null,
          cooperationTypes: checked('cooperationTypes'), kpis: checked('kpis'),
          objectives: fields.objectives.value, expectedBenefit: fields.benefit.value || null, plannedYear: Number(fields.year.value),
          proposerName: fields.proposerName.value || null, proposerEmail: fields.proposerEmail.value || null,
          attachments: kept.concat(uploaded),
        };
        var saved = proposal
          ? await api('PUT', '/api/proposals/' + proposal.documentId, { data: data })
          : await api('POST', '/api/proposals', { data: data });
        showDetail(saved.data.documentId, 'Draf tersimpan (Draft saved)');
      } catch (e) { error.appendChild(errorBox(e.message)); }
    });
    screen([
      el('h1', { bi: proposal ? 'Ubah usulan (Edit proposal)' : 'Usulan baru (New proposal)' }),
      form,
    ]);
  }

  /* ---------- start ---------- */

  var code = new URLSearchParams(location.search).get('code');
  if (code) showSetPassword(code);
  else if (session.jwt) startSession(session.jwt);
  else showLogin();
})();
