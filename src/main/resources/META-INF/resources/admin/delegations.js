// issue 15: the organizer console's Delegations tab. Lists the event's delegations with their focal point and their
// places as "used / quota" per category and in total; creates a delegation (the API's field violations are shown
// beside the fields they name, and in a summary that links to them); opens one to show its members (name, category,
// status, photo, badge) with Withdraw (asked first) and its quotas to change (a quota below the places in use is
// refused with a message). Fills the Delegates tab's Delegation filter. Works with the console's token and event;
// every control is a labelled native control, so the tab is used with the keyboard alone.
(function () {
  'use strict';
  var lang = document.body.getAttribute('data-lang') || 'en';
  var COLON = lang === 'zh' ? '\uff1a' : ': '; // between a label and what it says: full-width in Chinese
  var ALL = JSON.parse(document.getElementById('fp-texts').textContent);
  var T = {};
  Object.keys(ALL).forEach(function (k) { if (k.indexOf('deleg_') === 0) { T[k.slice(6)] = ALL[k]; } });
  var CATEGORIES = ['GOVERNMENT', 'DIPLOMATIC', 'ACADEMIC', 'INDUSTRY', 'MEDIA', 'SPEAKER', 'STAFF'];
  var $ = function (id) { return document.getElementById(id); };
  var tabButton = document.querySelector('[data-tab=delegations]');
  var table = $('deleg-table');
  if (!tabButton || !table) { return; }
  var current = null; // the open delegation, as GET /api/v1/delegations/{id} answers it

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) { e.textContent = text; }
    return e;
  }
  function fill(text, values) {
    return String(text || '').replace(/\{(\w+)\}/g, function (m, k) { return values[k] == null ? m : values[k]; });
  }
  function slug() { return $('event') ? $('event').value : null; }
  function api(method, path, body) {
    var headers = { 'Accept': 'application/json', 'Accept-Language': lang };
    var token = sessionStorage.getItem('fp_admin_token');
    if (token) { headers.Authorization = 'Bearer ' + token; }
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (b) { if (!r.ok) { b.status = r.status; throw b; } return b; }); });
  }
  function say(text) { $('deleg-status').textContent = text; }
  function categoryName(c) { return ALL['category.' + c] || c; }
  function statusName(s) { return ALL['status.' + s] || s; }
  function countryName(code) {
    var o = $('d-country').querySelector('option[value="' + code + '"]');
    return o ? o.textContent : code;
  }
  function personName(m) { return m.givenName + ' ' + m.familyName + (m.nativeName ? ' \u00b7 ' + m.nativeName : ''); }
  /** A violation in the console's language when its rule has a text without values to fill; else the API's words. */
  function violationText(v) {
    var t = v.code ? ALL['violation.' + v.code] : null;
    return t && t.indexOf('{') < 0 ? t : v.message;
  }
  function problemText(p) { return (p && (p.detail || p.title)) || String(p); }
  function cell(tr, content) {
    var td = el('td');
    if (content instanceof Node) { td.appendChild(content); } else { td.textContent = content == null ? '' : content; }
    tr.appendChild(td);
    return td;
  }
  function button(parent, label, action, attrs) {
    var b = el('button', Object.assign({ type: 'button' }, attrs || {}), label);
    b.addEventListener('click', action);
    parent.appendChild(b);
    return b;
  }

  // ---- the list -------------------------------------------------------------------------------
  function places(quotas) {
    var ul = el('ul', { 'class': 'quotas' });
    CATEGORIES.forEach(function (c) {
      var q = quotas && quotas[c];
      if (!q) { return; }
      var li = el('li', { 'data-category': c });
      li.appendChild(document.createTextNode(categoryName(c) + COLON));
      li.appendChild(el('span', { 'class': 'used' }, q.used + ' / ' + q.quota));
      ul.appendChild(li);
    });
    return ul;
  }
  // Loads the list; message, when given, is what the status line says meanwhile and after.
  function load(message) {
    if (!slug()) { return Promise.resolve([]); }
    say(message || T.loading);
    return api('GET', '/api/v1/events/' + encodeURIComponent(slug()) + '/delegations').then(function (list) {
      var tbody = table.querySelector('tbody');
      tbody.innerHTML = '';
      list.forEach(function (d) {
        var tr = el('tr', { 'data-id': d.id });
        cell(tr, d.name).className = 'name';
        cell(tr, countryName(d.country));
        cell(tr, d.organization);
        var focal = el('span', {}, fill(T.contact, { name: d.focalPoint.name, email: d.focalPoint.email }));
        cell(tr, focal);
        cell(tr, places(d.quotas)).className = 'places';
        cell(tr, d.placesUsed + ' / ' + d.placesTotal).className = 'total';
        var actions = cell(tr, '');
        actions.className = 'actions';
        button(actions, T.open, function () { open(d.id); }, { 'class': 'secondary deleg-open', 'aria-label': fill(T.open_label, { name: d.name }) });
        tbody.appendChild(tr);
      });
      say(message || (list.length ? '' : T.none));
      fillFilter(list);
      return list;
    }).catch(function () { say(T.failed); return []; });
  }

  // ---- the Delegates tab's filter ---------------------------------------------------------------
  function fillFilter(list) {
    var select = $('f-delegation');
    if (!select) { return; }
    var keep = select.value;
    Array.prototype.slice.call(select.options).forEach(function (o) { if (o.value !== '' && o.value !== 'none') { o.remove(); } });
    list.forEach(function (d) { select.appendChild(el('option', { value: d.id }, d.name)); });
    select.value = list.some(function (d) { return d.id === keep; }) || keep === 'none' ? keep : '';
  }

  // ---- one delegation ---------------------------------------------------------------------------
  function open(id) {
    return api('GET', '/api/v1/delegations/' + encodeURIComponent(id)).then(function (v) {
      current = v;
      draw(v);
      $('deleg-detail').hidden = false;
      $('deleg-detail-title').focus();
      return load(' '); // the list's counters as of now, beside the members
    }).catch(function (p) { say(problemText(p)); });
  }
  function draw(v) {
    $('deleg-detail-title').textContent = v.name;
    $('deleg-detail-meta').textContent = [countryName(v.country), v.organization,
      T.focal + COLON + fill(T.contact, { name: v.focalPoint.name, email: v.focalPoint.email })].join(' \u00b7 ');
    var tbody = $('deleg-members').querySelector('tbody');
    tbody.innerHTML = '';
    v.members.forEach(function (m) {
      var tr = el('tr', { 'data-id': m.id });
      cell(tr, personName(m)).className = 'name';
      cell(tr, categoryName(m.category));
      cell(tr, statusName(m.status)).className = 'status';
      cell(tr, m.photo ? (T['photo_' + m.photo.status] || m.photo.status) : T.photo_none).className = 'photo';
      cell(tr, m.badge ? (m.badge.collectedAt ? T.badge_collected : T.badge_issued) : T.badge_none).className = 'badge';
      cell(tr, m.visaLetter ? (ALL['admin.visa_' + m.visaLetter.state] || ALL['visa_' + m.visaLetter.state] || m.visaLetter.state) : '').className = 'visa';
      var actions = cell(tr, '');
      actions.className = 'actions';
      if (m.holdsPlace && m.status !== 'CANCELLED' && m.status !== 'REJECTED') {
        button(actions, T.withdraw, function () { withdraw(m); }, { 'class': 'secondary withdraw', 'aria-label': fill(T.withdraw_label, { name: personName(m) }) });
      }
      tbody.appendChild(tr);
    });
    $('deleg-members').hidden = !v.members.length;
    $('deleg-no-members').hidden = !!v.members.length;
    var box = $('deleg-quota-fields');
    box.innerHTML = '';
    CATEGORIES.forEach(function (c) { box.appendChild(quotaField('q-' + c, c, v.quotas[c])); });
    $('deleg-quota-error').hidden = true;
  }
  // the delegation's bulk actions: its requested letters issued, its letters in one PDF, its badges to one proxy
  $('deleg-issue-letters').addEventListener('click', function () {
    if (!current) { return; }
    api('POST', '/api/v1/delegations/' + encodeURIComponent(current.id) + '/visa-letters/approve').then(function (r) {
      return open(current.id).then(function () { say(fill(T.letters_issued, { n: r.issued })); });
    }).catch(function (p) { say(problemText(p)); });
  });
  $('deleg-letters-pdf').addEventListener('click', function () {
    if (!current) { return; }
    var headers = { 'Accept': 'application/pdf' };
    var token = sessionStorage.getItem('fp_admin_token');
    if (token) { headers.Authorization = 'Bearer ' + token; }
    var id = current.id;
    fetch('/api/v1/delegations/' + encodeURIComponent(id) + '/visa-letters.pdf', { headers: headers }).then(function (r) {
      if (!r.ok) { return r.json().then(function (p) { say(problemText(p)); }); }
      return r.blob().then(function (b) {
        var a = el('a', { href: URL.createObjectURL(b), download: 'visa-letters-' + id + '.pdf' });
        document.body.appendChild(a); a.click(); a.remove();
        say(T.letters_downloaded);
      });
    }).catch(function () { say(T.failed); });
  });
  function sendLink(revoke) {
    if (!current) { return; }
    if (revoke && !window.confirm(fill(T.renew_confirm, { name: current.focalPoint.name }))) { return; }
    api('POST', '/api/v1/delegations/' + encodeURIComponent(current.id) + '/focal-point-link' + (revoke ? '?revoke=true' : ''))
      .then(function () { say(fill(revoke ? T.link_renewed : T.link_sent, { email: current.focalPoint.email })); })
      .catch(function (p) { say(problemText(p)); });
  }
  $('deleg-send-link').addEventListener('click', function () { sendLink(false); });
  $('deleg-renew-link').addEventListener('click', function () { sendLink(true); });
  $('deleg-collect-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    if (!current) { return; }
    var input = $('deleg-proxy');
    api('POST', '/api/v1/delegations/' + encodeURIComponent(current.id) + '/badges/collected', { proxyName: input.value })
      .then(function (r) {
        input.removeAttribute('aria-invalid');
        input.value = '';
        return open(current.id).then(function () { say(fill(T.collected, { n: r.marked, skipped: r.skipped.length })); });
      }).catch(function (p) {
        input.setAttribute('aria-invalid', 'true');
        var v = p && p.violations && p.violations[0];
        say(v ? T.proxy_name + COLON + violationText(v) : problemText(p));
        input.focus();
      });
  });

  /** A labelled number input for one category; with {quota, used}, the places in use are said beside it. */
  function quotaField(id, category, q) {
    var wrap = el('div', { 'class': 'field quota', 'data-category': category });
    wrap.appendChild(el('label', { 'for': id }, categoryName(category)));
    var input = el('input', { id: id, type: 'number', min: '0', max: '10000', inputmode: 'numeric' });
    input.value = q ? q.quota : (id.indexOf('q-') === 0 ? '0' : '');
    wrap.appendChild(input);
    if (q) {
      var hint = el('p', { 'class': 'hint', id: id + '-used' }, fill(T.in_use, { used: q.used }));
      input.setAttribute('aria-describedby', id + '-used');
      wrap.appendChild(hint);
    }
    return wrap;
  }
  function withdraw(m) {
    if (!current || !window.confirm(fill(T.confirm_withdraw, { name: personName(m) }))) { return; }
    var id = current.id;
    api('DELETE', '/api/v1/delegations/' + encodeURIComponent(id) + '/members/' + encodeURIComponent(m.id)).then(function (v) {
      current = v;
      draw(v);
      $('deleg-detail-title').focus();
      return load(fill(T.withdrawn, { name: personName(m) }));
    }).catch(function (p) { say(problemText(p)); });
  }
  $('deleg-quota-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    if (!current) { return; }
    var quotas = {};
    var below = [];
    CATEGORIES.forEach(function (c) {
      var input = $('q-' + c);
      input.removeAttribute('aria-invalid');
      if (input.value === '') { return; }
      var n = Number(input.value);
      var q = current.quotas[c];
      if (n !== (q ? q.quota : 0)) { quotas[c] = n; }
      if (q && n < q.used) { below.push(input); }
    });
    var error = $('deleg-quota-error');
    error.hidden = true;
    api('PATCH', '/api/v1/delegations/' + encodeURIComponent(current.id), { quotas: quotas }).then(function (v) {
      current = v;
      draw(v);
      return load(T.quotas_saved);
    }).catch(function (p) {
      if (p && p.code === 'delegation.quota_below_used') {
        error.textContent = T.below_used;
        below.forEach(function (input) { input.setAttribute('aria-invalid', 'true'); });
      } else if (p && p.violations) {
        error.textContent = p.violations.map(function (v) { return v.field + ': ' + violationText(v); }).join('; ');
      } else {
        error.textContent = problemText(p);
      }
      error.hidden = false;
      (below[0] || $('deleg-quota-save')).focus();
    });
  });
  $('deleg-close').addEventListener('click', function () {
    var id = current && current.id;
    current = null;
    $('deleg-detail').hidden = true;
    var back = id && table.querySelector('tr[data-id="' + id + '"] .deleg-open');
    if (back) { back.focus(); }
  });
  $('deleg-in-list').addEventListener('click', function () {
    var select = $('f-delegation');
    if (!current || !select) { return; }
    if (!select.querySelector('option[value="' + current.id + '"]')) { select.appendChild(el('option', { value: current.id }, current.name)); }
    select.value = current.id;
    document.querySelector('[data-tab=delegates]').click();
    select.focus();
  });

  // ---- a new delegation -------------------------------------------------------------------------
  var quotaBox = $('d-quotas');
  CATEGORIES.forEach(function (c) { quotaBox.appendChild(quotaField('dq-' + c, c, null)); });
  var form = $('deleg-form');
  function value(id) { var v = $(id).value.trim(); return v === '' ? null : v; }
  function clearErrors() {
    form.querySelectorAll('.error').forEach(function (p) { p.remove(); });
    form.querySelectorAll('[aria-invalid]').forEach(function (c) { c.removeAttribute('aria-invalid'); c.removeAttribute('aria-describedby'); });
    form.querySelectorAll('fieldset[aria-describedby]').forEach(function (f) { f.removeAttribute('aria-describedby'); });
    $('deleg-errors').innerHTML = '';
  }
  /** The form's part for a violation's field: "quotas[GOVERNMENT]" is the quotas, "focalPoint" the focal point's name. */
  function partFor(field) {
    var exact = form.querySelector('[data-for="' + field + '"]');
    if (exact) { return exact; }
    var head = field.split(/[.[]/)[0];
    return form.querySelector('[data-for="' + head + '"]') || form.querySelector('[data-for^="' + head + '."]');
  }
  function showErrors(p) {
    clearErrors();
    var summary = $('deleg-errors');
    summary.appendChild(el('h3', {}, T.not_saved));
    var ul = el('ul');
    summary.appendChild(ul);
    var first = null;
    (p && p.violations && p.violations.length ? p.violations : [{ field: '', message: problemText(p) }]).forEach(function (v, i) {
      var text = violationText(v);
      var part = v.field ? partFor(v.field) : null;
      var li = el('li');
      if (!part) { li.textContent = (v.field ? v.field + ': ' : '') + text; ul.appendChild(li); return; }
      var control = part.tagName === 'FIELDSET' ? part.querySelector('input') : part.querySelector('input, select');
      var label = part.querySelector('label, legend');
      var id = 'deleg-error-' + i;
      var message = el('p', { 'class': 'error', id: id }, text);
      label.insertAdjacentElement('afterend', message);
      if (part.tagName === 'FIELDSET') {
        part.setAttribute('aria-describedby', id);
      } else {
        control.setAttribute('aria-invalid', 'true');
        control.setAttribute('aria-describedby', id);
      }
      var a = el('a', { href: '#' + control.id }, label.textContent + COLON + text);
      a.addEventListener('click', function (e) { e.preventDefault(); control.focus(); });
      li.appendChild(a);
      ul.appendChild(li);
      first = first || control;
    });
    summary.focus();
  }
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    if (!slug()) { return; }
    var quotas = {};
    CATEGORIES.forEach(function (c) {
      var v = $('dq-' + c).value;
      if (v !== '' && Number(v) !== 0) { quotas[c] = Number(v); }
    });
    var body = { name: value('d-name'), country: value('d-country'), organization: value('d-organization'),
      focalPoint: { name: value('d-focal-name'), email: value('d-focal-email'), language: $('d-focal-language').value },
      quotas: quotas };
    api('POST', '/api/v1/events/' + encodeURIComponent(slug()) + '/delegations', body).then(function (created) {
      clearErrors();
      form.reset();
      return load(fill(T.created, { name: body.name })).then(function () {
        var row = table.querySelector('tr[data-id="' + created.id + '"] .deleg-open');
        if (row) { row.focus(); }
      });
    }).catch(showErrors);
  });

  // ---- when the tab, the event or the Delegates tab is chosen -------------------------------------
  tabButton.addEventListener('click', function () {
    current = null;
    $('deleg-detail').hidden = true;
    load();
  });
  var delegatesTab = document.querySelector('[data-tab=delegates]');
  if (delegatesTab) { delegatesTab.addEventListener('click', function () { if (slug()) { load(); } }); }
  if ($('event')) {
    $('event').addEventListener('change', function () {
      current = null;
      $('deleg-detail').hidden = true;
      clearErrors();
      load();
    });
  }
})();
