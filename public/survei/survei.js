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
      missing: 'Mohon jawab semua butir pertanyaan.', unanswered: 'Belum dijawab', of: 'dari', thanks: 'Terima kasih! Jawaban Anda telah kami terima.',
      failed: 'Jawaban tidak dapat dikirim', for: 'Untuk', validUntil: 'Tautan berlaku sampai',
    },
    en: {
      scale: function (max) { return 'Scale 1 (very dissatisfied) to ' + max + ' (very satisfied)'; },
      comment: 'Comments and suggestions (optional)', send: 'Send answers', sending: 'Sending…',
      missing: 'Please answer every question.', unanswered: 'Not answered yet', of: 'of', thanks: 'Thank you! We have received your answers.',
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

  /** Server messages are "Indonesian (English)": the English half is marked lang="en". */
  function bilingual(text) {
    var match = /^([\s\S]*?) \(([^()]*[A-Za-z][^()]*)\)([.]?)$/.exec(text);
    if (!match) return [document.createTextNode(text)];
    return [document.createTextNode(match[1] + ' ('), el('span', { lang: 'en', text: match[2] }), document.createTextNode(')' + match[3])];
  }

  function showMessage(kind, text) {
    app.innerHTML = '';
    var message = el('div', { class: 'message ' + kind, role: kind === 'error' ? 'alert' : 'status', id: 'message', tabindex: '-1' }, bilingual(text));
    app.appendChild(message);
    // After sending, the focus goes to the answer rather than being lost with the form.
    message.focus();
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
        // An English page shows the Indonesian text when no translation was written.
        var textLang = state.lang === 'en' && !question.textEn ? 'id' : state.lang;
        var note = el('p', { class: 'missing-note', id: 'missing-' + question.code, hidden: 'hidden', text: t.unanswered });
        var scale = el('div', { class: 'scale', role: 'radiogroup', 'aria-labelledby': 'text-' + question.code });
        for (var score = 1; score <= survey.scaleMax; score += 1) {
          var input = el('input', { type: 'radio', name: 'q-' + question.code, value: String(score), 'data-code': question.code });
          if (state.answers[question.code] === score) input.checked = true;
          input.addEventListener('change', function (event) {
            state.answers[event.target.getAttribute('data-code')] = Number(event.target.value);
            var answered = event.target.closest('.question');
            answered.classList.remove('missing');
            answered.querySelector('.missing-note').hidden = true;
            answered.querySelector('.scale').removeAttribute('aria-describedby');
            var formError = document.getElementById('form-error');
            if (formError && !document.querySelector('.question.missing')) formError.hidden = true;
          });
          // Each choice is named by its place on the scale ("1 of 4"), not a bare digit.
          scale.appendChild(el('label', {}, [input, el('span', { text: String(score) }), el('span', { class: 'visually-hidden', text: ' ' + t.of + ' ' + survey.scaleMax })]));
        }
        fieldset.appendChild(el('div', { class: 'question', id: 'question-' + question.code }, [el('p', { id: 'text-' + question.code, lang: textLang, text: question.code + '. ' + text }), note, scale]));
      });
      form.appendChild(fieldset);
    });
    var comment = el('textarea', { id: 'comment', name: 'comment', maxlength: '5000' });
    comment.value = state.comment;
    comment.addEventListener('input', function () { state.comment = comment.value; });
    form.appendChild(el('div', { class: 'comment' }, [el('label', { for: 'comment', text: t.comment }), comment]));
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
    missing.forEach(function (question) {
      document.getElementById('question-' + question.code).classList.add('missing');
      document.getElementById('missing-' + question.code).hidden = false;
      document.querySelector('#question-' + question.code + ' .scale').setAttribute('aria-describedby', 'missing-' + question.code);
    });
    if (missing.length) {
      error.hidden = false;
      error.textContent = t.missing;
      // The first unanswered question takes the focus (its note says why), not only a red outline.
      var first = document.querySelector('#question-' + missing[0].code + ' input');
      first.scrollIntoView({ block: 'center' });
      first.focus();
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
      error.textContent = t.failed + ': ';
      bilingual((result.body && result.body.error && result.body.error.message) || '').forEach(function (node) { error.appendChild(node); });
      send.focus();
    }).catch(function () {
      send.disabled = false;
      send.textContent = t.send;
      error.hidden = false;
      error.textContent = t.failed;
      send.focus();
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
