// issue 14: the organizer console's form editor. Edits the event's own registration fields (add, remove, reorder;
// labels and help in English and Chinese; options; required for everyone or for chosen categories), shows a live
// preview of the public form beside it, and saves with PUT /api/v1/events/{slug}/form, showing the server's
// violations beside the field they name. Works with the console's token and chosen event; no inline script.
(function () {
  'use strict';
  var lang = document.body.getAttribute('data-lang') || 'en';
  var ALL = JSON.parse(document.getElementById('fp-texts').textContent);
  var T = { types: {}, categories: {} };
  Object.keys(ALL).forEach(function (k) {
    if (k.indexOf('form_type_') === 0) { T.types[k.slice(10)] = ALL[k]; }
    else if (k.indexOf('form_') === 0) { T[k.slice(5)] = ALL[k]; }
    else if (k.indexOf('category.') === 0) { T.categories[k.slice(9)] = ALL[k]; }
  });
  var TYPES = ['TEXT', 'LONG_TEXT', 'CHOICE', 'MULTI_CHOICE', 'DATE', 'BOOLEAN', 'COUNTRY', 'EMAIL', 'PHONE'];
  var CATEGORIES = ['GOVERNMENT', 'DIPLOMATIC', 'ACADEMIC', 'INDUSTRY', 'MEDIA', 'SPEAKER', 'STAFF'];
  var $ = function (id) { return document.getElementById(id); };
  var root = $('form-editor');
  var tabButton = document.querySelector('[data-tab=form]');
  if (!root || !tabButton) { return; }
  tabButton.textContent = T.tab;

  var fields = [];
  var errors = {};


  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) { e.textContent = text; }
    return e;
  }
  function slug() { return $('event') ? $('event').value : null; }
  function api(method, body) {
    var headers = { 'Accept': 'application/json', 'Content-Type': 'application/json' };
    var token = sessionStorage.getItem('fp_admin_token');
    if (token) { headers.Authorization = 'Bearer ' + token; }
    return fetch('/api/v1/events/' + encodeURIComponent(slug()) + '/form', { method: method, headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (b) { if (!r.ok) { throw b; } return b; }); });
  }
  function text(t, lng) { return t ? (lng === 'zh' && t.zh ? t.zh : t.en) : ''; }
  function blankField() {
    return { key: 'field_' + (fields.length + 1), type: 'TEXT', label: { en: '', zh: '' }, help: null, required: false,
      requiredFor: null, options: null, maxLength: null };
  }

  // ---- the editor -------------------------------------------------------------------------------
  function input(parent, id, labelText, value, onInput, attrs) {
    var wrap = el('div', { 'class': 'field' });
    wrap.appendChild(el('label', { 'for': id }, labelText));
    var i = el('input', Object.assign({ id: id, type: 'text' }, attrs || {}));
    i.value = value == null ? '' : value;
    i.addEventListener('input', function () { onInput(i.value); preview(); });
    i.addEventListener('change', function () { onInput(i.value); preview(); });
    wrap.appendChild(i);
    parent.appendChild(wrap);
    return i;
  }
  function errorFor(parent, path, id) {
    var message = errors[path];
    if (!message) { return null; }
    var p = el('p', { 'class': 'error', id: id + '-error' }, message);
    parent.appendChild(p);
    return p;
  }
  function linkError(control, path, id) {
    if (errors[path]) {
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', id + '-error');
    }
  }

  function draw() {
    root.innerHTML = '';
    var h = el('h2', { id: 'form-editor-title' }, T.title);
    root.appendChild(h);
    root.appendChild(el('p', { 'class': 'note' }, T.intro));
    var summary = el('div', { id: 'form-editor-errors', role: 'alert' });
    var list = Object.keys(errors);
    if (list.length) {
      summary.className = 'errors';
      summary.appendChild(el('h3', {}, T.failed));
      var ul = el('ul');
      list.forEach(function (k) { ul.appendChild(el('li', {}, k + ': ' + errors[k])); });
      summary.appendChild(ul);
    }
    root.appendChild(summary);
    var layout = el('div', { 'class': 'form-editor-layout' });
    var editor = el('div', { 'class': 'form-editor-fields' });
    var pv = el('section', { 'class': 'form-preview card', 'aria-labelledby': 'form-preview-title' });
    pv.appendChild(el('h3', { id: 'form-preview-title' }, T.preview));
    pv.appendChild(el('div', { id: 'form-preview-body' }));
    fields.forEach(function (f, i) { editor.appendChild(fieldCard(f, i)); });
    var actions = el('p', { 'class': 'form-editor-actions' });
    var add = el('button', { type: 'button', id: 'form-add', 'class': 'secondary' }, T.add);
    add.addEventListener('click', function () { fields.push(blankField()); draw(); var k = $('ff-' + (fields.length - 1) + '-label-en'); if (k) { k.focus(); } });
    var save = el('button', { type: 'button', id: 'form-save' }, T.save);
    save.addEventListener('click', saveForm);
    actions.appendChild(add);
    actions.appendChild(save);
    editor.appendChild(actions);
    layout.appendChild(editor);
    layout.appendChild(pv);
    root.appendChild(layout);
    preview();
  }

  function fieldCard(f, i) {
    var at = 'fields[' + i + ']';
    var id = 'ff-' + i;
    var card = el('fieldset', { 'class': 'card form-field', id: id });
    card.appendChild(el('legend', {}, T.field + ' ' + (i + 1) + (f.label && f.label.en ? ': ' + f.label.en : '')));
    errorFor(card, at, id);
    var row = el('div', { 'class': 'grid2' });
    var key = input(row, id + '-key', T.key, f.key, function (v) { f.key = v; }, { maxlength: '32', autocomplete: 'off', spellcheck: 'false' });
    errorFor(key.parentNode, at + '.key', id + '-key');
    linkError(key, at + '.key', id + '-key');
    var typeWrap = el('div', { 'class': 'field' });
    typeWrap.appendChild(el('label', { 'for': id + '-type' }, T.type));
    var type = el('select', { id: id + '-type' });
    TYPES.forEach(function (t) { var o = el('option', { value: t }, T.types[t]); if (t === f.type) { o.selected = true; } type.appendChild(o); });
    type.addEventListener('change', function () {
      f.type = type.value;
      if ((f.type === 'CHOICE' || f.type === 'MULTI_CHOICE') && !f.options) { f.options = [{ value: 'option_1', label: { en: '', zh: '' } }]; }
      if (f.type !== 'CHOICE' && f.type !== 'MULTI_CHOICE') { f.options = null; }
      if (f.type !== 'TEXT' && f.type !== 'LONG_TEXT') { f.maxLength = null; }
      draw();
    });
    typeWrap.appendChild(type);
    errorFor(typeWrap, at + '.type', id + '-type');
    row.appendChild(typeWrap);
    card.appendChild(row);

    var labels = el('div', { 'class': 'grid2' });
    f.label = f.label || { en: '', zh: '' };
    var len = input(labels, id + '-label-en', T.label_en, f.label.en, function (v) { f.label.en = v; }, { maxlength: '200' });
    errorFor(len.parentNode, at + '.label.en', id + '-label-en');
    linkError(len, at + '.label.en', id + '-label-en');
    input(labels, id + '-label-zh', T.label_zh, f.label.zh, function (v) { f.label.zh = v; }, { maxlength: '200' });
    card.appendChild(labels);
    var helps = el('div', { 'class': 'grid2' });
    input(helps, id + '-help-en', T.help_en, f.help && f.help.en, function (v) { f.help = f.help || { en: '', zh: '' }; f.help.en = v; }, { maxlength: '1000' });
    input(helps, id + '-help-zh', T.help_zh, f.help && f.help.zh, function (v) { f.help = f.help || { en: '', zh: '' }; f.help.zh = v; }, { maxlength: '1000' });
    card.appendChild(helps);

    if (f.type === 'TEXT' || f.type === 'LONG_TEXT') {
      var ml = input(card, id + '-max', T.max_length, f.maxLength, function (v) { f.maxLength = v === '' ? null : Number(v); },
        { type: 'number', min: '1', max: f.type === 'TEXT' ? '1000' : '4000' });
      errorFor(ml.parentNode, at + '.maxLength', id + '-max');
      linkError(ml, at + '.maxLength', id + '-max');
    }
    if (f.type === 'CHOICE' || f.type === 'MULTI_CHOICE') {
      card.appendChild(optionsEditor(f, i));
    }

    var req = el('div', { 'class': 'field' });
    var reqLabel = el('label', { 'class': 'choice' });
    var box = el('input', { type: 'checkbox', id: id + '-required' });
    box.checked = !!f.required;
    box.addEventListener('change', function () { f.required = box.checked; preview(); });
    reqLabel.appendChild(box);
    reqLabel.appendChild(el('span', {}, ' ' + T.required));
    req.appendChild(reqLabel);
    card.appendChild(req);
    var cats = el('fieldset', { 'class': 'field categories' });
    cats.appendChild(el('legend', {}, T.required_for));
    errorFor(cats, at + '.requiredFor', id + '-for');
    CATEGORIES.forEach(function (c) {
      var l = el('label', { 'class': 'choice' });
      var cb = el('input', { type: 'checkbox', value: c, id: id + '-for-' + c });
      cb.checked = !!(f.requiredFor && f.requiredFor.indexOf(c) >= 0);
      cb.addEventListener('change', function () {
        var set = (f.requiredFor || []).filter(function (x) { return x !== c; });
        if (cb.checked) { set.push(c); }
        f.requiredFor = set.length ? set : null;
        preview();
      });
      l.appendChild(cb);
      l.appendChild(el('span', {}, ' ' + T.categories[c]));
      cats.appendChild(l);
    });
    card.appendChild(cats);

    var moves = el('p', { 'class': 'form-field-actions' });
    [[T.up, -1], [T.down, 1]].forEach(function (m) {
      var b = el('button', { type: 'button', 'class': 'secondary', id: id + (m[1] < 0 ? '-up' : '-down') }, m[0]);
      b.disabled = (m[1] < 0 && i === 0) || (m[1] > 0 && i === fields.length - 1);
      b.addEventListener('click', function () {
        var j = i + m[1];
        var t = fields[i]; fields[i] = fields[j]; fields[j] = t;
        errors = {};
        draw();
      });
      moves.appendChild(b);
    });
    var rm = el('button', { type: 'button', 'class': 'secondary danger', id: id + '-remove' }, T.remove);
    rm.addEventListener('click', function () { fields.splice(i, 1); errors = {}; draw(); });
    moves.appendChild(rm);
    card.appendChild(moves);
    return card;
  }

  function optionsEditor(f, i) {
    var at = 'fields[' + i + '].options';
    var id = 'ff-' + i + '-opt';
    var box = el('fieldset', { 'class': 'field options' });
    box.appendChild(el('legend', {}, T.options));
    errorFor(box, at, id);
    (f.options || []).forEach(function (o, j) {
      var row = el('div', { 'class': 'option-row' });
      o.label = o.label || { en: '', zh: '' };
      var v = input(row, id + j + '-value', T.option + ' ' + (j + 1) + ': ' + T.option_value, o.value, function (x) { o.value = x; }, { maxlength: '32' });
      errorFor(v.parentNode, at + '[' + j + '].value', id + j + '-value');
      linkError(v, at + '[' + j + '].value', id + j + '-value');
      var en = input(row, id + j + '-en', T.option + ' ' + (j + 1) + ': ' + T.label_en, o.label.en, function (x) { o.label.en = x; }, { maxlength: '100' });
      errorFor(en.parentNode, at + '[' + j + '].label.en', id + j + '-en');
      linkError(en, at + '[' + j + '].label.en', id + j + '-en');
      input(row, id + j + '-zh', T.option + ' ' + (j + 1) + ': ' + T.label_zh, o.label.zh, function (x) { o.label.zh = x; }, { maxlength: '100' });
      var rm = el('button', { type: 'button', 'class': 'secondary', 'aria-label': T.remove + ' ' + T.option + ' ' + (j + 1) }, T.remove);
      rm.addEventListener('click', function () { f.options.splice(j, 1); draw(); });
      row.appendChild(rm);
      box.appendChild(row);
    });
    var add = el('button', { type: 'button', 'class': 'secondary', id: id + '-add' }, T.add_option);
    add.addEventListener('click', function () {
      f.options = f.options || [];
      f.options.push({ value: 'option_' + (f.options.length + 1), label: { en: '', zh: '' } });
      draw();
    });
    box.appendChild(add);
    return box;
  }

  // ---- the live preview: the public form's fields, drawn as the registration page draws them ----------
  function preview() {
    var body = $('form-preview-body');
    if (!body) { return; }
    body.innerHTML = '';
    if (!fields.length) { body.appendChild(el('p', { 'class': 'note' }, T.none)); return; }
    fields.forEach(function (f, i) {
      var id = 'pv-' + i;
      var label = (text(f.label, lang) || f.key || T.untitled) + (f.required ? ' *' : ''); // a new field has no label yet
      var wrap;
      var control;
      if (f.type === 'MULTI_CHOICE' || f.type === 'BOOLEAN') {
        wrap = el('fieldset', { 'class': 'field custom' });
        wrap.appendChild(el('legend', {}, label));
      } else {
        wrap = el('div', { 'class': 'field custom' });
        wrap.appendChild(el('label', { 'for': id }, label));
      }
      var help = text(f.help, lang);
      if (help) { wrap.appendChild(el('p', { 'class': 'hint' }, help)); }
      if (!f.required && f.requiredFor && f.requiredFor.length) {
        wrap.appendChild(el('p', { 'class': 'hint' }, T.required_for_some + f.requiredFor.map(function (c) { return T.categories[c]; }).join(', ')));
      }
      if (f.type === 'BOOLEAN') {
        [T.yes, T.no].forEach(function (w, k) {
          var l = el('label', { 'class': 'choice' });
          l.appendChild(el('input', { type: 'radio', name: id, id: id + '-' + k }));
          l.appendChild(el('span', {}, ' ' + w));
          wrap.appendChild(l);
        });
      } else if (f.type === 'MULTI_CHOICE') {
        (f.options || []).forEach(function (o, k) {
          var l = el('label', { 'class': 'choice' });
          l.appendChild(el('input', { type: 'checkbox', id: id + '-' + k }));
          l.appendChild(el('span', {}, ' ' + (text(o.label, lang) || o.value)));
          wrap.appendChild(l);
        });
      } else if (f.type === 'CHOICE' || f.type === 'COUNTRY') {
        control = el('select', { id: id });
        control.appendChild(el('option', { value: '' }, T.choose));
        (f.type === 'CHOICE' ? (f.options || []) : []).forEach(function (o) { control.appendChild(el('option', { value: o.value }, text(o.label, lang) || o.value)); });
        wrap.appendChild(control);
      } else if (f.type === 'LONG_TEXT') {
        wrap.appendChild(el('textarea', { id: id, rows: '3' }));
      } else {
        wrap.appendChild(el('input', { id: id, type: f.type === 'DATE' ? 'date' : f.type === 'EMAIL' ? 'email' : f.type === 'PHONE' ? 'tel' : 'text' }));
      }
      body.appendChild(wrap);
    });
  }

  // ---- loading and saving -------------------------------------------------------------------------
  function tidy(f) {
    var help = f.help && (f.help.en || f.help.zh) ? { en: f.help.en || null, zh: f.help.zh || null } : null;
    return { key: f.key, type: f.type, label: { en: f.label.en || null, zh: f.label.zh || null }, help: help, required: !!f.required,
      requiredFor: f.requiredFor && f.requiredFor.length ? f.requiredFor : null,
      options: f.options ? f.options.map(function (o) { return { value: o.value, label: { en: o.label.en || null, zh: o.label.zh || null } }; }) : null,
      maxLength: f.maxLength || null };
  }
  function saveForm() {
    api('PUT', { fields: fields.map(tidy) }).then(function (saved) {
      fields = saved.fields;
      errors = {};
      draw();
      var s = $('form-editor-errors');
      s.className = 'notice ok';
      s.textContent = T.saved;
    }).catch(function (p) {
      errors = {};
      (p && p.violations ? p.violations : [{ field: 'fields', message: (p && (p.detail || p.title)) || String(p) }])
        .forEach(function (v) { errors[v.field] = v.message; });
      draw();
      var first = root.querySelector('[aria-invalid=true]');
      if (first) { first.focus(); } else { $('form-editor-errors').focus(); }
    });
  }
  function load() {
    if (!slug()) { return; }
    errors = {};
    api('GET').then(function (form) { fields = form.fields; draw(); }).catch(function () { fields = []; draw(); });
  }
  tabButton.addEventListener('click', load);
  if ($('event')) {
    $('event').addEventListener('change', function () { if (!$('tab-form').hidden) { load(); } });
  }
})();
