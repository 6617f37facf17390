// The organizer console's VIP arrivals board (issue 16), for protocol officers: each VIP's first check-in at any door,
// newest first, with rank, name, organization and country, door and time, and the protocol note. It reads the
// server-sent events of GET /api/v1/events/{slug}/arrivals. EventSource cannot send the Authorization header, so the
// stream is read with fetch() and parsed here; when it breaks it reconnects with a growing pause (1 s up to 30 s), and
// the server sends every VIP already arrived again, which the board keeps once each. The stream runs only while the
// tab is shown: leaving the tab, signing out or changing the event closes it.
(function () {
  'use strict';
  var T = JSON.parse(document.getElementById('fp-texts').textContent);
  var $ = function (id) { return document.getElementById(id); };
  var section = $('tab-arrivals');
  if (!section) { return; }
  var lang = document.body.getAttribute('data-lang') || 'en';
  var tbody = $('arrivals-table').querySelector('tbody');
  /** A stream quiet for this long is taken as broken (the server comments every 15 s). */
  var SILENCE_MS = 45000;
  var MAX_PAUSE_MS = 30000;

  var board = { slug: null, rows: {}, order: [] }; // what is shown: arrivals by registration id, newest first
  var live = null; // {controller, timer, watchdog, heardAt, caughtUp}: the stream while the tab is shown
  var attempt = 0;

  function fill(text, values) {
    Object.keys(values).forEach(function (k) { text = text.split('{' + k + '}').join(values[k]); });
    return text;
  }
  var countryNames = (function () { try { return new Intl.DisplayNames([lang], { type: 'region' }); } catch (e) { return null; } })();
  function countryName(code) { try { return countryNames && code ? countryNames.of(code) : code; } catch (e) { return code; } }
  function slug() { return $('event') ? $('event').value : null; }
  function say(text, state) {
    var s = $('arrivals-status');
    s.textContent = text;
    s.className = 'arrivals-status ' + (state || '');
  }

  // ---- the board ------------------------------------------------------------------------------
  function clear() {
    board = { slug: slug(), rows: {}, order: [] };
    tbody.textContent = '';
    showCount();
  }
  function showCount() {
    var n = board.order.length;
    $('arrivals-count').textContent = n ? fill(T.arrivals_count, { n: n }) : '';
    $('arrivals-none').hidden = n > 0;
  }
  function door(a) {
    var where = a.session ? a.session + (a.sessionTitle ? ' · ' + a.sessionTitle : '') : T.arrivals_entrance;
    return where + (a.deviceId ? ' (' + a.deviceId + ')' : '');
  }
  /** The wall time at the event's venue: the stream's times carry the event's offset. */
  function time(a) { return (a.at || '').slice(11, 16); }
  function cell(tr, text, cls) {
    var td = document.createElement('td');
    td.textContent = text == null ? '' : text;
    if (cls) { td.className = cls; }
    tr.appendChild(td);
    return td;
  }
  function row(a, fresh) {
    var tr = document.createElement('tr');
    tr.setAttribute('data-id', a.registrationId);
    if (fresh) { tr.className = 'fresh'; }
    cell(tr, a.rank ? fill(T.vip_rank, { rank: a.rank }) : '—', 'rank');
    var who = cell(tr, '', 'who');
    var latin = document.createElement('strong');
    latin.textContent = a.givenName + ' ' + a.familyName;
    who.appendChild(latin);
    if (a.nativeName) {
      var native = document.createElement('span');
      native.className = 'native';
      native.textContent = a.nativeName;
      who.appendChild(native);
    }
    cell(tr, [a.organization, countryName(a.country)].filter(Boolean).join(' · '));
    cell(tr, door(a));
    var at = cell(tr, '');
    var t = document.createElement('time');
    t.setAttribute('datetime', a.at || '');
    t.textContent = time(a);
    at.appendChild(t);
    cell(tr, a.note || '', 'protocol-note');
    return tr;
  }
  /** One arrival: shown once per VIP, in its place by time, newest first; a new one is announced. */
  function arrived(a) {
    if (!a || !a.registrationId || board.rows[a.registrationId]) { return; }
    // what a board (re)opening receives first was there before it (the server says "caught-up" after those): only
    // later arrivals are announced and marked
    var fresh = !!(live && live.caughtUp);
    board.rows[a.registrationId] = a;
    var i = 0;
    while (i < board.order.length && (board.rows[board.order[i]].at || '') >= (a.at || '')) { i++; }
    board.order.splice(i, 0, a.registrationId);
    var tr = row(a, fresh);
    var before = tbody.children[i] || null;
    tbody.insertBefore(tr, before);
    showCount();
    if (fresh) {
      $('arrivals-announce').textContent = fill(T.arrivals_announce, { name: a.givenName + ' ' + a.familyName,
        rank: a.rank ? fill(T.vip_rank, { rank: a.rank }) : T.vip, door: door(a), time: time(a), note: a.note || '' });
      setTimeout(function () { tr.classList.remove('fresh'); }, 30000);
    }
  }

  // ---- the stream -----------------------------------------------------------------------------
  /** Parses what arrived so far; answers what is left of an event not yet complete. */
  function parse(buffer, me) {
    var end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      var block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      var name = 'message', data = [];
      block.split('\n').forEach(function (line) {
        if (line.charAt(0) === ':') { // a comment: the heartbeat, or the end of what had arrived before
          if (line.slice(1).trim() === 'caught-up') { me.caughtUp = true; }
          return;
        }
        if (line === '') { return; }
        var colon = line.indexOf(':');
        var field = colon < 0 ? line : line.slice(0, colon);
        var value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') { name = value; }
        if (field === 'data') { data.push(value); }
      });
      if (name === 'arrival' && data.length) {
        try { arrived(JSON.parse(data.join('\n'))); } catch (e) { /* a malformed event is skipped */ }
      }
    }
    return buffer;
  }
  function connect() {
    var s = slug();
    var token = sessionStorage.getItem('fp_admin_token');
    if (!s || !token) { return; }
    if (board.slug !== s) { clear(); }
    var me = { controller: new AbortController(), timer: null, watchdog: null, heardAt: Date.now(), caughtUp: false };
    live = me;
    say(attempt ? T.arrivals_reconnecting_now : T.arrivals_connecting, 'connecting');
    fetch('/api/v1/events/' + encodeURIComponent(s) + '/arrivals', {
      headers: { 'Accept': 'text/event-stream', 'Accept-Language': lang, 'Authorization': 'Bearer ' + token },
      cache: 'no-store', signal: me.controller.signal
    }).then(function (r) {
      if (live !== me) { me.controller.abort(); return; }
      if (r.status === 401) { stop(); if ($('signout')) { $('signout').click(); } return; }
      if (r.status === 403 || r.status === 404) {
        return r.json().catch(function () { return {}; }).then(function (p) {
          stop();
          say(T.arrivals_refused + (p && (p.detail || p.title) ? ' ' + (p.detail || p.title) : ''), 'bad');
        });
      }
      if (!r.ok || !r.body) { throw new Error('HTTP ' + r.status); }
      attempt = 0;
      say(T.arrivals_connected, 'ok');
      me.watchdog = setInterval(function () {
        if (Date.now() - me.heardAt > SILENCE_MS) { me.controller.abort(); }
      }, 5000);
      var reader = r.body.getReader();
      var decoder = new TextDecoder();
      var buffer = '';
      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done) { throw new Error('the stream ended'); }
          me.heardAt = Date.now();
          buffer = parse((buffer + decoder.decode(chunk.value, { stream: true })).replace(/\r\n?/g, '\n'), me);
          return pump();
        });
      }
      return pump();
    }).catch(function () {
      if (live !== me) { return; } // stopped, or replaced by a newer stream
      retry(me);
    });
  }
  function retry(me) {
    clearInterval(me.watchdog);
    attempt++;
    var pause = Math.min(MAX_PAUSE_MS, 1000 * Math.pow(2, attempt - 1)) * (0.8 + Math.random() * 0.4);
    say(fill(T.arrivals_reconnecting, { seconds: Math.max(1, Math.round(pause / 1000)) }), 'bad');
    me.timer = setTimeout(function () { if (live === me) { connect(); } }, pause);
  }
  function stop() {
    var me = live;
    live = null;
    attempt = 0;
    if (me) {
      clearTimeout(me.timer);
      clearInterval(me.watchdog);
      me.controller.abort();
    }
  }
  function start() {
    stop();
    connect();
  }

  // shown: follow the event; hidden (another tab, signed out): close the stream
  new MutationObserver(function () {
    if (section.hidden || $('console').hidden) { stop(); say(''); } else if (!live) { start(); }
  }).observe(section, { attributes: true, attributeFilter: ['hidden'] });
  new MutationObserver(function () { if ($('console').hidden) { stop(); } })
    .observe($('console'), { attributes: true, attributeFilter: ['hidden'] });
  if ($('event')) {
    $('event').addEventListener('change', function () { if (!section.hidden) { clear(); start(); } });
  }
  window.addEventListener('pagehide', stop);
  showCount();
})();
