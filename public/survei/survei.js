/* Partner satisfaction survey page: /survei/<token>. No account; the token is the only key. */
(function () {
  'use strict';
  var token = decodeURIComponent(location.pathname.split('/')[2] || '');
  var app = document.getElementById('app');
  var state = { lang: 'id', data: null, answers: {}, comment: '' };

  var T = {
    id: {
      scale: function (max) { return 'Skala 1 (sangat tidak puas) sampai ' + max + ' (sangat puas)'; },
      comment: 'Komentar dan saran (opsional)', send: 'Kirim jawaban', sending: 'Mengirim…',
      missing: 'Mohon jawab semua butir pertanyaan.', thanks: 'Terima kasih! Jawaban Anda telah kami terima.',
      failed: 'Jawaban tidak dapat dikirim', for: 'Untuk', validUntil: 'Tautan berlaku sampai',
    },
    en: {
      scale: function (max) { return 'Scale 1 (very dissatisfied) to ' + max + ' (very satisfied)'; },
      comment: 'Comments and suggestions (optional)', send: 'Send answers', sending: 'Sending…',
      missing: 'Please answer every question.', thanks: 'Thank you! We have received your answers.',
      failed: 'The answers could not be sent', for: 'For', validUntil: 'Link valid until',
    },
  };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === 'text') node.textContent = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function showMessage(kind, text) {
    app.innerHTML = '';
    app.appendChild(el('div', { class: 'message ' + kind, role: kind === 'error' ? 'alert' : 'status', id: 'message', text: text }));
  }

  function setLanguage(lang) {
    state.lang = lang;
    document.documentElement.lang = lang;
    ['id', 'en'].forEach(function (code) { document.getElementById('lang-' + code).setAttribute('aria-pressed', String(code === lang)); });
    if (state.data) render();
  }

  function render() {
    var t = T[state.lang];
    var survey = state.data.survey;
    app.innerHTML = '';
    app.appendChild(el('h1', { text: survey.title }));
    if (state.data.partner && state.data.partner.name) app.appendChild(el('p', { text: t.for + ': ' + state.data.partner.name }));
    var intro = state.lang === 'en' ? (survey.introductionEn || survey.introduction) : survey.introduction;
    if (intro) app.appendChild(el('p', { class: 'intro', text: intro }));
    app.appendChild(el('p', { class: 'legend-scale', text: t.scale(survey.scaleMax) + ' · ' + t.validUntil + ' ' + String(state.data.expiresAt).slice(0, 10) }));

    var form = el('form', { id: 'survey-form', novalidate: 'novalidate' });
    var groups = [];
    survey.questions.forEach(function (question) {
      var group = groups.filter(function (g) { return g.dimension === question.dimension; })[0];
      if (!group) { group = { dimension: question.dimension, labels: question.dimensionLabels, questions: [] }; groups.push(group); }
      group.questions.push(question);
    });
    groups.forEach(function (group) {
      var fieldset = el('fieldset', {}, [el('legend', { text: group.labels[state.lang] })]);
      group.questions.forEach(function (question) {
        var text = state.lang === 'en' ? (question.textEn || question.textId) : question.textId;
        var scale = el('div', { class: 'scale', role: 'radiogroup', 'aria-label': text });
        for (var score = 1; score <= survey.scaleMax; score += 1) {
          var input = el('input', { type: 'radio', name: 'q-' + question.code, value: String(score), 'data-code': question.code });
          if (state.answers[question.code] === score) input.checked = true;
          input.addEventListener('change', function (event) {
            state.answers[event.target.getAttribute('data-code')] = Number(event.target.value);
            event.target.closest('.question').classList.remove('missing');
            var formError = document.getElementById('form-error');
            if (formError && !document.querySelector('.question.missing')) formError.hidden = true;
          });
          scale.appendChild(el('label', {}, [input, el('span', { text: String(score) })]));
        }
        fieldset.appendChild(el('div', { class: 'question', id: 'question-' + question.code }, [el('p', { text: question.code + '. ' + text }), scale]));
      });
      form.appendChild(fieldset);
    });
    var comment = el('textarea', { id: 'comment', name: 'comment', maxlength: '5000' });
    comment.value = state.comment;
    comment.addEventListener('input', function () { state.comment = comment.value; });
    form.appendChild(el('fieldset', {}, [el('legend', { text: t.comment }), comment]));
    var error = el('p', { class: 'message error', id: 'form-error', role: 'alert', hidden: 'hidden' });
    form.appendChild(error);
    var send = el('button', { type: 'submit', class: 'primary', id: 'send', text: t.send });
    form.appendChild(send);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      submit(form, send, error);
    });
    app.appendChild(form);
  }

  function submit(form, send, error) {
    var t = T[state.lang];
    var questions = state.data.survey.questions;
    var missing = questions.filter(function (question) { return !state.answers[question.code]; });
    missing.forEach(function (question) { document.getElementById('question-' + question.code).classList.add('missing'); });
    if (missing.length) {
      error.hidden = false;
      error.textContent = t.missing;
      document.getElementById('question-' + missing[0].code).scrollIntoView({ block: 'center' });
      return;
    }
    send.disabled = true;
    send.textContent = t.sending;
    fetch('/api/survey-invitations/by-token/' + encodeURIComponent(token) + '/responses', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        survey: state.data.survey.documentId,
        language: state.lang,
        comment: state.comment || null,
        answers: questions.map(function (question) { return { questionCode: question.code, score: state.answers[question.code] }; }),
      }),
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (result) {
      if (result.ok) return showMessage('done', t.thanks);
      send.disabled = false;
      send.textContent = t.send;
      error.hidden = false;
      error.textContent = t.failed + ': ' + ((result.body && result.body.error && result.body.error.message) || '');
    }).catch(function () {
      send.disabled = false;
      send.textContent = t.send;
      error.hidden = false;
      error.textContent = t.failed;
    });
  }

  document.getElementById('lang-id').addEventListener('click', function () { setLanguage('id'); });
  document.getElementById('lang-en').addEventListener('click', function () { setLanguage('en'); });
  setLanguage('id');

  fetch('/api/survey-invitations/by-token/' + encodeURIComponent(token))
    .then(function (response) { return response.json().then(function (body) { return { ok: response.ok, body: body }; }); })
    .then(function (result) {
      if (!result.ok) return showMessage('error', (result.body && result.body.error && result.body.error.message) || 'Tautan tidak dapat dipakai (The link cannot be used)');
      state.data = result.body.data;
      setLanguage(state.data.language === 'en' ? 'en' : 'id');
    })
    .catch(function () { showMessage('error', 'Survei tidak dapat dimuat (The survey could not be loaded)'); });
})();
