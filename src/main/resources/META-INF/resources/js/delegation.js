// The focal point's page (/d/{id}): a member's photo chosen in the members table is sent as it is to
// /d/{id}/members/{rid}/photo with the page's cookie; the server checks it, strips its metadata, crops it to 3:4 and
// keeps it for the organizers' review, then the page reloads with a notice. The texts come from the page (data-msg-*).
// A file rather than inline code: the CSP runs only the site's scripts.
(function () {
  'use strict';
  document.querySelectorAll('.member-photo').forEach(function (box) {
    var input = box.querySelector('input[type=file]');
    var message = box.querySelector('.photo-message');
    box.hidden = false;
    input.addEventListener('change', function () {
      var file = input.files && input.files[0];
      if (!file) { return; }
      input.disabled = true;
      message.textContent = box.dataset.msgUploading;
      fetch(box.dataset.upload, {
        method: 'PUT', body: file, credentials: 'same-origin',
        headers: { 'Content-Type': file.type || 'application/octet-stream' }
      }).then(function (r) {
        if (r.ok) { location.assign(box.dataset.done); return; }
        return r.json().then(function (p) {
          message.textContent = box.dataset.msgFailed + ' ' + (p.detail || p.title || '');
          input.disabled = false;
          input.value = '';
        });
      }).catch(function () {
        message.textContent = box.dataset.msgFailed;
        input.disabled = false;
      });
    });
  });
})();
