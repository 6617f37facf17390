// ForumPass door roster: what the door knows offline (GET /api/v1/events/{slug}/door-roster), kept on the device.
// - Signed: a roster is used only after its Ed25519 signature (Roster-Signature: kid.signature, over
//   "forumpass-door-roster-v1\n" + the body's bytes) verifies against the event's published badge keys; the stored
//   copy is verified again each time it is read, so a roster altered on the device is refused, visibly.
// - Encrypted at rest: the roster and the thumbnails are stored in IndexedDB under an AES-GCM key that cannot be
//   exported (it is a CryptoKey kept in the same database). Signing out deletes the whole database.
// - Refreshed cheaply: If-None-Match with the held version gets 304; thumbnails are fetched once each, by the
//   digest the signed roster names, and checked against it.
(function (global) {
  'use strict';
  var DB_NAME = 'forumpass-roster';
  var CONTEXT = new TextEncoder().encode('forumpass-door-roster-v1\n');
  var THUMBS_PER_REQUEST = 500;

  var current = null;      // {slug, version, generatedAt, entries: Map digest -> entry, revoked: Set, rules, count}
  var thumbs = new Map();  // photo digest -> base64 JPEG
  var listeners = [];
  var state = { status: 'none', slug: null }; // none | loading | ready | refused

  function b64urlBytes(s) {
    var bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4));
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { out[i] = bin.charCodeAt(i); }
    return out;
  }
  function bytesB64url(buf) {
    var bytes = new Uint8Array(buf), bin = '';
    for (var i = 0; i < bytes.length; i += 0x8000) { bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000)); }
    return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function b64Bytes(s) {
    var bin = atob(s), out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { out[i] = bin.charCodeAt(i); }
    return out;
  }

  function notify() { listeners.forEach(function (f) { try { f(status()); } catch (e) { /* a listener's fault */ } }); }
  function status() {
    return { status: state.status, slug: state.slug, count: current ? current.count : 0,
      version: current ? current.version : null, generatedAt: current ? current.generatedAt : null,
      photos: thumbs.size };
  }

  // ---- IndexedDB -----------------------------------------------------------------------------------
  var dbPromise = null;
  function db() {
    if (!dbPromise) {
      dbPromise = new Promise(function (resolve, reject) {
        var open = indexedDB.open(DB_NAME, 1);
        open.onupgradeneeded = function () {
          open.result.createObjectStore('meta', { keyPath: 'id' });
          open.result.createObjectStore('data', { keyPath: 'id' });
          open.result.createObjectStore('presence', { keyPath: 'id' });
        };
        open.onsuccess = function () { resolve(open.result); };
        open.onerror = function () { reject(open.error); };
      });
    }
    return dbPromise;
  }
  function tx(storeName, mode, work) {
    return db().then(function (d) {
      return new Promise(function (resolve, reject) {
        var t = d.transaction(storeName, mode);
        var req = work(t.objectStore(storeName));
        t.oncomplete = function () { resolve(req && req.result !== undefined ? req.result : undefined); };
        t.onerror = function () { reject(t.error); };
        t.onabort = function () { reject(t.error); };
      });
    });
  }
  function get(storeName, id) { return tx(storeName, 'readonly', function (s) { return s.get(id); }); }
  function put(storeName, value) { return tx(storeName, 'readwrite', function (s) { return s.put(value); }); }

  /** The device's roster key: AES-GCM 256, not extractable, made on first use. */
  var keyPromise = null;
  function aesKey() {
    if (!keyPromise) {
      keyPromise = get('meta', 'key').then(function (m) {
        if (m && m.key) { return m.key; }
        return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']).then(function (k) {
          return put('meta', { id: 'key', key: k }).then(function () { return k; });
        });
      });
    }
    return keyPromise;
  }
  function seal(bytes) {
    var iv = crypto.getRandomValues(new Uint8Array(12));
    return aesKey().then(function (k) { return crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv }, k, bytes); })
      .then(function (data) { return { iv: iv, data: data }; });
  }
  function unseal(record) {
    return aesKey().then(function (k) { return crypto.subtle.decrypt({ name: 'AES-GCM', iv: record.iv }, k, record.data); });
  }

  // ---- verification --------------------------------------------------------------------------------
  function keysOf(slug) { return JSON.parse(localStorage.getItem('fp_keys_' + slug) || 'null'); }

  /** Whether `signature` (kid.signature) is the event's badge key's signature of the roster bytes. */
  function verify(slug, bytes, signature) {
    var keys = keysOf(slug);
    var m = /^(\d+)\.([A-Za-z0-9_-]+)$/.exec(signature || '');
    if (!keys || !m) { return Promise.resolve(false); }
    var jwk = keys.keys.filter(function (k) { return k.kid === m[1]; })[0];
    if (!jwk) { return Promise.resolve(false); }
    var signed = new Uint8Array(CONTEXT.length + bytes.byteLength);
    signed.set(CONTEXT, 0);
    signed.set(new Uint8Array(bytes), CONTEXT.length);
    return crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, { name: 'Ed25519' }, false, ['verify'])
      .then(function (key) { return crypto.subtle.verify({ name: 'Ed25519' }, key, b64urlBytes(m[2]), signed); })
      .catch(function () { return false; });
  }

  function index(slug, bytes) {
    var r = JSON.parse(new TextDecoder().decode(bytes));
    if (r.event !== slug) { throw new Error('another event'); }
    var entries = new Map();
    r.entries.forEach(function (e) { entries.set(e.digest, e); });
    return { slug: slug, version: r.version, generatedAt: r.generatedAt, entries: entries, revoked: new Set(r.revoked),
      rules: r.rules, count: r.entries.length, eventTag: r.eventTag };
  }

  /**
   * Takes a roster as received (its bytes and its Roster-Signature header): verified, then stored sealed and used.
   * A roster that does not verify is refused and the one held before stays in use.
   */
  function ingest(slug, bytes, signature) {
    return verify(slug, bytes, signature).then(function (ok) {
      if (!ok) { refuse(slug); return false; }
      var r;
      try { r = index(slug, bytes); } catch (e) { refuse(slug); return false; }
      current = r;
      state.status = 'ready';
      state.slug = slug;
      notify();
      return seal(bytes).then(function (sealed) {
        return put('data', { id: 'roster:' + slug, iv: sealed.iv, data: sealed.data, signature: signature });
      }).then(function () { return true; });
    });
  }
  function refuse(slug) {
    state.status = current && current.slug === slug ? 'ready-refused' : 'refused';
    state.slug = slug;
    notify();
  }

  /** The stored roster of an event, decrypted and verified again; refused (and dropped) when either fails. */
  function open(slug) {
    if (current && current.slug !== slug) { current = null; thumbs = new Map(); }
    state.slug = slug;
    state.status = current ? state.status : 'loading';
    notify();
    return get('data', 'roster:' + slug).then(function (rec) {
      if (!rec) { if (!current) { state.status = 'none'; notify(); } return false; }
      return unseal(rec).then(function (bytes) {
        return verify(slug, bytes, rec.signature).then(function (ok) {
          if (!ok) { throw new Error('signature'); }
          current = index(slug, bytes);
          state.status = 'ready';
          notify();
          return loadThumbs(slug).then(function () { notify(); return true; });
        });
      }).catch(function () {
        current = null;
        state.status = 'refused';
        notify();
        return tx('data', 'readwrite', function (s) { return s.delete('roster:' + slug); }).then(function () { return false; });
      });
    }).catch(function () { if (!current) { state.status = 'none'; notify(); } return false; });
  }

  /**
   * Asks the server for a newer roster (304 when the held version is current), then for the thumbnails it lacks.
   * `api(method, path, body, timeoutMs)` is the page's fetch with its token.
   */
  function refresh(slug, api) {
    var held = current && current.slug === slug ? current.version : null;
    return api('GET', '/api/v1/events/' + encodeURIComponent(slug) + '/door-roster', null, 60000,
      held ? { 'If-None-Match': '"' + held + '"' } : null)
      .then(function (r) {
        if (r.status === 304) { return true; }
        if (!r.ok) { throw new Error('roster ' + r.status); }
        var signature = r.headers.get('Roster-Signature');
        return r.arrayBuffer().then(function (bytes) { return ingest(slug, bytes, signature); });
      })
      .then(function (ok) { return ok ? fetchThumbs(slug, api) : false; });
  }

  function loadThumbs(slug) {
    return tx('data', 'readonly', function (s) {
      return s.getAll(IDBKeyRange.bound('thumbs:' + slug + ':', 'thumbs:' + slug + ':\uffff'));
    }).then(function (records) {
      return Promise.all((records || []).map(function (rec) {
        return unseal(rec).then(function (bytes) {
          var chunk = JSON.parse(new TextDecoder().decode(bytes));
          Object.keys(chunk).forEach(function (h) { thumbs.set(h, chunk[h]); });
        }).catch(function () { /* an unreadable chunk: its thumbnails are fetched again */ });
      }));
    });
  }

  /** Fetches the thumbnails the roster names and the device lacks, 500 a request; each is checked by its digest. */
  function fetchThumbs(slug, api) {
    if (!current || current.slug !== slug) { return Promise.resolve(true); }
    var wanted = [];
    current.entries.forEach(function (e) { if (e.photo && !thumbs.has(e.photo)) { wanted.push(e.photo); } });
    var chain = Promise.resolve();
    for (var i = 0; i < wanted.length; i += THUMBS_PER_REQUEST) {
      (function (part) {
        chain = chain.then(function () {
          return api('POST', '/api/v1/events/' + encodeURIComponent(slug) + '/door-roster/photos', { photos: part }, 60000)
            .then(function (r) { if (!r.ok) { throw new Error('photos ' + r.status); } return r.json(); })
            .then(function (answer) { return keepThumbs(slug, answer.photos || {}); });
        });
      })(wanted.slice(i, i + THUMBS_PER_REQUEST));
    }
    return chain.then(function () { notify(); return true; });
  }
  function keepThumbs(slug, photos) {
    var checked = {};
    return Promise.all(Object.keys(photos).map(function (h) {
      return crypto.subtle.digest('SHA-256', b64Bytes(photos[h])).then(function (d) {
        if (bytesB64url(d) === h) { checked[h] = photos[h]; thumbs.set(h, photos[h]); }
      });
    })).then(function () {
      var names = Object.keys(checked);
      if (!names.length) { return; }
      return seal(new TextEncoder().encode(JSON.stringify(checked))).then(function (sealed) {
        return put('data', { id: 'thumbs:' + slug + ':' + Date.now() + ':' + Math.random().toString(36).slice(2),
          iv: sealed.iv, data: sealed.data });
      });
    });
  }

  // ---- what the page asks ----------------------------------------------------------------------------
  /** The roster in use for an event, or null. */
  function roster(slug) { return current && current.slug === slug ? current : null; }

  /** A data: URL of the door thumbnail an entry names, or null. */
  function photo(entry) {
    var t = entry && entry.photo ? thumbs.get(entry.photo) : null;
    return t ? 'data:image/jpeg;base64,' + t : null;
  }

  // Where this device saw each badge at each door (offline verdicts need "already inside"): by the code's digest.
  function presenceId(slug, door, digest) { return slug + '|' + (door || '') + '|' + digest; }
  function presence(slug, door, digest) { return get('presence', presenceId(slug, door, digest)).catch(function () { return null; }); }
  function setPresence(slug, door, digest, p) {
    return put('presence', { id: presenceId(slug, door, digest), inside: p.inside, firstScannedAt: p.firstScannedAt,
      firstDeviceId: p.firstDeviceId }).catch(function () { /* the queue still holds the scan */ });
  }

  /** Signing out: the roster, thumbnails, presence and key go, by deleting the whole database. */
  function clear() {
    current = null;
    thumbs = new Map();
    state.status = 'none';
    state.slug = null;
    var closing = dbPromise ? dbPromise.then(function (d) { d.close(); }).catch(function () {}) : Promise.resolve();
    dbPromise = null;
    keyPromise = null;
    notify();
    return closing.then(function () {
      return new Promise(function (resolve) {
        var del = indexedDB.deleteDatabase(DB_NAME);
        del.onsuccess = del.onerror = del.onblocked = function () { resolve(); };
      });
    });
  }

  global.FpRoster = {
    open: open, refresh: refresh, ingest: ingest, roster: roster, photo: photo, presence: presence,
    setPresence: setPresence, clear: clear, status: status,
    onChange: function (f) { listeners.push(f); }
  };
})(window);
