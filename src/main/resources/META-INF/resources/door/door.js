// ForumPass door scanner: camera (jsQR), USB/Bluetooth scanners that type the code and Enter, and
// manual search. Online, every scan goes to the server. When the server cannot be reached, the page
// verifies the code's signature with the event's published Ed25519 keys, looks the badge up in the signed
// door roster (roster.js) and decides with the server's own rules (admission.js): the verdict shows the
// name, photo and category like an online one, marked "offline". The scan waits in IndexedDB with the
// offline verdict and goes up through the batch endpoint once the server answers again (exactly once: each
// scan's nonce); scans the server then judges otherwise are listed on the page as conflicts.
(function () {
  'use strict';
  var lang = document.body.getAttribute('data-lang') || 'en';
  var TEXT = JSON.parse(document.getElementById('fp-texts').textContent);
  var $ = function (id) { return document.getElementById(id); };
  document.querySelectorAll('[data-t]').forEach(function (el) { el.textContent = TEXT[el.getAttribute('data-t')] || ''; });

  // Over plain HTTP from another device (a tablet on the venue's network) the browser gives no WebCrypto and no
  // camera: the page says so and how to reach the HTTPS address, and the USB scanner and the name search go on
  // working online. Offline checking needs WebCrypto (signatures, the sealed roster): such scans wait in the queue
  // for the server's verdict.
  var secure = !!(window.isSecureContext && window.crypto && window.crypto.subtle);
  function uuid() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') { return window.crypto.randomUUID(); }
    var b = window.crypto.getRandomValues(new Uint8Array(16)); // available in every context
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }
  if (!secure) {
    var notice = $('insecure');
    var port = notice.getAttribute('data-https-port');
    if (port && port !== '0') {
      var link = $('insecure-link');
      link.href = 'https://' + location.hostname + ':' + port + location.pathname + location.search;
      link.textContent = link.href;
      $('insecure-https').hidden = false;
    }
    if (notice.getAttribute('data-fingerprint')) {
      $('insecure-fingerprint').textContent = notice.getAttribute('data-fingerprint');
      $('insecure-ca').hidden = false;
    }
    notice.hidden = false;
    $('camera').hidden = true;
    $('camera-hint').textContent = TEXT.camera_insecure || '';
    document.body.classList.add('insecure-context');
  }

  var state = {
    token: localStorage.getItem('fp_door_token'),
    slug: localStorage.getItem('fp_door_event'),
    session: localStorage.getItem('fp_door_session') || '',
    device: localStorage.getItem('fp_door_device') || ('door-' + uuid().slice(0, 8)),
    online: true, flushing: false, stream: null, lastCode: null, lastAt: 0
  };
  localStorage.setItem('fp_door_device', state.device);

  // ---- server --------------------------------------------------------------------------------
  function api(method, path, body, timeoutMs, extraHeaders) {
    var ctrl = new AbortController();
    var timer = setTimeout(function () { ctrl.abort(); }, timeoutMs || 3000);
    var headers = Object.assign({ 'Accept': 'application/json', 'Accept-Language': lang }, extraHeaders || {});
    if (state.token) { headers.Authorization = 'Bearer ' + state.token; }
    if (body) { headers['Content-Type'] = 'application/json'; }
    return fetch(path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined, signal: ctrl.signal })
      .finally(function () { clearTimeout(timer); });
  }

  /** The server's answer, unless it says the account's token ended (disabled, new password): then the door signs out. */
  function signedIn(method, path, body, timeoutMs, extraHeaders) {
    return api(method, path, body, timeoutMs, extraHeaders).then(function (r) {
      if (r.status === 401 && state.token) { signOut(); throw new Error('signed out'); }
      return r;
    });
  }

  function setOnline(on) {
    state.online = on;
    var net = $('net');
    net.textContent = on ? TEXT.online : TEXT.offline;
    net.className = 'net ' + (on ? 'online' : 'offline');
  }

  // ---- offline queue (IndexedDB) ---------------------------------------------------------------
  var dbPromise = null;
  function db() {
    if (!dbPromise) {
      dbPromise = new Promise(function (resolve, reject) {
        var open = indexedDB.open('forumpass-door', 1);
        open.onupgradeneeded = function () { open.result.createObjectStore('queue', { keyPath: 'nonce' }); };
        open.onsuccess = function () { resolve(open.result); };
        open.onerror = function () { reject(open.error); };
      });
    }
    return dbPromise;
  }
  function store(mode, work) {
    return db().then(function (d) {
      return new Promise(function (resolve, reject) {
        var tx = d.transaction('queue', mode);
        var result = work(tx.objectStore('queue'));
        tx.oncomplete = function () { resolve(result && result.result !== undefined ? result.result : result); };
        tx.onerror = function () { reject(tx.error); };
      });
    });
  }
  function enqueue(scan) { return store('readwrite', function (s) { return s.put(scan); }).then(showQueue); }
  function queued() { return store('readonly', function (s) { return s.getAll(); }); }
  function unqueue(nonces) {
    return store('readwrite', function (s) { nonces.forEach(function (n) { s.delete(n); }); }).then(showQueue);
  }
  function showQueue() {
    return queued().then(function (all) {
      var q = $('queue');
      q.textContent = all.length + ' ' + TEXT.queued;
      q.setAttribute('data-count', String(all.length));
      q.className = 'queue' + (all.length ? ' pending' : '');
    });
  }

  /** Uploads queued scans, oldest first, 500 per request; only acknowledged scans leave the queue. */
  function flush() {
    if (state.flushing || !state.token) { return Promise.resolve(); }
    state.flushing = true;
    return queued().then(function (all) {
      if (!all.length && !state.online && state.slug) { // nothing to send: ask whether the server is back
        return api('GET', '/api/v1/events/' + encodeURIComponent(state.slug) + '/badge-keys').then(function (r) {
          if (r.ok) { setOnline(true); refreshRoster(); }
        });
      }
      all.sort(function (a, b) { return a.scannedAt < b.scannedAt ? -1 : 1; });
      var chain = Promise.resolve();
      var bySlug = {};
      all.forEach(function (s) { (bySlug[s.slug] = bySlug[s.slug] || []).push(s); });
      Object.keys(bySlug).forEach(function (slug) {
        var scans = bySlug[slug];
        for (var i = 0; i < scans.length; i += 500) {
          (function (part) {
            chain = chain.then(function () {
              var body = part.map(function (s) {
                return { code: s.code, session: s.session, direction: s.direction, deviceId: s.deviceId, nonce: s.nonce,
                  scannedAt: s.scannedAt, offlineResult: s.offlineResult || null };
              });
              return signedIn('POST', '/api/v1/events/' + encodeURIComponent(slug) + '/scans/batch', { scans: body }, 30000)
                .then(function (r) {
                  if (!r.ok) { throw new Error('batch ' + r.status); }
                  setOnline(true);
                  return r.json().then(function (answer) {
                    showConflicts((answer.results || []).filter(function (a) { return a.conflict; }));
                    return unqueue(part.map(function (s) { return s.nonce; }));
                  });
                });
            });
          })(scans.slice(i, i + 500));
        }
      });
      return chain.then(function () { if (all.length) { refreshRoster(); } });
    }).catch(function () { setOnline(false); }).finally(function () { state.flushing = false; });
  }

  // ---- offline verification --------------------------------------------------------------------
  function b64(s) {
    var bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4));
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { out[i] = bin.charCodeAt(i); }
    return out;
  }
  function b64url(buf) {
    var bytes = new Uint8Array(buf), bin = '';
    for (var i = 0; i < bytes.length; i++) { bin += String.fromCharCode(bytes[i]); }
    return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function loadKeys() {
    if (!state.slug) { return Promise.resolve(); }
    return api('GET', '/api/v1/events/' + encodeURIComponent(state.slug) + '/badge-keys').then(function (r) {
      if (r.ok) { return r.json().then(function (k) { localStorage.setItem('fp_keys_' + state.slug, JSON.stringify(k)); }); }
    }).catch(function () { /* keep the copy we have */ });
  }
  function digestOf(code) {
    if (!secure) { return Promise.resolve(null); }
    return crypto.subtle.digest('SHA-256', new TextEncoder().encode(code)).then(b64url);
  }

  // FP2 codes carry the key id, the event's tag and a random badge id; FP1 codes (printed before) the key id
  // and the event's key, which the key set gives only while such badges of the event are current.
  // Answers {known, sameEvent} once the signature is checked, or null when this device has no keys.
  function checkSignature(code, keys) {
    var m = /^FP([12])\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(code);
    if (!m) { return Promise.resolve({ known: false }); }
    var payload;
    try { payload = b64(m[2]); } catch (e) { return Promise.resolve({ known: false }); }
    var sameEvent;
    if (m[1] === '2') {
      if (payload.length !== 21) { return Promise.resolve({ known: false }); }
      sameEvent = b64url(payload.slice(1, 5)) === keys.eventTag;
    } else {
      if (payload.length !== 15) { return Promise.resolve({ known: false }); }
      sameEvent = keys.eventId != null && new DataView(payload.buffer).getUint32(1) === keys.eventId;
    }
    var kid = String(payload[0]);
    var jwk = keys.keys.filter(function (k) { return k.kid === kid; })[0];
    if (!jwk) { return Promise.resolve({ known: false }); }
    return crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, { name: 'Ed25519' }, false, ['verify'])
      .then(function (key) {
        return crypto.subtle.verify({ name: 'Ed25519' }, key, b64(m[3]), new TextEncoder().encode('FP' + m[1] + '.' + m[2]));
      })
      .then(function (valid) { return { known: valid, sameEvent: sameEvent }; })
      .catch(function () { return { known: false }; });
  }

  /**
   * The offline verdict: the server's rules (admission.js) on what this device knows — the badge's signature and
   * event, the roster's entry (status, category, sessions, zones), the revocation lists, the door's rules, and what
   * this device itself saw at this door. Answers a verdict like the server's, marked offline, and the decision.
   */
  function decideOffline(s) {
    if (!secure) { return Promise.resolve({ answer: { result: 'UNKNOWN', offline: true, message: TEXT.offline_insecure } }); }
    var keys = JSON.parse(localStorage.getItem('fp_keys_' + s.slug) || 'null');
    if (!keys) { return Promise.resolve({ answer: { result: 'UNKNOWN', offline: true, message: TEXT.offline_UNKNOWN } }); }
    return Promise.all([checkSignature(s.code, keys), digestOf(s.code)]).then(function (both) {
      var sig = both[0], digest = both[1];
      var roster = window.FpRoster.roster(s.slug);
      var entry = roster && sig.known && sig.sameEvent ? roster.entries.get(digest) : null;
      var revoked = keys.revoked.indexOf(digest) >= 0 || !!(roster && roster.revoked.has(digest));
      if (sig.known && sig.sameEvent && !revoked && !entry) {
        // genuine, of this event, not revoked, yet unknown to the roster (or there is none): let the staff judge
        var result = roster ? 'NOT_IN_ROSTER' : 'VALID';
        return { digest: digest, answer: { result: result, offline: true, message: TEXT['offline_' + result] } };
      }
      var door = roster && s.session ? (roster.rules.doors || {})[s.session] || null : null;
      return window.FpRoster.presence(s.slug, s.session, digest).then(function (p) {
        var d = window.ForumPassAdmission.decide({
          known: sig.known, sameEvent: !!sig.sameEvent, revoked: revoked, status: entry ? entry.status : 'CONFIRMED',
          category: entry ? entry.category : null, door: door,
          hasSeat: !!(entry && s.session && entry.sessions.indexOf(s.session) >= 0),
          window: roster ? roster.rules.window : null, direction: s.direction, at: s.scannedAt, deviceId: state.device,
          presence: p ? { inside: p.inside, firstScannedAt: p.firstScannedAt, firstDeviceId: p.firstDeviceId } : null,
          roomFull: false
        });
        var shown = d.result === 'WRONG_EVENT' ? null : entry; // another event's delegate is nobody here
        return {
          digest: digest, decision: d,
          answer: { result: d.result, offline: true, delegate: shown ? delegateOf(shown) : null,
            firstScannedAt: d.firstScannedAt, firstDeviceId: d.firstDeviceId,
            message: firstEntryMessage(d.result, d.firstScannedAt, d.firstDeviceId) || TEXT['offline_' + d.result] || '' },
          photo: shown ? window.FpRoster.photo(shown) : null
        };
      });
    });
  }
  function delegateOf(e) {
    return { givenName: e.givenName, familyName: e.familyName, nativeName: e.nativeName, organization: e.organization,
      country: e.country, category: e.category, vip: e.vip, vipRank: e.vipRank, protocolNote: e.protocolNote };
  }
  function firstEntryMessage(result, at, device) {
    if (result !== 'ALREADY_CHECKED_IN' || !at) { return null; }
    var time = new Date(at).toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
    return (TEXT.first_entry || '{time}').replace('{time}', time).replace('{device}', device || '—');
  }
  /** What a verdict changes in this device's own record of who is inside at this door. */
  function remember(s, digest, decision) {
    if (!digest || !decision) { return Promise.resolve(); }
    var p = { inside: true, firstScannedAt: decision.firstScannedAt || s.scannedAt, firstDeviceId: decision.firstDeviceId || s.deviceId };
    if (decision.write === 'LEAVE') { p.inside = false; }
    if (decision.write === 'NONE' && decision.result !== 'ALREADY_CHECKED_IN') { return Promise.resolve(); }
    return window.FpRoster.setPresence(s.slug, s.session, digest, p);
  }

  // ---- scanning --------------------------------------------------------------------------------
  function direction() {
    var checked = document.querySelector('input[name=direction]:checked');
    return checked ? checked.value : 'IN';
  }

  function scan(code, startedAt) {
    code = (code || '').trim();
    if (!code || !state.slug) { return; }
    var t0 = startedAt || performance.now();
    var s = {
      slug: state.slug, code: code, session: state.session || null, direction: direction(), deviceId: state.device,
      nonce: uuid(), scannedAt: new Date().toISOString()
    };
    if (!state.online) { return offline(s, t0); } // while down, answer at once; flush() finds the server again
    return api('POST', '/api/v1/events/' + encodeURIComponent(state.slug) + '/scans', {
      code: s.code, session: s.session, direction: s.direction, deviceId: s.deviceId, nonce: s.nonce, scannedAt: s.scannedAt
    }).then(function (r) {
      if (r.status === 401) { signOut(); return; }
      if (r.status >= 500) { return offline(s, t0); }
      return r.json().then(function (answer) {
        setOnline(true);
        if (!r.ok) { verdict({ result: 'INVALID_CODE', message: answer.detail || answer.title }, null, t0); return; }
        return digestOf(code).then(function (digest) {
          var roster = digest ? window.FpRoster.roster(s.slug) : null;
          var entry = roster ? roster.entries.get(digest) : null;
          verdict(answer, entry ? window.FpRoster.photo(entry) : null, t0);
          var write = answer.result === 'ACCEPTED' ? (s.direction === 'OUT' ? 'LEAVE' : 'FIRST_CHECK_IN')
            : answer.result === 'ALREADY_CHECKED_IN' ? 'NONE' : null;
          if (write) {
            remember(s, digest, { result: answer.result, write: write,
              firstScannedAt: answer.firstScannedAt || s.scannedAt, firstDeviceId: answer.firstDeviceId || s.deviceId });
          }
          flush();
        });
      });
    }).catch(function () { return offline(s, t0); });
  }

  function offline(s, t0) {
    setOnline(false);
    return decideOffline(s).then(function (o) {
      var admitted = o.answer.result === 'ACCEPTED' || o.answer.result === 'VALID';
      s.offlineResult = o.answer.result === 'VALID' ? 'ACCEPTED' : o.answer.result === 'NOT_IN_ROSTER' || o.answer.result === 'UNKNOWN'
        ? null : o.answer.result;
      verdict(o.answer, o.photo || null, t0);
      var kept = o.decision ? remember(s, o.digest, o.decision)
        : admitted && o.digest ? remember(s, o.digest, { result: 'ACCEPTED', write: s.direction === 'OUT' ? 'LEAVE' : 'FIRST_CHECK_IN' })
          : Promise.resolve();
      return kept.then(function () { return enqueue(s); });
    });
  }

  /** Scans the server refused after this device let them in offline: listed until the staff dismiss them. */
  function showConflicts(conflicts) {
    if (!conflicts.length) { return; }
    var list = $('conflict-list');
    conflicts.forEach(function (a) {
      var li = document.createElement('li');
      var d = a.delegate;
      li.textContent = (d ? d.givenName + ' ' + d.familyName + (d.nativeName ? ' · ' + d.nativeName : '') : '—')
        + ' — ' + (TEXT[a.result] || a.result) + (a.message ? ' (' + a.message + ')' : '');
      li.setAttribute('data-result', a.result);
      list.appendChild(li);
    });
    $('conflicts').hidden = false;
  }

  var verdictTimer = null;
  function verdict(a, photo, t0) {
    var good = a.result === 'ACCEPTED' || a.result === 'VALID';
    var warn = a.result === 'ALREADY_CHECKED_IN' || a.result === 'UNKNOWN' || a.result === 'NOT_IN_ROSTER';
    var box = $('verdict');
    box.className = 'verdict ' + (good ? 'good' : warn ? 'warn' : 'bad') + (a.offline ? ' offline' : '');
    box.setAttribute('data-result', a.result);
    $('verdict-icon').textContent = good ? '✓' : warn ? '!' : '✕';
    $('verdict-result').textContent = TEXT[a.result] || a.result;
    $('verdict-offline').hidden = !a.offline;
    var d = a.delegate;
    $('verdict-name').textContent = d ? d.givenName + ' ' + d.familyName : '';
    $('verdict-native').textContent = d && d.nativeName ? d.nativeName : '';
    $('verdict-org').textContent = d && d.organization ? d.organization : '';
    var category = d && TEXT['category.' + d.category] ? TEXT['category.' + d.category] : '';
    var country = '';
    if (d && d.country) {
      try { country = new Intl.DisplayNames([lang], { type: 'region' }).of(d.country); } catch (e) { country = d.country; }
    }
    $('verdict-meta').textContent = [country, category].filter(Boolean).join(' · ');
    // the message under the verdict's title says something more, never the title again
    var message = firstEntryMessage(a.result, a.firstScannedAt, a.firstDeviceId) || a.message || '';
    if (message.trim() === ($('verdict-result').textContent || '').trim()) { message = ''; }
    $('verdict-message').textContent = message;
    var vip = !!(d && d.vip);
    box.classList.toggle('vip', vip);
    $('verdict-vip').hidden = !vip;
    $('verdict-vip-label').textContent = vip ? TEXT.vip + (d.vipRank ? ' · ' + TEXT.vip_rank.replace('{rank}', d.vipRank) : '') : '';
    $('verdict-vip-note').textContent = vip && d.protocolNote ? d.protocolNote : '';
    if (photo) { // the roster's thumbnail: at once, online or offline
      $('verdict-photo').src = photo;
      $('verdict-photo').alt = d ? d.givenName + ' ' + d.familyName : '';
      $('verdict-photo').hidden = false;
    } else {
      $('verdict-photo').hidden = true;
    }
    if (window.fpDoorPhoto && !a.offline) {
      window.fpDoorPhoto(d, state.token, !!photo); // issue 14: the sharper 96×128 thumbnail, to compare faces
    }
    box.hidden = false;
    if (t0 != null) { // from the code read to the verdict on screen (docs/benchmarks.md)
      var ms = performance.now() - t0;
      box.setAttribute('data-ms', ms.toFixed(1));
      (window.fpDoorTimings = window.fpDoorTimings || []).push({ result: a.result, offline: !!a.offline, ms: ms });
    }
    beep(good, warn);
    clearTimeout(verdictTimer);
    verdictTimer = setTimeout(closeVerdict, good ? 2500 : 4000);
  }
  function closeVerdict() {
    $('verdict').hidden = true;
    if (document.activeElement !== $('search')) { $('typed').focus(); }
  }

  var audio = null;
  function beep(good, warn) {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      var o = audio.createOscillator(), g = audio.createGain();
      o.frequency.value = good ? 880 : warn ? 520 : 220;
      g.gain.value = 0.15;
      o.connect(g); g.connect(audio.destination);
      o.start(); o.stop(audio.currentTime + (good ? 0.12 : 0.35));
    } catch (e) { /* no sound */ }
  }

  // ---- camera ----------------------------------------------------------------------------------
  function startCamera() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { alert(TEXT.no_camera); return; }
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }).then(function (stream) {
      state.stream = stream;
      var video = $('video');
      video.srcObject = stream;
      video.hidden = false;
      $('camera').textContent = TEXT.camera_off;
      video.play();
      var canvas = $('frame'), ctx = canvas.getContext('2d', { willReadFrequently: true });
      state.cameraTimer = setInterval(function () {
        if (!video.videoWidth || !$('verdict').hidden) { return; }
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        ctx.drawImage(video, 0, 0);
        var found = jsQR(ctx.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height,
          { inversionAttempts: 'dontInvert' });
        if (found && found.data) {
          var now = Date.now();
          if (found.data === state.lastCode && now - state.lastAt < 5000) { return; }
          state.lastCode = found.data;
          state.lastAt = now;
          scan(found.data, performance.now());
        }
      }, 150);
    }).catch(function () { alert(TEXT.no_camera); });
  }
  function stopCamera() {
    clearInterval(state.cameraTimer);
    if (state.stream) { state.stream.getTracks().forEach(function (t) { t.stop(); }); }
    state.stream = null;
    $('video').hidden = true;
    $('camera').textContent = TEXT.camera_on;
  }

  // ---- set-up, sign-in, search -----------------------------------------------------------------
  function show(section) {
    ['signin', 'setup', 'scan'].forEach(function (id) { $(id).hidden = section === 'signin' ? id !== 'signin' : id === 'signin'; });
  }

  function loadEvents() {
    return api('GET', '/api/v1/events').then(function (r) { return r.json(); }).then(function (events) {
      var sel = $('event');
      sel.innerHTML = '';
      events.forEach(function (e) {
        var o = document.createElement('option');
        o.value = e.slug;
        o.textContent = lang === 'zh' && e.nameZh ? e.nameZh : e.name;
        sel.appendChild(o);
      });
      if (!state.slug || !events.some(function (e) { return e.slug === state.slug; })) {
        state.slug = events.length ? events[0].slug : null;
      }
      sel.value = state.slug;
      return loadSessions();
    }).catch(function () { setOnline(false); fillOfflineSetup(); });
  }
  // Opened without the server: the event and door chosen before, with the doors and rules of the stored roster.
  function fillOfflineSetup() {
    if (!state.slug || !secure) { return; }
    if (!$('event').options.length) {
      var o = document.createElement('option');
      o.value = state.slug; o.textContent = state.slug;
      $('event').appendChild(o);
    }
    window.FpRoster.open(state.slug).then(function () {
      var roster = window.FpRoster.roster(state.slug);
      var sel = $('session');
      if (!roster || sel.options.length) { return; }
      [''].concat(Object.keys(roster.rules.doors || {})).forEach(function (code) {
        var opt = document.createElement('option');
        opt.value = code;
        opt.textContent = code || TEXT.entrance;
        sel.appendChild(opt);
      });
      sel.value = state.session;
      if (sel.value !== state.session) { state.session = ''; }
    });
  }
  function loadSessions() {
    if (!state.slug) { return Promise.resolve(); }
    localStorage.setItem('fp_door_event', state.slug);
    if (secure) { loadKeys().then(function () { return window.FpRoster.open(state.slug); }).then(refreshRoster); }
    return api('GET', '/api/v1/events/' + encodeURIComponent(state.slug)).then(function (r) { return r.json(); }).then(function (e) {
      var sel = $('session');
      sel.innerHTML = '';
      var entrance = document.createElement('option');
      entrance.value = '';
      entrance.textContent = TEXT.entrance;
      sel.appendChild(entrance);
      (e.sessions || []).forEach(function (s) {
        var o = document.createElement('option');
        o.value = s.code;
        o.textContent = (lang === 'zh' && s.titleZh ? s.titleZh : s.title) + (s.room ? ' · ' + s.room : '');
        sel.appendChild(o);
      });
      sel.value = state.session;
      if (sel.value !== state.session) { state.session = ''; }
    });
  }

  /** The signed roster of the chosen event, fetched when changed (304 otherwise) with the thumbnails it lacks. */
  function refreshRoster() {
    if (!state.slug || !state.token || state.rosterBusy || !secure) { return Promise.resolve(); }
    state.rosterBusy = true;
    var slug = state.slug;
    return loadKeys().then(function () { return window.FpRoster.refresh(slug, signedIn); })
      .catch(function () { /* offline or refused: the roster held stays in use */ })
      .finally(function () { state.rosterBusy = false; });
  }
  function showRoster(st) {
    var el = $('roster');
    var time = st.generatedAt ? new Date(st.generatedAt).toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB',
      { hour: '2-digit', minute: '2-digit' }) : '';
    var key = st.status === 'ready' ? 'roster_ready' : st.status === 'ready-refused' ? 'roster_ready_refused'
      : st.status === 'refused' ? 'roster_refused' : st.status === 'loading' ? 'roster_loading' : 'roster_none';
    el.textContent = (TEXT[key] || '').replace('{count}', st.count.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en'))
      .replace('{photos}', st.photos.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en')).replace('{time}', time);
    el.setAttribute('data-state', st.status);
    el.setAttribute('data-count', String(st.count));
    el.setAttribute('data-photos', String(st.photos));
    el.className = 'roster ' + (st.status.indexOf('refused') >= 0 ? 'refused' : st.status);
  }
  window.FpRoster.onChange(showRoster);

  function signOut() {
    stopCamera();
    state.token = null;
    localStorage.removeItem('fp_door_token');
    // a lost phone keeps nothing readable: the roster's database (and its key) goes, and with it who was seen
    Object.keys(localStorage).forEach(function (k) {
      if (k.indexOf('fp_seen_') === 0 || k.indexOf('fp_keys_') === 0) { localStorage.removeItem(k); }
    });
    window.FpRoster.clear();
    show('signin');
    $('username').focus();
  }

  $('signin-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    $('signin-error').hidden = true;
    api('POST', '/api/v1/auth/login', { username: $('username').value.trim(), password: $('password').value }, 8000)
      .then(function (r) {
        if (!r.ok) { throw new Error('sign-in'); }
        return r.json();
      }).then(function (t) {
        state.token = t.token;
        localStorage.setItem('fp_door_token', t.token);
        $('password').value = '';
        start();
      }).catch(function () {
        $('signin-error').textContent = TEXT.signin_failed;
        $('signin-error').hidden = false;
      });
  });
  $('event').addEventListener('change', function () { state.slug = $('event').value; state.session = ''; loadSessions(); });
  $('session').addEventListener('change', function () {
    state.session = $('session').value;
    localStorage.setItem('fp_door_session', state.session);
  });
  $('device').addEventListener('change', function () {
    state.device = $('device').value.trim() || state.device;
    localStorage.setItem('fp_door_device', state.device);
  });
  $('typed-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var code = $('typed').value;
    $('typed').value = '';
    scan(code, performance.now());
  });
  $('camera').addEventListener('click', function () { if (state.stream) { stopCamera(); } else { startCamera(); } });
  $('signout').addEventListener('click', signOut);
  $('verdict').addEventListener('click', closeVerdict);
  $('verdict-close').addEventListener('click', closeVerdict);
  $('conflicts-dismiss').addEventListener('click', function () {
    $('conflict-list').innerHTML = '';
    $('conflicts').hidden = true;
  });

  var searchTimer = null;
  $('search').addEventListener('input', function () {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(search, 250);
  });
  $('search-form').addEventListener('submit', function (ev) { ev.preventDefault(); search(); });
  function search() {
    var q = $('search').value.trim();
    var list = $('found');
    list.innerHTML = '';
    if (q.length < 2 || !state.slug) { return; }
    api('GET', '/api/v1/events/' + encodeURIComponent(state.slug) + '/checkin/search?q=' + encodeURIComponent(q))
      .then(function (r) { return r.json(); }).then(function (found) {
        if (!found.length) {
          var li = document.createElement('li');
          li.textContent = TEXT.no_results;
          list.appendChild(li);
        }
        found.forEach(function (d) {
          var li = document.createElement('li');
          var b = document.createElement('button');
          b.type = 'button';
          b.textContent = d.givenName + ' ' + d.familyName + (d.nativeName ? ' · ' + d.nativeName : '') + ' — ' + (d.organization || '');
          b.addEventListener('click', function () { manual(d); });
          li.appendChild(b);
          list.appendChild(li);
        });
      }).catch(function () { setOnline(false); });
  }
  // Door staff get an opaque ref for each match; organizers get the registration id.
  function manual(d) {
    api('POST', '/api/v1/events/' + encodeURIComponent(state.slug) + '/checkin/manual', {
      ref: d.ref || null, registrationId: d.ref ? null : d.id, session: state.session || null, direction: direction(), deviceId: state.device, nonce: uuid()
    }).then(function (r) { return r.json(); }).then(function (a) {
      $('search').value = '';
      $('found').innerHTML = '';
      verdict(a);
    }).catch(function () { setOnline(false); });
  }

  function start() {
    show('scan');
    $('device').value = state.device;
    loadEvents().then(function () { $('typed').focus(); });
    flush();
  }

  setOnline(navigator.onLine !== false);
  showQueue();
  window.addEventListener('online', flush);
  setInterval(function () { flush(); }, 4000);
  setInterval(function () { if (state.online) { refreshRoster(); } }, 30000);
  if (state.token) { start(); } else { show('signin'); }
})();
