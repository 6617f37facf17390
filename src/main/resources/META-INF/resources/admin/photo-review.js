// The organizer console's photo review: a grid of the event's photos waiting for review, largest first in
// the order they came, each with Accept and Reject (a reason the delegate reads on their page). Keyboard:
// arrow keys move between photos, A accepts, R asks for a reason and rejects; focus then moves to the next
// photo, so a reviewer goes through a queue without the mouse. Works with the console's token and event.
(function () {
  'use strict';
  var T = JSON.parse(document.getElementById('fp-texts').textContent);
  var $ = function (id) { return document.getElementById(id); };
  var grid = $('photo-grid');
  var tabButton = document.querySelector('[data-tab=photos]');
  if (!grid || !tabButton) { return; }
  var status = $('photo-status');
  var dialog = $('photo-reject');
  var reason = $('photo-reject-reason');
  var pendingReject = null;

  function slug() { return $('event') ? $('event').value : null; }
  function headers(json, accept) {
    var h = { 'Accept': accept || 'application/json' };
    var token = sessionStorage.getItem('fp_admin_token');
    if (token) { h.Authorization = 'Bearer ' + token; }
    if (json) { h['Content-Type'] = 'application/json'; }
    return h;
  }
  function say(text) { status.textContent = text; }
  function categoryName(c) { return T['category.' + c] || c; }

  function load() {
    if (!slug()) { return; }
    grid.textContent = '';
    say(T.photo_loading);
    fetch('/api/v1/events/' + encodeURIComponent(slug()) + '/registrations?photo=PENDING_REVIEW&size=200', { headers: headers() })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (page) {
        page.items.forEach(function (d) { grid.appendChild(card(d)); });
        say(page.items.length ? T.photo_count.replace('{count}', page.total) : T.photo_none);
        var first = grid.querySelector('.photo-card');
        if (first) { first.focus(); }
      })
      .catch(function () { say(T.photo_failed); });
  }

  function card(d) {
    var name = d.givenName + ' ' + d.familyName + (d.nativeName ? ' (' + d.nativeName + ')' : '');
    var c = document.createElement('li');
    c.className = 'photo-card';
    c.tabIndex = 0;
    c.setAttribute('data-id', d.id);
    c.setAttribute('aria-label', name);
    var img = document.createElement('img');
    img.alt = T.photo_of.replace('{name}', name);
    img.width = 150; img.height = 200;
    c.appendChild(img);
    fetch('/api/v1/registrations/' + encodeURIComponent(d.id) + '/photo.jpg', { headers: headers(false, 'image/jpeg') })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.blob(); })
      .then(function (b) {
        var fr = new FileReader();
        fr.onload = function () { img.src = fr.result; };
        fr.readAsDataURL(b);
      })
      .catch(function () { img.alt = T.photo_failed; });
    var who = document.createElement('p');
    who.className = 'who';
    who.textContent = name;
    c.appendChild(who);
    var what = document.createElement('p');
    what.className = 'note';
    what.textContent = [d.organization, categoryName(d.category), d.country].filter(Boolean).join(' · ');
    c.appendChild(what);
    var accept = document.createElement('button');
    accept.type = 'button';
    accept.textContent = T.photo_accept;
    accept.addEventListener('click', function () { decide(c, 'accept'); });
    var reject = document.createElement('button');
    reject.type = 'button';
    reject.className = 'secondary';
    reject.textContent = T.photo_reject;
    reject.addEventListener('click', function () { askReason(c); });
    var actions = document.createElement('div');
    actions.className = 'actions';
    actions.appendChild(accept);
    actions.appendChild(reject);
    c.appendChild(actions);
    return c;
  }

  function next(c) {
    var n = c.nextElementSibling || c.previousElementSibling;
    return n && n.classList.contains('photo-card') ? n : null;
  }

  function decide(c, action, why) {
    var id = c.getAttribute('data-id');
    fetch('/api/v1/registrations/' + encodeURIComponent(id) + '/photo/' + action,
      { method: 'POST', headers: headers(true), body: JSON.stringify(action === 'reject' ? { reason: why } : {}) })
      .then(function (r) {
        if (!r.ok) { return r.json().then(function (p) { throw new Error(p.detail || p.title); }); }
        var n = next(c);
        var name = c.getAttribute('aria-label');
        c.remove();
        say((action === 'accept' ? T.photo_accepted : T.photo_rejected).replace('{name}', name));
        if (n) { n.focus(); } else { say(status.textContent + ' ' + T.photo_none); }
      })
      .catch(function (e) { say(T.photo_failed + ' ' + e.message); });
  }

  function askReason(c) {
    pendingReject = c;
    reason.value = '';
    dialog.hidden = false;
    reason.focus();
  }
  $('photo-reject-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var why = reason.value.trim();
    if (!why || !pendingReject) { reason.focus(); return; }
    dialog.hidden = true;
    var c = pendingReject;
    pendingReject = null;
    decide(c, 'reject', why);
  });
  $('photo-reject-cancel').addEventListener('click', function () {
    dialog.hidden = true;
    if (pendingReject) { pendingReject.focus(); }
    pendingReject = null;
  });

  grid.addEventListener('keydown', function (ev) {
    var c = ev.target.closest ? ev.target.closest('.photo-card') : null;
    if (!c || ev.target.tagName === 'BUTTON' && (ev.key === 'Enter' || ev.key === ' ')) { return; }
    var cards = Array.prototype.slice.call(grid.querySelectorAll('.photo-card'));
    var i = cards.indexOf(c);
    var key = ev.key.toLowerCase();
    if (key === 'arrowright' || key === 'arrowdown') { if (cards[i + 1]) { cards[i + 1].focus(); } ev.preventDefault(); }
    else if (key === 'arrowleft' || key === 'arrowup') { if (cards[i - 1]) { cards[i - 1].focus(); } ev.preventDefault(); }
    else if (key === 'a') { decide(c, 'accept'); ev.preventDefault(); }
    else if (key === 'r') { askReason(c); ev.preventDefault(); }
  });

  tabButton.addEventListener('click', load);
  $('photo-reload').addEventListener('click', load);
  if ($('event')) { $('event').addEventListener('change', function () { if (!$('tab-photos').hidden) { load(); } }); }
})();
