// The organizer console's visa letters (issue 15): the event's letters, requested ones first, each with Issue and
// Reject (a reason the delegate reads) while it waits, and the PDF once issued; and the event's letter settings
// (issuer, address, signatory and title, purpose, in English and Chinese). Plain buttons and a form: the keyboard
// reaches everything; after a decision the focus moves to the next letter's first button. Texts come from fp-texts.
(function () {
  'use strict';
  var T = JSON.parse(document.getElementById('fp-texts').textContent);
  var $ = function (id) { return document.getElementById(id); };
  var table = $('visa-table');
  var tabButton = document.querySelector('[data-tab=visa]');
  if (!table || !tabButton) { return; }
  var body = table.querySelector('tbody');
  var status = $('visa-status');
  var dialog = $('visa-reject');
  var reason = $('visa-reject-reason');
  var pendingReject = null;
  var FIELDS = ['v-name-en', 'v-name-zh', 'v-address-en', 'v-address-zh', 'v-signatory', 'v-title-en', 'v-title-zh',
    'v-purpose-en', 'v-purpose-zh'];

  function slug() { return $('event') ? $('event').value : null; }
  function headers(json, accept) {
    var h = { 'Accept': accept || 'application/json', 'Accept-Language': document.body.getAttribute('data-lang') || 'en' };
    var token = sessionStorage.getItem('fp_admin_token');
    if (token) { h.Authorization = 'Bearer ' + token; }
    if (json) { h['Content-Type'] = 'application/json'; }
    return h;
  }
  function say(text) { status.textContent = text; }
  function fail(r) {
    return r.json().then(function (p) { throw new Error(p.detail || p.title || String(r.status)); },
      function () { throw new Error(String(r.status)); });
  }
  function name(d) { return d.givenName + ' ' + d.familyName + (d.nativeName ? ' (' + d.nativeName + ')' : ''); }
  function cell(tr, text) {
    var td = document.createElement('td');
    td.textContent = text == null ? '' : text;
    tr.appendChild(td);
    return td;
  }
  function action(td, label, aria, secondary, run) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.setAttribute('aria-label', aria);
    if (secondary) { b.className = 'secondary'; }
    b.addEventListener('click', run);
    td.appendChild(b);
    return b;
  }

  // ---- the list ---------------------------------------------------------------------------------
  function load() {
    if (!slug()) { return; }
    body.textContent = '';
    say(T.visa_loading);
    var state = $('visa-filter-state').value;
    fetch('/api/v1/events/' + encodeURIComponent(slug()) + '/visa-letters?size=500' + (state ? '&state=' + state : ''),
      { headers: headers() })
      .then(function (r) { if (!r.ok) { return fail(r); } return r.json(); })
      .then(function (page) {
        page.items.forEach(function (d) { body.appendChild(row(d)); });
        say(page.items.length ? T.visa_count.replace('{count}', page.total) : T.visa_none);
      })
      .catch(function (e) { say(T.visa_failed + ' ' + e.message); });
  }

  function row(d) {
    var tr = document.createElement('tr');
    tr.setAttribute('data-id', d.registrationId);
    tr.setAttribute('data-state', d.state);
    cell(tr, name(d)).setAttribute('dir', 'auto');
    cell(tr, d.organization).setAttribute('dir', 'auto');
    cell(tr, d.country);
    var st = cell(tr, T['visa_' + d.state] || d.state);
    if (d.rejectionReason) {
      var why = document.createElement('div');
      why.className = 'note';
      why.setAttribute('dir', 'auto');
      why.textContent = d.rejectionReason;
      st.appendChild(why);
    }
    cell(tr, d.reference);
    var td = cell(tr, '');
    td.className = 'actions';
    if (d.state === 'REQUESTED') {
      action(td, T.visa_issue, T.visa_issue_for.replace('{name}', name(d)), false, function () { decide(tr, d, 'approve'); });
      action(td, T.visa_reject, T.visa_reject_for.replace('{name}', name(d)), true, function () { askReason(tr, d); });
    } else if (d.state === 'ISSUED') {
      action(td, T.visa_pdf, T.visa_pdf_for.replace('{name}', name(d)), true, function () { download(d); });
    }
    return tr;
  }

  function focusNext(tr) {
    var n = tr.nextElementSibling;
    while (n && !n.querySelector('button')) { n = n.nextElementSibling; }
    var b = n ? n.querySelector('button') : null;
    if (b) { b.focus(); } else { $('visa-filter-state').focus(); }
  }

  // the row is drawn again from the letter's answer: its new state, reference and actions
  function decide(tr, d, what, why) {
    fetch('/api/v1/registrations/' + encodeURIComponent(d.registrationId) + '/visa-letter/' + what,
      { method: 'POST', headers: headers(true), body: JSON.stringify(what === 'reject' ? { reason: why } : {}) })
      .then(function (r) { if (!r.ok) { return fail(r); } return r.json(); })
      .then(function (letter) {
        var fresh = row(Object.assign({}, d, { state: letter.state, reference: letter.reference,
          rejectionReason: letter.rejectionReason }));
        body.replaceChild(fresh, tr);
        say((what === 'approve' ? T.visa_issued_one : T.visa_rejected_one).replace('{name}', name(d)));
        focusNext(fresh);
      })
      .catch(function (e) { say(T.visa_failed + ' ' + e.message); });
  }

  function askReason(tr, d) {
    pendingReject = { tr: tr, d: d };
    reason.value = '';
    dialog.hidden = false;
    reason.focus();
  }
  $('visa-reject-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var why = reason.value.trim();
    if (!why || !pendingReject) { reason.focus(); return; }
    dialog.hidden = true;
    var p = pendingReject;
    pendingReject = null;
    decide(p.tr, p.d, 'reject', why);
  });
  $('visa-reject-cancel').addEventListener('click', function () {
    dialog.hidden = true;
    var b = pendingReject ? pendingReject.tr.querySelector('button') : null;
    if (b) { b.focus(); }
    pendingReject = null;
  });

  function download(d) {
    fetch('/api/v1/registrations/' + encodeURIComponent(d.registrationId) + '/visa-letter.pdf', { headers: headers(false, 'application/pdf') })
      .then(function (r) { if (!r.ok) { return fail(r); } return r.blob(); })
      .then(function (b) {
        var a = document.createElement('a');
        a.href = URL.createObjectURL(b);
        a.download = 'visa-letter-' + (d.reference || d.registrationId) + '.pdf';
        document.body.appendChild(a);
        a.click();
        setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
      })
      .catch(function (e) { say(T.visa_failed + ' ' + e.message); });
  }

  // ---- the settings -------------------------------------------------------------------------------
  function loadSettings() {
    if (!slug()) { return; }
    $('visa-errors').textContent = '';
    fetch('/api/v1/events/' + encodeURIComponent(slug()) + '/visa-letter', { headers: headers() })
      .then(function (r) { if (!r.ok) { return fail(r); } return r.json(); })
      .then(function (s) {
        var i = s.issuer || {};
        var get = function (o, k) { return o && o[k] ? o[k] : ''; };
        $('v-enabled').checked = !!s.enabled;
        $('v-name-en').value = get(i.name, 'en');
        $('v-name-zh').value = get(i.name, 'zh');
        $('v-address-en').value = get(i.address, 'en');
        $('v-address-zh').value = get(i.address, 'zh');
        $('v-signatory').value = i.signatory || '';
        $('v-title-en').value = get(i.title, 'en');
        $('v-title-zh').value = get(i.title, 'zh');
        $('v-purpose-en').value = get(s.purpose, 'en');
        $('v-purpose-zh').value = get(s.purpose, 'zh');
      })
      .catch(function (e) { say(T.visa_failed + ' ' + e.message); });
  }

  var FIELD_OF = { 'issuer.name.en': 'v-name-en', 'issuer.name.zh': 'v-name-zh', 'issuer.address.en': 'v-address-en',
    'issuer.address.zh': 'v-address-zh', 'issuer.signatory': 'v-signatory', 'issuer.title.en': 'v-title-en',
    'issuer.title.zh': 'v-title-zh', 'purpose.en': 'v-purpose-en', 'purpose.zh': 'v-purpose-zh' };

  $('visa-settings').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var v = function (id) { return $(id).value; };
    var body = { enabled: $('v-enabled').checked,
      issuer: { name: { en: v('v-name-en'), zh: v('v-name-zh') }, address: { en: v('v-address-en'), zh: v('v-address-zh') },
        signatory: v('v-signatory'), title: { en: v('v-title-en'), zh: v('v-title-zh') } },
      purpose: { en: v('v-purpose-en'), zh: v('v-purpose-zh') } };
    var errors = $('visa-errors');
    errors.textContent = '';
    FIELDS.forEach(function (id) { $(id).removeAttribute('aria-invalid'); $(id).removeAttribute('aria-describedby'); });
    fetch('/api/v1/events/' + encodeURIComponent(slug()) + '/visa-letter', { method: 'PUT', headers: headers(true), body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (b) { if (!r.ok) { throw b; } return b; }); })
      .then(function () { say(T.visa_saved); })
      .catch(function (p) {
        (p && p.violations ? p.violations : [{ field: '', message: (p && (p.detail || p.title)) || String(p) }]).forEach(function (x, n) {
          var li = document.createElement('li');
          li.id = 'visa-error-' + n;
          var input = FIELD_OF[x.field] ? $(FIELD_OF[x.field]) : null;
          var label = input ? document.querySelector('label[for=' + input.id + ']').textContent : x.field;
          li.textContent = (label ? label + ': ' : '') + x.message;
          errors.appendChild(li);
          if (input) { input.setAttribute('aria-invalid', 'true'); input.setAttribute('aria-describedby', li.id); }
        });
        var first = errors.firstChild && FIELD_OF[(p.violations || [{}])[0].field];
        if (first) { $(first).focus(); }
        say(T.visa_not_saved);
      });
  });

  $('visa-filter').addEventListener('submit', function (ev) { ev.preventDefault(); load(); });
  tabButton.addEventListener('click', function () { load(); loadSettings(); });
  if ($('event')) {
    $('event').addEventListener('change', function () { if (!$('tab-visa').hidden) { load(); loadSettings(); } });
  }
})();
