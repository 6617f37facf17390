// ForumPass admission rules, the same function as the server's checkin/Admission.java: facts about one scan in,
// the verdict and the write it implies out. The door page decides offline with it; the browser test runs the
// shared table of cases (admission-cases.json) against it, and the Java unit test runs the same table on the server.
(function (global) {
  'use strict';

  function ms(iso) { return Date.parse(iso); }

  function refuse(result) {
    return { result: result, firstScannedAt: null, firstDeviceId: null, write: 'NONE', roomPlaces: 0 };
  }

  function admits(door, category) {
    return door.restrictedTo == null || door.restrictedTo.indexOf(category) >= 0;
  }

  // Issue 16: an access zone opens to its categories (null or empty: every category) from `from` (inclusive) to `to`
  // (exclusive); null: no limit on that side.
  function zoneAdmits(zone, category) {
    return zone.categories == null || zone.categories.length === 0 || zone.categories.indexOf(category) >= 0;
  }

  function zoneClosed(zone, at) {
    return (zone.from != null && ms(at) < ms(zone.from)) || (zone.to != null && ms(at) >= ms(zone.to));
  }

  function outsideWindow(window, door, direction, at) {
    return !!(window && window.enabled) && direction === 'IN'
      && (ms(at) < ms(door.startsAt) - window.opensMinutesBefore * 60000 || ms(at) >= ms(door.endsAt));
  }

  // facts: {known, sameEvent, revoked, status, category, door: {restrictedTo, requiresRegistration, counted,
  // startsAt, endsAt, zone: {code, categories, from, to} | null} | null, hasSeat, window: {enabled, opensMinutesBefore},
  // direction, at, deviceId, presence: {inside, firstScannedAt, firstDeviceId} | null, roomFull}
  function decide(f) {
    if (!f.known) { return refuse('INVALID_CODE'); }
    if (!f.sameEvent) { return refuse('WRONG_EVENT'); }
    if (f.revoked) { return refuse('REVOKED'); }
    if (f.status !== 'CONFIRMED') { return refuse('NOT_CONFIRMED'); }
    var door = f.door;
    if (door && door.zone && (!zoneAdmits(door.zone, f.category)
        || (f.direction === 'IN' && zoneClosed(door.zone, f.at)))) {
      return refuse('ZONE_NOT_ALLOWED'); // a way out is never closed
    }
    if (door) {
      if (!admits(door, f.category)) { return refuse('CATEGORY_NOT_ALLOWED'); }
      if (door.requiresRegistration && !f.hasSeat) { return refuse('NOT_REGISTERED_FOR_SESSION'); }
      if (outsideWindow(f.window, door, f.direction, f.at)) { return refuse('OUTSIDE_SESSION_WINDOW'); }
    }
    var p = f.presence;
    var first = p ? p.firstScannedAt : null;
    var firstDevice = p ? p.firstDeviceId : null;
    var counted = !!(door && door.counted);
    if (f.direction === 'OUT') {
      var leaves = !!(p && p.inside);
      return { result: 'ACCEPTED', firstScannedAt: first, firstDeviceId: firstDevice, write: leaves ? 'LEAVE' : 'NONE',
        roomPlaces: leaves && counted ? -1 : 0 };
    }
    if (p && p.inside) {
      return { result: 'ALREADY_CHECKED_IN', firstScannedAt: first, firstDeviceId: firstDevice, write: 'NONE', roomPlaces: 0 };
    }
    if (counted && f.roomFull) {
      return { result: 'SESSION_FULL', firstScannedAt: first, firstDeviceId: firstDevice, write: 'NONE', roomPlaces: 0 };
    }
    if (p) {
      return { result: 'ACCEPTED', firstScannedAt: first, firstDeviceId: firstDevice, write: 'REENTER', roomPlaces: counted ? 1 : 0 };
    }
    return { result: 'ACCEPTED', firstScannedAt: f.at, firstDeviceId: f.deviceId, write: 'FIRST_CHECK_IN', roomPlaces: counted ? 1 : 0 };
  }

  global.ForumPassAdmission = { decide: decide };
})(window);
