// The organizer console's access zones (issue 16), in the Events tab under the event being edited: a table with a row
// per zone (code, names in English and Chinese, colour, the categories it opens to, opening hours in the event's own
// time), Add and Remove, and Save, which replaces the event's zones (PUT /api/v1/events/{slug}/zones) and shows every
// bad field on its row. The session editor's zone list follows the zones saved. Every control is labelled: each input
// by its column and row ("Code, zone 2"), each category box by its category. Texts come from fp-texts.
(function () {
  'use strict';
  var lang = document.body.getAttribute('data-lang') || 'en';
  var T = JSON.parse(document.getElementById('fp-texts').textContent);
  var $ = function (id) { return document.getElementById(id); };
  var section = $('zones-editor');
  if (!section) { return; }
  var body = $('zones-table').querySelector('tbody');
  var CATEGORIES = ['GOVERNMENT', 'DIPLOMATIC', 'ACADEMIC', 'INDUSTRY', 'MEDIA', 'SPEAKER', 'STAFF'];
  var event = null; // the event being edited: {slug, name, timeZone}
  var rows = [];    // the zones as edited: {code, en, zh, color, categories: [], from, to} (from/to: datetime-local)

  function headers() {
    var h = { 'Accept': 'application/json', 'Accept-Language': lang, 'Content-Type': 'application/json' };
    var token = sessionStorage.getItem('fp_admin_token');
    if (token) { h.Authorization = 'Bearer ' + token; }
    return h;
  }
  function say(text) { $('zones-status').textContent = text; }
  function text(key, values) {
    var t = T[key] || key;
    Object.keys(values || {}).forEach(function (k) { t = t.replace('{' + k + '}', values[k]); });
    return t;
  }
  function local(iso) { return iso ? iso.slice(0, 16) : ''; }

  function fromView(z) {
    return { code: z.code, en: z.name ? z.name.en : '', zh: z.name && z.name.zh ? z.name.zh : '', color: z.color || '#1565C0',
      categories: (z.categories || []).slice(), from: local(z.from), to: local(z.to) };
  }

  // ---- the session editor's list of zones ------------------------------------------------------
  function sessionZones(zones) {
    var sel = $('s-zone');
    if (!sel) { return; }
    var keep = sel.value;
    sel.textContent = '';
    var none = document.createElement('option');
    none.value = '';
    none.textContent = T.session_no_zone;
    sel.appendChild(none);
    zones.forEach(function (z) {
      var o = document.createElement('option');
      o.value = z.code;
      o.textContent = z.code + ' · ' + (lang === 'zh' && z.name.zh ? z.name.zh : z.name.en);
      sel.appendChild(o);
    });
    sel.value = keep;
    if (sel.value !== keep) { sel.value = ''; }
  }

  // ---- the table ---------------------------------------------------------------------------------
  function input(td, type, value, label, field, onchange) {
    var i = document.createElement('input');
    i.type = type;
    i.value = value || '';
    i.setAttribute('aria-label', label);
    i.setAttribute('data-field', field);
    i.addEventListener(type === 'color' ? 'input' : 'change', function () { onchange(i.value); });
    td.appendChild(i);
    return i;
  }

  function draw() {
    body.textContent = '';
    $('zones-none').hidden = rows.length > 0;
    rows.forEach(function (z, n) {
      var tr = document.createElement('tr');
      var row = text('zone_row', { n: n + 1 });
      var at = 'zones[' + n + ']';
      var td = function () { var c = document.createElement('td'); tr.appendChild(c); return c; };
      var code = input(td(), 'text', z.code, T.zone_code + ', ' + row, at + '.code', function (v) { z.code = v.trim().toUpperCase(); code.value = z.code; });
      code.maxLength = 32;
      code.setAttribute('autocapitalize', 'characters');
      input(td(), 'text', z.en, T.zone_name_en + ', ' + row, at + '.name.en', function (v) { z.en = v; }).setAttribute('lang', 'en');
      input(td(), 'text', z.zh, T.zone_name_zh + ', ' + row, at + '.name.zh', function (v) { z.zh = v; }).setAttribute('lang', 'zh');
      var colourCell = td();
      colourCell.className = 'zone-colour';
      input(colourCell, 'color', z.color.toLowerCase(), T.zone_color + ', ' + row, at + '.color', function (v) { z.color = v; });
      var cats = document.createElement('fieldset');
      cats.className = 'zone-categories';
      cats.setAttribute('data-field', at + '.categories');
      var legend = document.createElement('legend');
      legend.className = 'visually-hidden';
      legend.textContent = T.zone_categories + ', ' + row;
      cats.appendChild(legend);
      CATEGORIES.forEach(function (c) {
        var l = document.createElement('label');
        l.className = 'choice';
        var cb = document.createElement('input');
        cb.type = 'checkbox';
        cb.value = c;
        cb.checked = z.categories.indexOf(c) >= 0;
        cb.addEventListener('change', function () {
          z.categories = z.categories.filter(function (x) { return x !== c; });
          if (cb.checked) { z.categories.push(c); }
        });
        l.appendChild(cb);
        var span = document.createElement('span');
        span.textContent = T['category.' + c] || c;
        l.appendChild(span);
        cats.appendChild(l);
      });
      td().appendChild(cats);
      input(td(), 'datetime-local', z.from, T.zone_from + ', ' + row, at + '.from', function (v) { z.from = v; });
      input(td(), 'datetime-local', z.to, T.zone_to + ', ' + row, at + '.to', function (v) { z.to = v; });
      var actions = td();
      actions.className = 'actions';
      var rm = document.createElement('button');
      rm.type = 'button';
      rm.className = 'secondary';
      rm.textContent = T.form_remove;
      rm.setAttribute('aria-label', text('zone_remove', { code: z.code || row }));
      rm.addEventListener('click', function () {
        rows.splice(n, 1);
        draw();
        $('zone-add').focus();
      });
      actions.appendChild(rm);
      body.appendChild(tr);
    });
  }

  function show(zones) {
    rows = zones.map(fromView);
    $('zones-errors').textContent = '';
    draw();
    sessionZones(zones);
  }

  // ---- following the event being edited ---------------------------------------------------------
  document.addEventListener('fp:event-edit', function (ev) {
    var e = ev.detail;
    event = e ? { slug: e.slug, name: e.name, timeZone: e.timeZone } : null;
    section.hidden = !e;
    say('');
    if (e) {
      $('zones-for').textContent = text('zones_for', { event: e.name });
      show(e.zones || []);
    }
  });

  $('zone-add').addEventListener('click', function () {
    rows.push({ code: '', en: '', zh: '', color: '#1565C0', categories: [], from: '', to: '' });
    draw();
    var inputs = body.querySelectorAll('tr:last-child input');
    if (inputs.length) { inputs[0].focus(); }
  });

  $('zones-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    if (!event) { return; }
    var zoned = window.ForumPassTimes.zoned;
    var payload = rows.map(function (z) {
      return { code: z.code.trim(), name: { en: z.en.trim(), zh: z.zh.trim() || null }, color: z.color,
        categories: z.categories.length ? CATEGORIES.filter(function (c) { return z.categories.indexOf(c) >= 0; }) : null,
        from: z.from ? zoned(z.from, event.timeZone) : null, to: z.to ? zoned(z.to, event.timeZone) : null };
    });
    $('zones-errors').textContent = '';
    section.querySelectorAll('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
    section.querySelectorAll('.invalid').forEach(function (el) { el.classList.remove('invalid'); });
    fetch('/api/v1/events/' + encodeURIComponent(event.slug) + '/zones', { method: 'PUT', headers: headers(), body: JSON.stringify(payload) })
      .then(function (r) {
        return r.json().then(function (b) { if (!r.ok) { throw b; } return b; });
      })
      .then(function (zones) {
        show(zones);
        say(text('zones_saved', { count: zones.length }));
      })
      .catch(function (p) {
        var list = p && p.violations ? p.violations : [{ field: '', message: (p && (p.detail || p.title)) || String(p) }];
        list.forEach(function (v) {
          var li = document.createElement('li');
          var m = /^zones\[(\d+)\](.*)$/.exec(v.field || '');
          // the rule's words in the console's language where they need no values, else the API's English
          var said = v.code && T['violation.' + v.code] && T['violation.' + v.code].indexOf('{') < 0 ? T['violation.' + v.code] : v.message;
          li.textContent = (m ? text('zone_row', { n: Number(m[1]) + 1 }) + (m[2] ? ' ' + m[2].replace(/^\./, '') : '') + ': '
            : v.field ? v.field + ': ' : '') + said;
          $('zones-errors').appendChild(li);
          var el = v.field ? section.querySelector('[data-field="' + v.field + '"]') : null;
          if (el && el.tagName === 'INPUT') { el.setAttribute('aria-invalid', 'true'); } else if (el) { el.classList.add('invalid'); }
        });
        say(list.length ? list[0].message : '');
      });
  });
})();
