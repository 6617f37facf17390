// Issue 14: the delegate's photo beside the door's verdict, so staff compare faces. The image needs the door's
// token (Authorization header), so it is fetched here and shown as a data: URL (the CSP allows data: images, not blob:).
// A delegate without a photo (404) or an offline verdict shows none. With `shown` (issue 16), the roster's small
// thumbnail is on screen already: it stays until the sharper one arrives.
(function () {
  'use strict';
  var asked = 0;
  window.fpDoorPhoto = function (delegate, token, shown) {
    var img = document.getElementById('verdict-photo');
    if (!img) { return; }
    var ticket = ++asked;
    if (!shown) {
      img.hidden = true;
      img.removeAttribute('src');
      img.alt = '';
    }
    if (!delegate || !delegate.photo || !token) { return; }
    fetch(delegate.photo, { headers: { Authorization: 'Bearer ' + token }, cache: 'no-store' })
      .then(function (r) { return r.ok ? r.blob() : null; })
      .then(function (blob) {
        if (!blob || ticket !== asked) { return; }
        var reader = new FileReader();
        reader.onload = function () {
          if (ticket !== asked) { return; }
          img.src = reader.result;
          img.alt = (delegate.givenName || '') + ' ' + (delegate.familyName || '');
          img.hidden = false;
        };
        reader.readAsDataURL(blob);
      })
      .catch(function () { /* no photo: the verdict stands without it */ });
  };
})();
