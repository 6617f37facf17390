// The organizer console's badge desk (issue 15): find a delegate through the registrations search, see the badge's
// state (not printed, printed, collected and by whom), and mark it collected by the delegate or by a named proxy;
// below, the printed badges nobody has collected yet, with their count. Everything is a native button, input or form,
// so the desk works from the keyboard: Enter searches, the proxy's name field takes focus when it opens, Escape closes
// it, and focus returns to the search field after each hand-out for the next delegate. Works with the console's token
// and event.
(function () {
  'use strict';
  var T = JSON.parse(document.getElementById('fp-texts').textContent);
  var $ = function (id) { return document.getElementById(id); };
  var section = $('tab-desk');
  var tabButton = document.querySelector('[data-tab=desk]');
  if (!section || !tabButton) { return; }
  var lang = document.body.getAttribute('data-lang') || 'en';
  var status = $('desk-status');
  var proxyBox = $('desk-proxy');
  var proxyName = $('desk-proxy-name');
  var pending = null; // {d, button}: the delegate whose proxy is being asked for, and the button that asked
  var waitingPage = 0;
  var PAGE = 100;

  function slug() { return $('event') ? $('event').value : null; }
  function headers(json) {
    var h = { 'Accept': 'application/json', 'Accept-Language': lang };
    var token = sessionStorage.getItem('fp_admin_token');
    if (token) { h.Authorization = 'Bearer ' + token; }
    if (json) { h['Content-Type'] = 'application/json'; }
    return h;
  }
  function get(path) {
    return fetch(path, { headers: headers() }).then(function (r) {
      return r.json().then(function (b) { if (!r.ok) { throw b; } return b; });
    });
  }
  function say(text) { status.textContent = text; }
  function fill(text, values) {
    Object.keys(values).forEach(function (k) { text = text.split('{' + k + '}').join(values[k]); });
    return text;
  }
  function nameOf(d) { return d.givenName + ' ' + d.familyName + (d.nativeName ? ' · ' + d.nativeName : ''); }
  // issue 17: in the chosen event's zone (admin.js names it at the top of the console)
  function when(iso) {
    if (!iso) { return ''; }
    return window.ForumPassTimes && window.ForumPassTimes.show ? window.ForumPassTimes.show(iso) : iso.slice(0, 16).replace('T', ' ');
  }
  var countryNames = (function () { try { return new Intl.DisplayNames([lang], { type: 'region' }); } catch (e) { return null; } })();
  function countryName(code) { try { return countryNames && code ? countryNames.of(code) : code; } catch (e) { return code; } }
  function categoryName(c) { return T['category.' + c] || c; }

  /** What the badge's state reads as, in words. */
  function state(d) {
    var b = d.badge;
    if (!b) { return fill(T.desk_no_badge, { status: T['status.' + d.status] || d.status }); }
    if (b.collectedAt && b.collectedBy === 'PROXY') { return fill(T.desk_collected_proxy, { name: b.proxyName, time: when(b.collectedAt) }); }
    if (b.collectedAt) { return fill(T.desk_collected_self, { time: when(b.collectedAt) }); }
    if (b.printedAt) { return fill(T.desk_printed, { time: when(b.printedAt) }); }
    return T.desk_not_printed;
  }

  function cell(tr, text) {
    var td = document.createElement('td');
    td.textContent = text == null ? '' : text;
    tr.appendChild(td);
    return td;
  }

  /** A row of either table: the delegate, the badge's state or print time, and the two hand-out buttons while due. */
  function row(d, waiting) {
    var tr = document.createElement('tr');
    tr.setAttribute('data-id', d.id);
    var who = cell(tr, nameOf(d));
    who.id = (waiting ? 'desk-w-' : 'desk-r-') + d.id;
    cell(tr, d.organization);
    cell(tr, countryName(d.country));
    cell(tr, categoryName(d.category));
    cell(tr, waiting ? when(d.badge.printedAt) : state(d)).className = 'badge-state';
    var actions = cell(tr, '');
    actions.className = 'actions';
    if (d.badge && !d.badge.collectedAt) {
      var self = button(actions, T.desk_self, function () { collect(d, { by: 'SELF' }, self); });
      self.className = 'collect-self';
      self.setAttribute('aria-describedby', who.id);
      var proxy = button(actions, T.desk_proxy, function () { askProxy(d, proxy); });
      proxy.className = 'secondary collect-proxy';
      proxy.setAttribute('aria-describedby', who.id);
    }
    return tr;
  }
  function button(parent, label, action) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', action);
    parent.appendChild(b);
    return b;
  }

  // ---- search ----------------------------------------------------------------------------------
  function search() {
    var q = $('desk-q').value.trim();
    if (!slug() || !q) { $('desk-q').focus(); return; }
    say(T.desk_loading);
    var p = new URLSearchParams({ q: q, size: 20 });
    get('/api/v1/events/' + encodeURIComponent(slug()) + '/registrations?' + p).then(function (page) {
      var table = $('desk-results'), tbody = table.querySelector('tbody');
      tbody.textContent = '';
      page.items.forEach(function (d) { tbody.appendChild(row(d, false)); });
      table.hidden = page.items.length === 0;
      say(page.items.length ? fill(T.desk_found, { count: page.total }) : T.desk_none);
    }).catch(function () { say(T.desk_failed); });
  }
  $('desk-search-form').addEventListener('submit', function (ev) { ev.preventDefault(); search(); });

  // ---- hand-out --------------------------------------------------------------------------------
  function askProxy(d, from) {
    pending = { d: d, button: from };
    $('desk-proxy-for').textContent = fill(T.desk_proxy_for, { name: nameOf(d) });
    proxyName.value = '';
    proxyBox.hidden = false;
    proxyName.focus();
  }
  function closeProxy() {
    proxyBox.hidden = true;
    var p = pending;
    pending = null;
    return p;
  }
  $('desk-proxy-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var name = proxyName.value.trim();
    if (!name || !pending) { proxyName.focus(); return; }
    var p = closeProxy();
    collect(p.d, { by: 'PROXY', proxyName: name }, p.button);
  });
  $('desk-proxy-cancel').addEventListener('click', function () {
    var p = closeProxy();
    if (p && p.button && document.body.contains(p.button)) { p.button.focus(); }
  });
  proxyBox.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape') { ev.preventDefault(); $('desk-proxy-cancel').click(); }
  });

  function collect(d, body, from) {
    fetch('/api/v1/registrations/' + encodeURIComponent(d.id) + '/badge/collected',
      { method: 'POST', headers: headers(true), body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
      .then(function (res) {
        if (res.ok) {
          d.badge = res.body;
          say(body.by === 'PROXY' ? fill(T.desk_marked_proxy, { proxy: body.proxyName, name: nameOf(d) })
            : fill(T.desk_marked_self, { name: nameOf(d) }));
          handedOut(d);
          $('desk-q').focus();
          return;
        }
        var code = res.body && res.body.code;
        if (code === 'badge.already_collected') {
          // another desk was first: show what it recorded
          return get('/api/v1/registrations/' + encodeURIComponent(d.id)).then(function (fresh) {
            d.badge = fresh.badge;
            say(fill(T.desk_already, { state: state(fresh) }));
            handedOut(d);
          });
        }
        if (code === 'badge.not_issued') { say(T.desk_not_issued); return; }
        throw res.body;
      })
      .catch(function (p) {
        var why = p && p.violations ? p.violations.map(function (v) { return v.field + ': ' + v.message; }).join('; ')
          : (p && (p.detail || p.title)) || '';
        say(T.desk_failed + (why ? ' ' + why : ''));
        if (from && document.body.contains(from)) { from.focus(); }
      });
  }

  /** The badge left the desk: its row in the results shows who took it, and it leaves the waiting list. */
  function handedOut(d) {
    var r = $('desk-results').querySelector('tr[data-id="' + d.id + '"]');
    if (r) { r.replaceWith(row(d, false)); }
    var w = $('desk-waiting').querySelector('tr[data-id="' + d.id + '"]');
    if (w) {
      w.remove();
      waitingTotal = Math.max(0, waitingTotal - 1);
      showCount();
    }
  }

  // ---- printed, not yet collected --------------------------------------------------------------
  var waitingTotal = 0;
  function showCount() { $('desk-waiting-count').textContent = fill(T.desk_waiting_count, { count: waitingTotal }); }
  function loadWaiting(fresh) {
    if (!slug()) { return; }
    if (fresh) { waitingPage = 0; $('desk-waiting').querySelector('tbody').textContent = ''; }
    var p = new URLSearchParams({ collected: 'false', page: waitingPage, size: PAGE });
    get('/api/v1/events/' + encodeURIComponent(slug()) + '/badges?' + p).then(function (page) {
      var tbody = $('desk-waiting').querySelector('tbody');
      page.items.forEach(function (b) {
        tbody.appendChild(row({ id: b.id, givenName: b.givenName, familyName: b.familyName, nativeName: b.nativeName,
          organization: b.organization, country: b.country, category: b.category, status: 'CONFIRMED',
          badge: { printedAt: b.printedAt, collectedAt: b.collectedAt, collectedBy: b.collectedBy, proxyName: b.proxyName } }, true));
      });
      waitingTotal = page.total;
      showCount();
      $('desk-more').hidden = (waitingPage + 1) * PAGE >= page.total;
    }).catch(function () { $('desk-waiting-count').textContent = T.desk_failed; });
  }
  $('desk-more').addEventListener('click', function () { waitingPage++; loadWaiting(false); });

  function open() {
    closeProxy();
    say('');
    $('desk-results').hidden = true;
    $('desk-results').querySelector('tbody').textContent = '';
    loadWaiting(true);
  }
  tabButton.addEventListener('click', open);
  if ($('event')) { $('event').addEventListener('change', function () { if (!section.hidden) { open(); } }); }
})();
