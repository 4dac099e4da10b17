/*
 * Document verification page: /verifikasi/<document number>. Anyone holding a copy of an issued
 * document drops it here; the file is hashed in the browser (Web Crypto SHA-256, the file never
 * leaves the computer) and compared with the SHA-256 recorded when the document was issued.
 */
(function () {
  'use strict';
  var number = location.pathname.replace(/^\/verifikasi\//, '').split('/').map(decodeURIComponent).join('/');
  var app = document.getElementById('app');
  var state = { lang: 'id', doc: null, error: null, result: null };

  var T = {
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
  };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === 'text') node.textContent = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child); });
    return node;
  }

  /** Server messages are "Indonesian (English)": the English half is marked lang="en". */
  function bilingual(text) {
    var match = /^([\s\S]*?) \(([^()]*[A-Za-z][^()]*)\)([.]?)$/.exec(text);
    if (!match) return [document.createTextNode(text)];
    return [document.createTextNode(match[1] + ' ('), el('span', { lang: 'en', text: match[2] }), document.createTextNode(')' + match[3])];
  }

  function formatTime(iso) {
    var locale = state.lang === 'id' ? 'id-ID' : 'en-GB';
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Jakarta' }).format(new Date(iso)) + ' WIB';
  }

  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (byte) { return ('0' + byte.toString(16)).slice(-2); }).join('');
  }

  function check(file) {
    var t = T[state.lang];
    if (!window.crypto || !window.crypto.subtle) {
      state.result = { kind: 'error', text: t.noCrypto };
      return render();
    }
    state.result = { kind: 'checking', text: t.checking };
    render();
    file.arrayBuffer()
      .then(function (bytes) { return window.crypto.subtle.digest('SHA-256', bytes); })
      .then(function (digest) {
        var hash = hex(digest);
        state.result = { kind: hash === state.doc.sha256 ? 'match' : 'mismatch', hash: hash, name: file.name };
        render();
      });
  }

  function resultNode() {
    var t = T[state.lang];
    var result = state.result;
    if (!result) return null;
    if (result.kind === 'checking' || result.kind === 'error') return el('div', { class: 'message ' + result.kind, role: 'status', id: 'result' }, [result.text]);
    return el('div', { class: 'message ' + result.kind, role: 'status', id: 'result', 'data-result': result.kind }, [
      el('strong', { text: t[result.kind] }),
      el('span', { class: 'hash' }, [t.yourHash + ' (' + result.name + '): ' + result.hash]),
    ]);
  }

  function dropZone() {
    var t = T[state.lang];
    var input = el('input', { type: 'file', id: 'file', 'aria-label': t.choose });
    input.addEventListener('change', function () { if (input.files && input.files[0]) check(input.files[0]); });
    var zone = el('label', { class: 'drop', id: 'drop', for: 'file' }, [t.drop, input]);
    zone.addEventListener('dragover', function (event) { event.preventDefault(); zone.classList.add('over'); });
    zone.addEventListener('dragleave', function () { zone.classList.remove('over'); });
    zone.addEventListener('drop', function (event) {
      event.preventDefault();
      zone.classList.remove('over');
      var files = event.dataTransfer && event.dataTransfer.files;
      if (files && files[0]) check(files[0]);
    });
    return zone;
  }

  function render() {
    var t = T[state.lang];
    app.innerHTML = '';
    app.appendChild(el('h1', { text: t.title }));
    if (state.error) {
      var known = state.error.status === 404 || state.error.status === 400;
      app.appendChild(el('div', { class: 'message error', role: 'alert', id: 'message', 'data-status': String(state.error.status) },
        [el('strong', { text: (known ? t.notFound : t.failed) + ': ' })].concat(known ? bilingual(state.error.message) : [number])));
      return;
    }
    if (!state.doc) return;
    var doc = state.doc;
    var rows = [
      [t.number, doc.documentNumber], [t.docTitle, doc.title], [t.form, doc.formCode], [t.year, String(doc.year)],
      [t.issuer, doc.issuedByName + (doc.issuedByRole ? ' — ' + doc.issuedByRole : '')], [t.issuedAt, formatTime(doc.issuedAt)],
    ];
    var list = el('dl', { id: 'document' });
    rows.forEach(function (row) { list.appendChild(el('dt', { text: row[0] })); list.appendChild(el('dd', { text: row[1] })); });
    list.appendChild(el('dt', { text: t.hash }));
    list.appendChild(el('dd', { class: 'hash', id: 'sha256', text: doc.sha256 }));
    app.appendChild(list);
    app.appendChild(dropZone());
    app.appendChild(el('p', { class: 'note', text: t.privacy }));
    var result = resultNode();
    if (result) app.appendChild(result);
  }

  function setLanguage(lang) {
    state.lang = lang;
    document.documentElement.lang = lang;
    ['id', 'en'].forEach(function (code) { document.getElementById('lang-' + code).setAttribute('aria-pressed', String(code === lang)); });
    render();
  }

  document.querySelectorAll('.languages button').forEach(function (button) {
    button.addEventListener('click', function () { setLanguage(button.getAttribute('data-lang')); });
  });
  setLanguage('id');

  fetch('/api/verifikasi/' + number.split('/').map(encodeURIComponent).join('/'), { headers: { Accept: 'application/json' } })
    .then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) state.error = { status: response.status, message: (body.error && body.error.message) || '' };
        else state.doc = body.data;
      });
    })
    .catch(function () { state.error = { status: 0, message: '' }; })
    .then(render);
})();
