// The organizer console's Door conflicts tab (issue 16): the scans a door admitted while offline that the server refused
// when the door uploaded them (a badge revoked meanwhile, someone already inside, a full room...), newest first, with
// both verdicts in the page's language (the texts scan.* the door page shows) and a Resolve button with an optional,
// labelled note. While the tab is shown (and the browser tab visible) it refreshes every 10 s, keeping what an organizer
// is typing and where the focus is. Works with the console's token and event.
(function () {
  'use strict';
  var T = JSON.parse(document.getElementById('fp-texts').textContent);
  var $ = function (id) { return document.getElementById(id); };
  var section = $('tab-conflicts');
  var tabButton = document.querySelector('[data-tab=conflicts]');
  if (!section || !tabButton) { return; }
  var lang = document.body.getAttribute('data-lang') || 'en';
  var PAGE = 100;
  var REFRESH_MS = 10000;
  var table = $('conflicts-table');
  var tbody = table.querySelector('tbody');
  var shown = []; // the conflicts in the table, newest first
  var loading = false;

  function slug() { return $('event') ? $('event').value : null; }
  function base() { return '/api/v1/events/' + encodeURIComponent(slug()) + '/scans/conflicts'; }
  function headers(json) {
    var h = { 'Accept': 'application/json', 'Accept-Language': lang };
    var token = sessionStorage.getItem('fp_admin_token');
    if (token) { h.Authorization = 'Bearer ' + token; }
    if (json) { h['Content-Type'] = 'application/json'; }
    return h;
  }
  function call(method, path, body) {
    return fetch(path, { method: method, headers: headers(!!body), body: body ? JSON.stringify(body) : undefined })
      .then(function (r) { return r.json().then(function (b) { if (!r.ok) { throw b; } return b; }); });
  }
  function fill(text, values) {
    Object.keys(values).forEach(function (k) { text = text.split('{' + k + '}').join(values[k]); });
    return text;
  }
  function say(text) {
    var s = $('conflicts-status');
    if (s.textContent !== text) { s.textContent = text; } // a screen reader hears a change, not every refresh
  }
  // issue 17: in the chosen event's zone (admin.js names it at the top of the console)
  function when(iso) {
    if (!iso) { return ''; }
    return window.ForumPassTimes && window.ForumPassTimes.show ? window.ForumPassTimes.show(iso) : iso.slice(0, 16).replace('T', ' ');
  }
  function verdict(v) { return (v && (T['scan.' + v.result] || v.message || v.result)) || ''; }
  function nameOf(d) { return d ? d.givenName + ' ' + d.familyName : T.conflicts_unknown; }

  function cell(tr, text) {
    var td = document.createElement('td');
    td.textContent = text == null ? '' : text;
    tr.appendChild(td);
    return td;
  }
  function line(parent, text, cls) {
    var div = document.createElement('div');
    div.textContent = text;
    if (cls) { div.className = cls; }
    parent.appendChild(div);
    return div;
  }

  /** One conflict: when, who (name and native name), the door, the device, both verdicts, and its resolution. */
  function row(c) {
    var tr = document.createElement('tr');
    tr.setAttribute('data-scan', c.scanId);
    cell(tr, when(c.scannedAt || c.receivedAt));
    var who = cell(tr, '');
    who.id = 'conflict-who-' + c.scanId;
    line(who, nameOf(c.delegate), 'who');
    if (c.delegate && c.delegate.nativeName) { line(who, c.delegate.nativeName, 'native'); }
    if (c.delegate && c.delegate.organization) { line(who, c.delegate.organization, 'note'); }
    var door = cell(tr, '');
    line(door, c.session ? c.session + (c.sessionTitle ? ' · ' + c.sessionTitle : '') : T.conflicts_entrance);
    if (c.direction === 'OUT') { line(door, T.conflicts_out, 'note'); }
    var device = cell(tr, '');
    line(device, c.deviceId);
    if (c.staff) { line(device, fill(T.conflicts_staff, { staff: c.staff }), 'note'); }
    cell(tr, verdict(c.offline)).className = 'verdict-offline';
    var server = cell(tr, '');
    server.className = 'verdict-server';
    line(server, verdict(c.server), 'verdict-words');
    if (c.server.message && c.server.message !== verdict(c.server)) { line(server, c.server.message, 'note'); }
    var handling = cell(tr, '');
    handling.className = 'conflict-handling';
    if (c.resolved) {
      line(handling, fill(T.conflicts_resolved, { by: c.resolved.by, time: when(c.resolved.at) }), 'resolved');
      if (c.resolved.note) { line(handling, c.resolved.note, 'note'); }
    } else {
      var id = 'conflict-note-' + c.scanId;
      var label = document.createElement('label');
      label.setAttribute('for', id);
      label.textContent = T.conflicts_note;
      var input = document.createElement('input');
      input.type = 'text';
      input.id = id;
      input.maxLength = 500;
      input.autocomplete = 'off';
      input.setAttribute('aria-describedby', who.id);
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'resolve';
      button.textContent = T.conflicts_resolve;
      button.setAttribute('aria-describedby', who.id);
      button.addEventListener('click', function () { resolve(c, input, button); });
      input.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') { ev.preventDefault(); button.click(); } });
      handling.appendChild(label);
      handling.appendChild(input);
      handling.appendChild(button);
    }
    return tr;
  }

  /** Draws the table again, keeping the notes being typed and the focus on the same control of the same conflict. */
  function draw() {
    var typed = {};
    tbody.querySelectorAll('input[id^=conflict-note-]').forEach(function (i) { if (i.value) { typed[i.id] = i.value; } });
    var active = document.activeElement && tbody.contains(document.activeElement) ? document.activeElement : null;
    var focusRow = active ? active.closest('tr').getAttribute('data-scan') : null;
    var focusWhat = active ? (active.tagName === 'INPUT' ? 'input' : 'button') : null;
    tbody.textContent = '';
    shown.forEach(function (c) { tbody.appendChild(row(c)); });
    Object.keys(typed).forEach(function (id) { var i = $(id); if (i) { i.value = typed[id]; } });
    if (focusRow) {
      var again = tbody.querySelector('tr[data-scan="' + focusRow + '"] ' + focusWhat);
      if (again) { again.focus(); }
    }
    table.hidden = shown.length === 0;
    $('conflicts-empty').hidden = shown.length !== 0;
  }

  function query(extra) {
    var p = new URLSearchParams(extra);
    if ($('conflicts-open').checked) { p.set('resolved', 'false'); }
    return base() + '?' + p;
  }

  /** The newest conflicts again, as many as are shown (at least a page, at most 500). */
  function load() {
    if (!slug() || loading) { return Promise.resolve(); }
    loading = true;
    var limit = Math.min(500, Math.max(PAGE, shown.length));
    var forEvent = slug();
    return call('GET', query({ limit: limit })).then(function (page) {
      if (forEvent !== slug()) { return; }
      shown = page.items;
      draw();
      say(fill(T.conflicts_count, { total: page.total, unresolved: page.unresolved }));
      $('conflicts-more').hidden = shown.length >= page.total;
    }).catch(function () { say(T.conflicts_failed); }).then(function () { loading = false; });
  }

  $('conflicts-more').addEventListener('click', function () {
    if (!shown.length) { return; }
    call('GET', query({ limit: PAGE, before: shown[shown.length - 1].scanId })).then(function (page) {
      shown = shown.concat(page.items);
      draw();
      $('conflicts-more').hidden = shown.length >= page.total;
    }).catch(function () { say(T.conflicts_failed); });
  });

  function resolve(c, input, button) {
    var note = input.value.trim();
    button.disabled = true;
    call('POST', base() + '/' + encodeURIComponent(c.scanId) + '/resolve', note ? { note: note } : {}).then(function (done) {
      input.value = '';
      shown = shown.map(function (x) { return x.scanId === done.scanId ? done : x; });
      if ($('conflicts-open').checked) { shown = shown.filter(function (x) { return !x.resolved; }); }
      draw();
      say(fill(T.conflicts_done, { name: nameOf(done.delegate) }));
      load();
    }).catch(function (p) {
      button.disabled = false;
      var why = p && p.violations ? p.violations.map(function (v) { return v.field + ': ' + v.message; }).join('; ')
        : (p && (p.detail || p.title)) || '';
      say(T.conflicts_failed + (why ? ' ' + why : ''));
      if (p && p.code === 'scan.conflict_already_resolved') { load(); } else if (document.body.contains(input)) { input.focus(); }
    });
  }

  function open() {
    shown = [];
    tbody.textContent = '';
    table.hidden = true;
    $('conflicts-empty').hidden = true;
    $('conflicts-more').hidden = true;
    say('');
    load();
  }
  $('conflicts-open').addEventListener('change', open);
  tabButton.addEventListener('click', open);
  if ($('event')) { $('event').addEventListener('change', function () { if (!section.hidden) { open(); } }); }
  setInterval(function () {
    if (!section.hidden && document.visibilityState === 'visible') { load(); }
  }, REFRESH_MS);
})();
