// ForumPass organizer console: signs in with an organizer account and works through the API with its
// token (kept in sessionStorage). Live dashboard polls the stats endpoint every five seconds.
(function () {
  'use strict';
  var lang = document.body.getAttribute('data-lang') || 'en';
  var T = JSON.parse(document.getElementById('fp-texts').textContent);
  var $ = function (id) { return document.getElementById(id); };
  document.querySelectorAll('[data-t]').forEach(function (el) { el.textContent = T[el.getAttribute('data-t')] || ''; });
  document.querySelectorAll('[data-tp]').forEach(function (el) { el.placeholder = T[el.getAttribute('data-tp')] || ''; });
  document.querySelectorAll('[data-tl]').forEach(function (el) { el.setAttribute('aria-label', T[el.getAttribute('data-tl')] || ''); });
  /** Issue 17: an API value (CONFIRMED, ZONE_NOT_ALLOWED...) in the console's words: the text {prefix}{value}, else the value. */
  function word(prefix, value) { return value == null ? '' : (T[prefix + value] || String(value)); }

  var state = { token: sessionStorage.getItem('fp_admin_token'), slug: sessionStorage.getItem('fp_admin_event'), page: 0, charts: {},
    list: [] };

  // ---- times (issue 17): every time in the console is shown in the chosen event's zone, named at the top -------------
  var locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
  /** The chosen event's time zone (the browser's while none is known). */
  function eventZone() {
    var e = state.list.filter(function (x) { return x.slug === state.slug; })[0];
    return (e && e.timeZone) || Intl.DateTimeFormat().resolvedOptions().timeZone;
  }
  /** The wall time of an instant in a zone as {year, month, day, hour, minute} strings. */
  function wallParts(iso, zone) {
    var d = iso instanceof Date ? iso : new Date(iso);
    if (isNaN(d.getTime())) { return null; }
    var parts = {};
    new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit' }).formatToParts(d).forEach(function (p) { parts[p.type] = p.value; });
    if (parts.hour === '24') { parts.hour = '00'; }
    return parts;
  }
  /** "2030-07-01 14:00" in the zone (the event's when none is given); with named, followed by " (Asia/Shanghai)". */
  function showTime(iso, zone, named) {
    if (!iso) { return ''; }
    var z = zone || eventZone(), p = wallParts(iso, z);
    if (!p) { return String(iso); }
    return p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute + (named ? ' (' + z + ')' : '');
  }
  /** Only the hour and minute in the zone. */
  function showClock(iso, zone) { return showTime(iso, zone).slice(11); }
  /** A datetime-local input's value: the instant's wall time in the zone. */
  function wall(iso, zone) {
    if (!iso) { return ''; }
    var p = wallParts(iso, zone || eventZone());
    return p ? p.year + '-' + p.month + '-' + p.day + 'T' + p.hour + ':' + p.minute : '';
  }
  function zoneNote() {
    var n = $('zone-note');
    if (!state.slug) { n.hidden = true; return; }
    n.textContent = fill(T.times_in_zone, { zone: eventZone() });
    n.hidden = false;
  }

  function api(method, path, body, type) {
    var headers = { 'Accept': 'application/json', 'Accept-Language': lang };
    if (state.token) { headers.Authorization = 'Bearer ' + state.token; }
    if (body !== undefined) { headers['Content-Type'] = type || 'application/json'; }
    return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : (type ? body : JSON.stringify(body)) })
      .then(function (r) {
        if (r.status === 401) { signOut(); throw new Error('signed out'); }
        return r;
      });
  }
  function json(r) {
    return r.json().then(function (b) {
      if (!r.ok) { throw b; }
      return b;
    });
  }
  function notice(text, bad) {
    var n = $('notice');
    n.textContent = text;
    n.className = 'notice ' + (bad ? 'bad' : 'ok');
    n.hidden = false;
  }
  function problem(p) {
    if (p && p.violations) { return (p.detail || p.title || '') + ' ' + p.violations.map(function (v) { return v.field + ': ' + v.message; }).join('; '); }
    return (p && (p.detail || p.title)) || String(p);
  }
  function cell(tr, text) {
    var td = document.createElement('td');
    td.textContent = text == null ? '' : text;
    tr.appendChild(td);
    return td;
  }
  function button(parent, label, action) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', action);
    parent.appendChild(b);
    return b;
  }
  var countryNames = (function () { try { return new Intl.DisplayNames([lang], { type: 'region' }); } catch (e) { return null; } })();
  function countryName(code) { try { return countryNames ? countryNames.of(code) : code; } catch (e) { return code; } }

  // ---- sign-in --------------------------------------------------------------------------------
  $('signin-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    $('signin-error').hidden = true;
    api('POST', '/api/v1/auth/login', { username: $('username').value.trim(), password: $('password').value }).then(json)
      .then(function (t) {
        if (t.role !== 'organizer') { throw new Error('not an organizer'); }
        state.token = t.token;
        sessionStorage.setItem('fp_admin_token', t.token);
        $('password').value = '';
        start();
      }).catch(function () {
        $('signin-error').textContent = T.signin_failed;
        $('signin-error').hidden = false;
      });
  });
  function signOut() {
    state.token = null;
    sessionStorage.removeItem('fp_admin_token');
    $('console').hidden = true;
    $('event').hidden = true;
    $('signout').hidden = true;
    $('signin').hidden = false;
  }
  $('signout').addEventListener('click', signOut);

  // ---- tabs and events ------------------------------------------------------------------------
  document.querySelectorAll('[data-tab]').forEach(function (b) {
    b.addEventListener('click', function () { tab(b.getAttribute('data-tab')); });
  });
  function tab(name) {
    document.querySelectorAll('[data-tab]').forEach(function (b) { b.setAttribute('aria-selected', String(b.getAttribute('data-tab') === name)); });
    document.querySelectorAll('.tab').forEach(function (s) { s.hidden = s.id !== 'tab-' + name; });
    $('notice').hidden = true;
    if (name === 'dashboard') { refreshStats(); }
    if (name === 'delegates') { $('protocol-edit').hidden = true; search(true); loadCodes(); }
    if (name === 'events') { loadEvents().then(function () { if (!editing) { newEvent(); } }); }
    if (name === 'staff') { loadStaff(); }
    if (name === 'audit') { loadAudit(); }
    if (name === 'exports') { loadAliases(); }
  }
  function loadEvents() {
    return api('GET', '/api/v1/events').then(json).then(function (all) {
      // An organizer scoped to some events sees only those (the server refuses the others anyway).
      var events = state.events ? all.filter(function (e) { return state.events.indexOf(e.slug) >= 0; }) : all;
      var sel = $('event');
      sel.innerHTML = '';
      state.list = events;
      var tbody = $('events-table').querySelector('tbody');
      tbody.innerHTML = '';
      events.forEach(function (e) {
        var o = document.createElement('option');
        o.value = e.slug;
        o.textContent = eventName(e);
        sel.appendChild(o);
        var tr = document.createElement('tr');
        tr.setAttribute('data-slug', e.slug);
        cell(tr, e.slug);
        var name = cell(tr, eventName(e));
        name.id = 'ev-' + e.slug;
        // issue 17: in the event's own zone, named
        var from = showTime(e.startsAt, e.timeZone), to = showTime(e.endsAt, e.timeZone);
        cell(tr, from + ' – ' + (to.slice(0, 10) === from.slice(0, 10) ? to.slice(11) : to) + ' (' + e.timeZone + ')');
        cell(tr, e.registrationOpen ? T.open : T.closed);
        var actions = cell(tr, '');
        actions.className = 'actions';
        var b = button(actions, T.edit, function (ev) { ev.stopPropagation(); editEvent(e.slug, true); });
        b.className = 'secondary edit-event';
        b.setAttribute('aria-label', fill(T.edit_event_label, { name: eventName(e) }));
        tr.addEventListener('click', function () { editEvent(e.slug, true); });
        tbody.appendChild(tr);
      });
      if (!state.slug || !events.some(function (e) { return e.slug === state.slug; })) { state.slug = events.length ? events[0].slug : null; }
      sel.value = state.slug;
      zoneNote();
    });
  }
  function eventName(e) { return lang === 'zh' && e.nameZh ? e.nameZh : e.name; }
  $('event').addEventListener('change', function () {
    state.slug = $('event').value;
    zoneNote();
    sessionStorage.setItem('fp_admin_event', state.slug);
    if ($('f-delegation')) { $('f-delegation').value = ''; } // another event's delegation is no filter here
    var current = document.querySelector('[data-tab][aria-selected=true]');
    tab(current ? current.getAttribute('data-tab') : 'dashboard');
  });

  // ---- live dashboard -------------------------------------------------------------------------
  /** A chart, and its words for those who cannot see it (issue 17): counts from 0 in whole numbers, axes titled. */
  function chart(id, type, labels, data, extra, axes) {
    var text = labels.length ? labels.map(function (l, i) { return fill(T.chart_item, { label: l, value: data[i] }); }).join('; ')
      : T.chart_none;
    $(id + '-text').textContent = text;
    if (typeof Chart === 'undefined') { return; }
    var c = state.charts[id];
    if (c) {
      c.data.labels = labels;
      c.data.datasets[0].data = data;
      if (axes && c.options.scales && c.options.scales.x) { c.options.scales.x.title.text = axes.x; c.options.scales.y.title.text = axes.y; }
      c.update('none');
      return;
    }
    var options = { animation: false, responsive: true, plugins: { legend: { display: type === 'doughnut' } } };
    if (type !== 'doughnut') {
      // never below 0, a count in whole numbers, and a scale up to 1 while every count is 0 (Chart.js would show -1 to 1)
      options.scales = {
        y: { min: 0, suggestedMax: 1, beginAtZero: true, ticks: { precision: 0, stepSize: undefined },
          title: { display: true, text: axes ? axes.y : '' } },
        x: { title: { display: true, text: axes ? axes.x : '' } }
      };
    }
    state.charts[id] = new Chart($(id), {
      type: type,
      data: { labels: labels, datasets: [Object.assign({ data: data, backgroundColor: ['#0b5cab', '#147a3d', '#b3261e', '#6a1b9a', '#e65100', '#b8860b', '#37474f', '#00838f', '#5d4037', '#ad1457'] }, extra || {})] },
      options: options
    });
  }
  function refreshStats() {
    if (!state.slug || $('tab-dashboard').hidden) { return; }
    api('GET', '/api/v1/events/' + encodeURIComponent(state.slug) + '/stats').then(json).then(function (s) {
      var r = s.registrations, st = r.byStatus || {};
      var kpis = [[T.total, r.total], [T.confirmed, st.CONFIRMED || 0], [T.pending, st.PENDING || 0], [T.waitlisted, st.WAITLISTED || 0],
        [T.entrance, s.entrance.checkedIn], [T.inside_now, s.entrance.insideNow]];
      $('kpis').innerHTML = '';
      kpis.forEach(function (k) {
        var d = document.createElement('div');
        d.className = 'kpi';
        d.textContent = k[0];
        var b = document.createElement('b');
        b.textContent = k[1];
        d.appendChild(b);
        $('kpis').appendChild(d);
      });
      var countries = (r.byCountry || []).slice(0, 12);
      chart('chart-country', 'bar', countries.map(function (c) { return countryName(c.country); }), countries.map(function (c) { return c.count; }),
        null, { x: T.chart_country, y: T.chart_delegates });
      var cats = Object.keys(r.byCategory || {});
      chart('chart-category', 'doughnut', cats.map(function (c) { return word('category.', c); }), cats.map(function (c) { return r.byCategory[c]; }));
      var buckets = [], labels = [], zone = eventZone();
      (s.scansPerMinute || []).forEach(function (m, i) {
        if (i % 5 === 0) { buckets.push(0); labels.push(showClock(m.minute, zone)); }
        buckets[buckets.length - 1] += m.accepted;
      });
      chart('chart-scans', 'line', labels, buckets, { borderColor: '#147a3d', fill: false },
        { x: fill(T.chart_time, { zone: zone }), y: T.chart_checkins });
      var days = s.registrationsPerDay || [];
      chart('chart-days', 'bar', days.map(function (d) { return d.day.slice(5); }), days.map(function (d) { return d.registrations; }),
        null, { x: T.chart_day, y: T.chart_delegates });
      var tbody = $('sessions-table').querySelector('tbody');
      tbody.innerHTML = '';
      s.sessions.forEach(function (x) {
        var tr = document.createElement('tr');
        tr.setAttribute('data-session', x.code);
        cell(tr, (lang === 'zh' && x.titleZh ? x.titleZh : x.title));
        cell(tr, showTime(x.startsAt, zone));
        cell(tr, x.registered + (x.capacity ? ' / ' + x.capacity : ''));
        cell(tr, x.checkedIn).className = 'checked-in';
        cell(tr, x.insideNow).className = 'inside-now';
        var bar = cell(tr, '');
        var outer = document.createElement('div');
        outer.className = 'bar';
        var inner = document.createElement('span');
        inner.style.width = (x.capacity ? Math.min(100, Math.round(100 * x.insideNow / x.capacity)) : 0) + '%';
        outer.appendChild(inner);
        bar.appendChild(outer);
        tbody.appendChild(tr);
      });
      $('updated').textContent = showTime(s.generatedAt || new Date(), zone, true);
    }).catch(function () { /* next poll */ });
  }
  setInterval(refreshStats, 5000);

  // ---- delegates ------------------------------------------------------------------------------
  function search(fresh) {
    if (!state.slug) { return; }
    if (fresh) { state.page = 0; $('delegates-table').querySelector('tbody').innerHTML = ''; }
    var p = new URLSearchParams({ q: $('f-q').value, country: $('f-country').value, category: $('f-category').value,
      status: $('f-status').value, documentNumber: $('f-doc').value, page: state.page, size: 50 });
    // issue 15: a delegation's members, or those of none (delegations.js fills the select)
    if ($('f-delegation') && $('f-delegation').value) { p.set('delegation', $('f-delegation').value); }
    if ($('f-vip').value) { p.set('vip', $('f-vip').value); } // issue 16
    // issue 14: one "Accreditation" select for the API's photo, identity and ready filters ("name=value")
    var accreditation = $('f-accreditation').value.split('=');
    if (accreditation.length === 2) { p.set(accreditation[0], accreditation[1]); }
    api('GET', '/api/v1/events/' + encodeURIComponent(state.slug) + '/registrations?' + p).then(json).then(function (res) {
      $('result-count').textContent = res.total + T.found;
      var tbody = $('delegates-table').querySelector('tbody');
      res.items.forEach(function (d) { tbody.appendChild(delegateRow(d)); });
      $('more').hidden = (state.page + 1) * 50 >= res.total;
    }).catch(function (p) { notice(problem(p), true); });
  }
  function delegateRow(d) {
    var tr = document.createElement('tr');
    tr.setAttribute('data-id', d.id);
    var who = cell(tr, d.givenName + ' ' + d.familyName + (d.nativeName ? ' · ' + d.nativeName : ''));
    who.id = 'dl-' + d.id;
    vipMarker(who, d.protocol);
    cell(tr, d.organization + (d.delegation ? ' \u00b7 ' + d.delegation.name : ''));
    cell(tr, countryName(d.country));
    cell(tr, word('category.', d.category));
    cell(tr, word('status.', d.status)).className = 'status';
    var actions = cell(tr, '');
    actions.className = 'actions';
    identityActions(actions, d);
    var act = function (verb, method) {
      return function () {
        if (verb === '' && !confirm(T.confirm_cancel)) { return; }
        api(method, '/api/v1/registrations/' + d.id + verb).then(json).then(function (v) {
          tr.replaceWith(delegateRow(v));
          notice(T.done);
        }).catch(function (p) { notice(problem(p), true); });
      };
    };
    if (d.status === 'PENDING') {
      button(actions, T.approve, act('/approve', 'POST')).className = 'approve';
      button(actions, T.reject, act('/reject', 'POST')).className = 'secondary';
    }
    if (d.status === 'CONFIRMED') {
      button(actions, T.badge, function () { download('/api/v1/registrations/' + d.id + '/badge.pdf', 'badge-' + d.id + '.pdf'); });
      // issue 17: a new badge revokes the one that may be printed: asked first, in a dialog
      var reissue = button(actions, T.reissue, function () { confirmReissue(d, reissue); });
      reissue.className = 'secondary reissue';
      reissue.setAttribute('aria-label', fill(T.reissue_label, { name: d.givenName + ' ' + d.familyName }));
    }
    if (d.status === 'CONFIRMED' || d.status === 'PENDING' || d.status === 'WAITLISTED') {
      button(actions, T.cancel, act('', 'DELETE')).className = 'secondary';
    }
    var protocolButton = button(actions, T.protocol, function () { editProtocol(d, tr, protocolButton); });
    protocolButton.className = 'secondary edit-protocol';
    protocolButton.setAttribute('aria-describedby', who.id);
    button(actions, T.personal_data, function () { download('/api/v1/registrations/' + d.id + '/personal-data', 'delegate-' + d.id + '.json'); })
      .className = 'secondary';
    button(actions, T.erase, function () {
      if (!confirm(T.confirm_erase)) { return; }
      api('POST', '/api/v1/registrations/' + d.id + '/erase').then(json).then(function (v) { tr.replaceWith(delegateRow(v)); notice(T.done); })
        .catch(function (p) { notice(problem(p), true); });
    }).className = 'secondary';
    return tr;
  }
  // issue 14: the masked document, and the whole one through the audited endpoint on request
  function identityActions(parent, d) {
    if (!d.identity) { return; }
    var shown = document.createElement('span');
    shown.className = 'identity';
    shown.textContent = word('doc_', d.identity.documentType) + ' ' + d.identity.number + ' (' + d.identity.issuingCountry + ') ';
    parent.appendChild(shown);
    var b = button(parent, T.show_document, function () {
      api('GET', '/api/v1/registrations/' + d.id + '/identity').then(json).then(function (doc) {
        shown.textContent = word('doc_', doc.documentType) + ' ' + doc.number + ' (' + doc.issuingCountry + ', ' + doc.nationality + ', '
          + doc.expiresOn + '; ' + T.born + ' ' + doc.dateOfBirth + ') ';
        b.remove();
      }).catch(function (p) { notice(problem(p), true); });
    });
    b.className = 'secondary show-identity';
  }
  $('search-form').addEventListener('submit', function (ev) { ev.preventDefault(); search(true); });

  // ---- a new badge (issue 17): the dialog says the old badge stops at the doors; cancel changes nothing -------------
  var reissuing = null; // {d, from}
  function confirmReissue(d, from) {
    reissuing = { d: d, from: from };
    $('reissue-text').textContent = fill(T.reissue_text, { name: d.givenName + ' ' + d.familyName });
    $('reissue-dialog').showModal();
    $('reissue-cancel').focus(); // the safe choice first
  }
  function closeReissue() {
    var r = reissuing;
    reissuing = null;
    if ($('reissue-dialog').open) { $('reissue-dialog').close(); }
    if (r && r.from && document.body.contains(r.from)) { r.from.focus(); }
  }
  $('reissue-cancel').addEventListener('click', closeReissue);
  $('reissue-dialog').addEventListener('cancel', function (ev) { ev.preventDefault(); closeReissue(); }); // Escape
  $('reissue-confirm').addEventListener('click', function () {
    var r = reissuing;
    if (!r) { return; }
    $('reissue-confirm').disabled = true;
    api('POST', '/api/v1/registrations/' + r.d.id + '/badge/reissue').then(json).then(function () {
      notice(fill(T.reissued, { name: r.d.givenName + ' ' + r.d.familyName }));
    }).catch(function (p) { notice(problem(p), true); }).then(function () {
      $('reissue-confirm').disabled = false;
      closeReissue();
    });
  });

  // ---- protocol (issue 16): VIP, rank and the note the door and the arrivals board show -------------
  function fill(text, values) {
    Object.keys(values).forEach(function (k) { text = text.split('{' + k + '}').join(values[k]); });
    return text;
  }
  function vipMarker(parent, p) {
    if (!p || !p.vip) { return; }
    var mark = document.createElement('span');
    mark.className = 'vip-mark';
    mark.textContent = T.vip + (p.rank ? ' · ' + fill(T.vip_rank, { rank: p.rank }) : '');
    parent.appendChild(document.createTextNode(' '));
    parent.appendChild(mark);
    if (p.note) {
      var note = document.createElement('span');
      note.className = 'vip-note';
      note.textContent = p.note;
      parent.appendChild(note);
    }
  }
  var editingProtocol = null; // {d, tr, from}
  function protocolFields() {
    var on = $('p-vip').checked;
    $('p-rank').disabled = !on;
    $('p-note').disabled = !on;
  }
  function editProtocol(d, tr, from) {
    editingProtocol = { d: d, tr: tr, from: from };
    var p = d.protocol || { vip: false, rank: null, note: null };
    $('protocol-title').textContent = fill(T.protocol_title, { name: d.givenName + ' ' + d.familyName });
    $('p-vip').checked = !!p.vip;
    $('p-rank').value = p.rank ? String(p.rank) : '';
    $('p-note').value = p.note || '';
    $('protocol-error').hidden = true;
    protocolFields();
    $('protocol-edit').hidden = false;
    $('p-vip').focus();
  }
  function closeProtocol() {
    var e = editingProtocol;
    editingProtocol = null;
    $('protocol-edit').hidden = true;
    if (e && e.from && document.body.contains(e.from)) { e.from.focus(); }
  }
  $('p-vip').addEventListener('change', protocolFields);
  $('protocol-cancel').addEventListener('click', closeProtocol);
  $('protocol-edit').addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape') { ev.preventDefault(); closeProtocol(); }
  });
  $('protocol-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var e = editingProtocol;
    if (!e) { return; }
    var vip = $('p-vip').checked;
    var body = { vip: vip, rank: vip && $('p-rank').value ? Number($('p-rank').value) : null,
      note: vip ? $('p-note').value.trim() || null : null };
    api('PUT', '/api/v1/registrations/' + e.d.id + '/protocol', body).then(json).then(function (v) {
      var row = delegateRow(v);
      e.tr.replaceWith(row);
      e.from = row.querySelector('button.edit-protocol');
      notice(fill(T.protocol_saved, { name: v.givenName + ' ' + v.familyName }));
      closeProtocol();
    }).catch(function (p) {
      $('protocol-error').textContent = (p && p.violations ? p.violations.map(function (x) {
        return (T['protocol_field_' + x.field] || x.field) + ': ' + x.message;
      }).join('; ') : problem(p));
      $('protocol-error').hidden = false;
    });
  });
  $('more').addEventListener('click', function () { state.page++; search(false); });

  function loadCodes() {
    if (!state.slug) { return; }
    api('GET', '/api/v1/events/' + encodeURIComponent(state.slug) + '/invitation-codes').then(json).then(function (codes) {
      var ul = $('codes');
      ul.innerHTML = '';
      codes.forEach(function (c) {
        var li = document.createElement('li');
        li.textContent = c.code + (c.label ? ' — ' + c.label : '') + ' (' + c.uses + (c.maxUses ? ' / ' + c.maxUses : '') + ')';
        ul.appendChild(li);
      });
    }).catch(function () { /* shown empty */ });
  }
  $('code-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var body = { code: $('code-value').value.trim(), label: $('code-label').value.trim() || null,
      maxUses: $('code-uses').value ? Number($('code-uses').value) : null };
    api('POST', '/api/v1/events/' + encodeURIComponent(state.slug) + '/invitation-codes', body).then(json)
      .then(function () { $('code-form').reset(); loadCodes(); notice(T.done); })
      .catch(function (p) { notice(problem(p), true); });
  });

  // ---- import ---------------------------------------------------------------------------------
  $('import-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var file = $('import-file').files[0];
    if (!file) { return; }
    file.arrayBuffer().then(function (buf) {
      return api('POST', '/api/v1/events/' + encodeURIComponent(state.slug) + '/registrations/import', buf, 'text/csv');
    }).then(json).then(function (rep) {
      notice(T.imported + ': ' + rep.created + ' / ' + rep.rows + ' (' + rep.existing + ' existing, ' + rep.invalid + ' invalid)');
      var table = $('import-table'), tbody = table.querySelector('tbody');
      tbody.innerHTML = '';
      rep.report.forEach(function (row) {
        var tr = document.createElement('tr');
        cell(tr, row.line);
        cell(tr, word('import_', row.result) + (row.status ? ' · ' + word('status.', row.status) : ''));
        cell(tr, row.email);
        cell(tr, (row.errors || []).map(function (e) { return e.field + ': ' + e.message; }).join('; '));
        tbody.appendChild(tr);
      });
      table.hidden = false;
    }).catch(function (p) { notice(problem(p), true); });
  });

  // ---- exports --------------------------------------------------------------------------------
  function download(path, name) {
    return fetch(path, { headers: { 'Authorization': 'Bearer ' + state.token, 'Accept-Language': lang } }).then(function (r) {
      if (r.status === 401) { signOut(); throw new Error('signed out'); }
      if (!r.ok) { return r.json().then(function (p) { throw p; }); }
      // issue 17: the server's file name says what the file is (wic-2024-delegates-by-country-zh.xlsx)
      var given = /filename="([^"]+)"/.exec(r.headers.get('Content-Disposition') || '');
      if (given) { name = given[1]; }
      return r.blob();
    }).then(function (blob) {
      var a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = name;
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
      notice(T.downloaded + ' ' + name + ' (' + Math.max(1, Math.round(blob.size / 1024)) + ' KB)');
    }).catch(function (p) { notice(problem(p), true); });
  }
  document.querySelectorAll('[data-export]').forEach(function (b) {
    b.addEventListener('click', function () {
      var what = b.getAttribute('data-export');
      var path = '/api/v1/events/' + encodeURIComponent(state.slug) + '/' + what;
      if (/^exports\//.test(what)) {
        var p = new URLSearchParams({ lang: $('x-lang').value }); // every export in the language chosen
        if (b.getAttribute('data-filters') && $('x-group').value) {
          p.set('groupBy', $('x-group').value);
          if ($('x-sheets').checked && /\.xlsx$/.test(what)) { p.set('sheets', 'group'); }
        }
        path += '?' + p;
      }
      download(path, state.slug + '-' + what.replace(/^exports\//, '').replace(/\?.*$/, ''));
    });
  });

  // ---- events and their sessions (issue 17: every field, errors beside the fields, times in the event's zone) --------
  function zoned(local, zone) {
    // datetime-local is wall time in the event's zone: find that zone's offset at that moment
    var guess = new Date(local + 'Z');
    var parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hour12: false, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit' }).formatToParts(guess);
    var get = function (t) { return Number(parts.filter(function (p) { return p.type === t; })[0].value); };
    var asZone = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'));
    var offset = Math.round((asZone - guess.getTime()) / 60000);
    var sign = offset >= 0 ? '+' : '-', abs = Math.abs(offset);
    return local + ':00' + sign + String(Math.floor(abs / 60)).padStart(2, '0') + ':' + String(abs % 60).padStart(2, '0');
  }
  var editing = null;
  var editingSession = null;
  /** An ISO time as a datetime-local value in the zone of the event being edited (its own offset when none). */
  function local(iso) { return iso ? (editing && editing.timeZone ? wall(iso, editing.timeZone) : iso.slice(0, 16)) : ''; }
  // issue 16: the zones editor (zones.js) writes its opening hours in the event's time the same way;
  // issue 17: the other tabs show their times in the chosen event's zone through show()
  window.ForumPassTimes = { zoned: zoned, local: local, show: function (iso, named) { return showTime(iso, null, named); },
    zone: function () { return eventZone(); } };
  // issue 16: the zones editor follows the event being edited (null: none)
  function edited(e) { document.dispatchEvent(new CustomEvent('fp:event-edit', { detail: e })); }
  function validZone(z) {
    try { new Intl.DateTimeFormat('en-US', { timeZone: z }); return !!z; } catch (e) { return false; }
  }
  function checked(name) {
    return Array.prototype.map.call(document.querySelectorAll('#event-form input[name=' + name + ']:checked'), function (c) { return c.value; });
  }
  function check(name, values) {
    document.querySelectorAll('#event-form input[name=' + name + ']').forEach(function (c) { c.checked = values.indexOf(c.value) >= 0; });
  }
  /** The message of a violation in the console's language where its rule has a text (values filled in), else the API's. */
  function violationText(v) {
    var t = v.code ? T['violation.' + v.code] : null;
    if (!t) { return v.message; }
    var args = v.args || {};
    Object.keys(args).forEach(function (k) { t = t.split('{' + k + '}').join(Array.isArray(args[k]) ? args[k].join(', ') : args[k]); });
    return /\{\w+\}/.test(t) ? v.message : t;
  }
  /** Errors beside the fields of a form (by their data-for) and listed in its box; returns whether there were any. */
  function fieldErrors(form, box, list, title) {
    form.querySelectorAll('.field-error').forEach(function (e) { e.remove(); });
    form.querySelectorAll('[aria-invalid]').forEach(function (e) {
      e.removeAttribute('aria-invalid');
      var d = (e.getAttribute('aria-describedby') || '').split(' ').filter(function (x) { return x && !/-error$/.test(x); });
      if (d.length) { e.setAttribute('aria-describedby', d.join(' ')); } else { e.removeAttribute('aria-describedby'); }
    });
    form.querySelectorAll('.invalid').forEach(function (e) { e.classList.remove('invalid'); });
    var ul = box.querySelector('ul');
    ul.innerHTML = '';
    box.hidden = !list.length;
    list.forEach(function (v) {
      var field = v.field ? form.querySelector('[data-for="' + v.field.replace(/\[.*$/, '') + '"]') : null;
      var label = field ? (field.querySelector('label, legend') || {}).textContent : v.field;
      var li = document.createElement('li');
      li.textContent = (label ? label + ': ' : '') + v.text;
      ul.appendChild(li);
      if (!field) { return; }
      field.classList.add('invalid');
      var id = (field.querySelector('input, select, textarea') || {}).id || ('f-' + v.field);
      var err = document.createElement('p');
      err.className = 'error field-error';
      err.id = id + '-error';
      err.textContent = v.text;
      var legend = field.querySelector('legend');
      if (legend) { legend.after(err); } else { field.querySelector('label').after(err); }
      field.querySelectorAll('input, select, textarea').forEach(function (c) {
        if (c.type !== 'checkbox') { c.setAttribute('aria-invalid', 'true'); }
        c.setAttribute('aria-describedby', ((c.getAttribute('aria-describedby') || '') + ' ' + err.id).trim());
      });
    });
    if (list.length) { box.focus(); }
    return list.length > 0;
  }
  function apiViolations(p) {
    return (p && p.violations && p.violations.length ? p.violations.map(function (v) { return { field: v.field, text: violationText(v) }; })
      : [{ field: '', text: problem(p) }]);
  }
  function eventStatus(text) {
    $('event-status').textContent = text;
    $('event-status').className = 'notice ok';
    $('event-status').hidden = !text;
  }
  /** The form for a new event, empty but for the usual settings. */
  function newEvent() {
    editing = null;
    edited(null);
    $('event-form').reset();
    $('e-slug').readOnly = false;
    check('approval', ['GOVERNMENT', 'DIPLOMATIC', 'SPEAKER']);
    check('self', ['GOVERNMENT', 'DIPLOMATIC', 'ACADEMIC', 'INDUSTRY', 'MEDIA', 'SPEAKER']);
    $('event-form-title').textContent = T.new_event;
    $('event-save').textContent = T.create;
    fieldErrors($('event-form'), $('event-errors'), []);
    showSessions(null);
  }
  $('event-new').addEventListener('click', function () { newEvent(); eventStatus(''); $('event-form-title').focus(); });
  function editEvent(slug, focus) {
    return api('GET', '/api/v1/events/' + encodeURIComponent(slug)).then(json).then(function (e) {
      editing = e;
      $('event-form-title').textContent = T.edit_event + ' — ' + e.slug;
      $('event-save').textContent = T.save_event;
      $('e-slug').value = e.slug; $('e-slug').readOnly = true;
      $('e-name').value = e.name; $('e-namezh').value = e.nameZh || '';
      $('e-theme').value = e.theme || ''; $('e-themezh').value = e.themeZh || '';
      $('e-description').value = e.description || ''; $('e-descriptionzh').value = e.descriptionZh || '';
      $('e-city').value = e.city; $('e-cityzh').value = e.cityZh || '';
      $('e-venue').value = e.venue; $('e-venuezh').value = e.venueZh || '';
      $('e-zone').value = e.timeZone;
      $('e-start').value = local(e.startsAt); $('e-end').value = local(e.endsAt);
      $('e-opens').value = local(e.registrationOpensAt); $('e-closes').value = local(e.registrationClosesAt);
      $('e-capacity').value = e.capacity || ''; $('e-retention').value = e.retentionDays || '';
      check('approval', e.approvalRequiredFor || []);
      check('self', e.selfServiceCategories || []);
      fieldErrors($('event-form'), $('event-errors'), []);
      edited(e);
      showSessions(e);
      if (focus) { $('event-form-title').focus(); }
    }).catch(function (p) { notice(problem(p), true); });
  }
  function showSessions(e) {
    editingSession = null;
    sessionForm(null);
    fieldErrors($('session-form'), $('session-errors'), []);
    $('session-status').hidden = true;
    $('sessions-hint').hidden = !!e;
    $('sessions-for').hidden = !e;
    var table = $('event-sessions'), tbody = table.querySelector('tbody');
    tbody.innerHTML = '';
    table.hidden = !e || !(e.sessions || []).length;
    if (!e) { return; }
    $('sessions-for').textContent = fill(T.sessions_for, { event: eventName(e), zone: e.timeZone })
      + ((e.sessions || []).length ? '' : ' ' + T.sessions_none);
    (e.sessions || []).forEach(function (x) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-session', x.code);
      cell(tr, x.code); cell(tr, lang === 'zh' && x.titleZh ? x.titleZh : x.title); cell(tr, word('session_type.', x.type));
      cell(tr, showTime(x.startsAt, e.timeZone, true)).className = 'session-start';
      cell(tr, showTime(x.endsAt, e.timeZone, true)); cell(tr, x.capacity || '');
      var actions = cell(tr, '');
      actions.className = 'actions';
      var pick = function (ev) { if (ev) { ev.stopPropagation(); } editingSession = x; sessionForm(x); };
      var b = button(actions, T.edit, function (ev) { pick(ev); $('s-title').focus(); });
      b.className = 'secondary edit-session';
      b.setAttribute('aria-label', fill(T.edit_session_label, { code: x.code }));
      tr.addEventListener('click', function () { pick(); });
      tbody.appendChild(tr);
    });
  }
  /** The session form for a session (null: a new one). */
  function sessionForm(x) {
    $('session-form').reset();
    $('s-code').readOnly = !!x;
    $('session-form-title').textContent = x ? fill(T.edit_session, { code: x.code }) : T.new_session;
    $('session-save').textContent = x ? T.save_session : T.add_session;
    $('session-new').hidden = !x;
    if (!x) { return; }
    $('s-code').value = x.code; $('s-title').value = x.title; $('s-type').value = x.type; $('s-room').value = x.room || '';
    $('s-start').value = local(x.startsAt); $('s-end').value = local(x.endsAt); $('s-capacity').value = x.capacity || '';
    $('s-required').checked = !!x.requiresRegistration;
    $('s-zone').value = x.zone || '';
  }
  $('session-new').addEventListener('click', function () { editingSession = null; sessionForm(null); $('s-code').focus(); });
  /** Checks the browser can make before sending: required fields, a number's range, end after start. */
  function required(ids, problems) {
    ids.forEach(function (pair) {
      if (!$(pair[0]).value.trim()) { problems.push({ field: pair[1], text: T['violation.required'] }); }
    });
  }
  function numberIn(id, field, min, max, problems) {
    var v = $(id).value;
    if (v === '' && !$(id).validity.badInput) { return; }
    var n = Number(v);
    if ($(id).validity.badInput || !Number.isInteger(n) || n < min || n > max) {
      problems.push({ field: field, text: fill(T.number_range, { min: min, max: max }) });
    }
  }
  $('session-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    $('session-status').hidden = true;
    // issue 17: never silently nothing: without an event, say so
    if (!editing) { fieldErrors($('session-form'), $('session-errors'), [{ field: '', text: T.session_no_event }]); return; }
    var zone = editing.timeZone, problems = [];
    $('s-code').value = $('s-code').value.trim().toUpperCase();
    required([['s-code', 'code'], ['s-title', 'title'], ['s-start', 'startsAt'], ['s-end', 'endsAt']], problems);
    if ($('s-code').value && !/^[A-Z0-9-]{1,32}$/.test($('s-code').value)) { problems.push({ field: 'code', text: T.code_pattern }); }
    if ($('s-start').value && $('s-end').value && $('s-end').value <= $('s-start').value) { problems.push({ field: 'endsAt', text: T.must_follow_start }); }
    numberIn('s-capacity', 'capacity', 1, 1000000, problems);
    if (fieldErrors($('session-form'), $('session-errors'), problems)) { return; }
    var body = { code: $('s-code').value, title: $('s-title').value.trim(), type: $('s-type').value,
      room: $('s-room').value.trim() || null, startsAt: zoned($('s-start').value, zone), endsAt: zoned($('s-end').value, zone),
      capacity: $('s-capacity').value ? Number($('s-capacity').value) : null, requiresRegistration: $('s-required').checked,
      zone: $('s-zone').value || null };
    var path = '/api/v1/events/' + encodeURIComponent(editing.slug) + '/sessions';
    var was = editingSession;
    if (was) {
      ['titleZh', 'description', 'descriptionZh', 'roomZh', 'restrictedTo'].forEach(function (k) { body[k] = was[k]; });
    }
    api(was ? 'PUT' : 'POST', was ? path + '/' + encodeURIComponent(was.code) : path, body)
      .then(json).then(function () {
        return editEvent(editing.slug).then(function () {
          $('session-status').textContent = fill(was ? T.session_saved : T.session_added, { code: body.code });
          $('session-status').hidden = false;
        });
      }).catch(function (p) { fieldErrors($('session-form'), $('session-errors'), apiViolations(p)); });
  });
  $('event-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    eventStatus('');
    var zone = $('e-zone').value.trim(), problems = [];
    required([['e-slug', 'slug'], ['e-name', 'name'], ['e-city', 'city'], ['e-venue', 'venue'], ['e-zone', 'timeZone'],
      ['e-start', 'startsAt'], ['e-end', 'endsAt']], problems);
    if ($('e-slug').value.trim() && !/^[a-z0-9][a-z0-9-]{0,62}[a-z0-9]$/.test($('e-slug').value.trim())) {
      problems.push({ field: 'slug', text: T.slug_pattern });
    }
    if (zone && !validZone(zone)) { problems.push({ field: 'timeZone', text: T.time_zone_invalid }); }
    if ($('e-start').value && $('e-end').value && $('e-end').value <= $('e-start').value) { problems.push({ field: 'endsAt', text: T.must_follow_start }); }
    if ($('e-opens').value && $('e-closes').value && $('e-closes').value <= $('e-opens').value) {
      problems.push({ field: 'registrationClosesAt', text: T.closes_after_opens });
    } else if ($('e-closes').value && $('e-end').value && $('e-closes').value > $('e-end').value) {
      problems.push({ field: 'registrationClosesAt', text: T.closes_before_end });
    }
    numberIn('e-capacity', 'capacity', 1, 1000000, problems);
    numberIn('e-retention', 'retentionDays', 1, 3650, problems);
    if (fieldErrors($('event-form'), $('event-errors'), problems)) { return; }
    var at = function (id) { return $(id).value ? zoned($(id).value, zone) : null; };
    var text = function (id) { return $(id).value.trim() || null; };
    var body = { slug: $('e-slug').value.trim(), name: $('e-name').value.trim(), nameZh: text('e-namezh'),
      theme: text('e-theme'), themeZh: text('e-themezh'), description: text('e-description'), descriptionZh: text('e-descriptionzh'),
      city: $('e-city').value.trim(), cityZh: text('e-cityzh'), venue: $('e-venue').value.trim(), venueZh: text('e-venuezh'),
      timeZone: zone, startsAt: at('e-start'), endsAt: at('e-end'),
      registrationOpensAt: at('e-opens'), registrationClosesAt: at('e-closes'),
      capacity: $('e-capacity').value ? Number($('e-capacity').value) : null,
      retentionDays: $('e-retention').value ? Number($('e-retention').value) : null, approvalRequiredFor: checked('approval'),
      selfServiceCategories: checked('self'), sessions: [] };
    var was = editing;
    if (was) {
      ['invitationRequiredFor', 'checkinWindowEnabled', 'checkinOpensMinutesBefore', 'photoRequiredFor', 'identityRequiredFor']
        .forEach(function (k) { body[k] = was[k]; });
    }
    api(was ? 'PUT' : 'POST', was ? '/api/v1/events/' + encodeURIComponent(was.slug) : '/api/v1/events', body).then(json).then(function (e) {
      state.slug = e.slug;
      sessionStorage.setItem('fp_admin_event', e.slug);
      return loadEvents().then(function () { return editEvent(e.slug); }).then(function () {
        eventStatus(fill(was ? T.event_saved : T.event_created, { slug: e.slug }));
      });
    }).catch(function (p) { fieldErrors($('event-form'), $('event-errors'), apiViolations(p)); });
  });

  function loadStaff() {
    api('GET', '/api/v1/staff').then(json).then(function (list) {
      var tbody = $('staff-table').querySelector('tbody');
      tbody.innerHTML = '';
      (list.items || list).forEach(function (s) {
        var tr = document.createElement('tr');
        cell(tr, s.username);
        cell(tr, s.role === 'organizer' ? T.role_organizer : T.role_door);
        cell(tr, s.active ? T.yes : T.no);
        var actions = cell(tr, '');
        actions.className = 'actions';
        button(actions, s.active ? T.disable : T.enable, function () {
          api('PATCH', '/api/v1/staff/' + encodeURIComponent(s.username), { active: !s.active }).then(json)
            .then(function () { loadStaff(); notice(T.done); }).catch(function (p) { notice(problem(p), true); });
        }).className = 'secondary';
        tbody.appendChild(tr);
      });
    }).catch(function (p) { notice(problem(p), true); });
  }
  $('staff-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    api('POST', '/api/v1/staff', { username: $('s-username').value.trim(), password: $('s-password').value, role: $('s-role').value })
      .then(json).then(function () { $('staff-form').reset(); loadStaff(); notice(T.done); })
      .catch(function (p) { notice(problem(p), true); });
  });

  function auditQuery() {
    var p = new URLSearchParams();
    if (!$('a-all').checked && state.slug) { p.set('event', state.slug); }
    if ($('a-actor').value.trim()) { p.set('actor', $('a-actor').value.trim()); }
    if ($('a-action').value) { p.set('action', $('a-action').value); }
    return p;
  }
  function loadAudit() {
    var p = auditQuery();
    p.set('size', 100);
    api('GET', '/api/v1/audit?' + p).then(json).then(function (res) {
      var tbody = $('audit-table').querySelector('tbody');
      tbody.innerHTML = '';
      res.items.forEach(function (a) {
        var tr = document.createElement('tr');
        cell(tr, showTime(a.at));
        cell(tr, a.actor); cell(tr, word('audit_', a.action)); cell(tr, a.subject); cell(tr, a.detail);
        tbody.appendChild(tr);
      });
    }).catch(function (p) { notice(problem(p), true); });
  }
  $('audit-form').addEventListener('submit', function (ev) { ev.preventDefault(); loadAudit(); });
  $('audit-export').addEventListener('click', function () { download('/api/v1/audit/export.csv?' + auditQuery(), 'audit.csv'); });

  function loadAliases() {
    if (!state.slug) { return; }
    api('GET', '/api/v1/events/' + encodeURIComponent(state.slug) + '/organization-aliases').then(json).then(function (list) {
      var ul = $('aliases');
      ul.innerHTML = '';
      list.forEach(function (a) {
        var li = document.createElement('li');
        li.textContent = a.alias + ' → ' + a.canonical + ' ';
        button(li, '✕', function () {
          api('DELETE', '/api/v1/events/' + encodeURIComponent(state.slug) + '/organization-aliases?alias=' + encodeURIComponent(a.alias))
            .then(function () { loadAliases(); });
        }).className = 'secondary';
        ul.appendChild(li);
      });
    }).catch(function () { /* shown empty */ });
  }
  $('alias-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    api('PUT', '/api/v1/events/' + encodeURIComponent(state.slug) + '/organization-aliases',
      { alias: $('alias-from').value.trim(), canonical: $('alias-to').value.trim() }).then(json)
      .then(function () { $('alias-form').reset(); loadAliases(); notice(T.done); })
      .catch(function (p) { notice(problem(p), true); });
  });

  function start() {
    $('signin').hidden = true;
    $('console').hidden = false;
    $('event').hidden = false;
    $('signout').hidden = false;
    api('GET', '/api/v1/auth/me').then(json).then(function (me) {
      state.events = me.events || null;
      // Staff accounts are managed by organizers of every event only.
      document.querySelector('[data-tab=staff]').hidden = !!state.events;
      return loadEvents();
    }).then(function () { tab('dashboard'); });
  }
  if (state.token) { start(); } else { $('signin').hidden = false; }
})();
