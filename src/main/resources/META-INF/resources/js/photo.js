// The delegate's photo. The camera (getUserMedia) or a chosen file is cropped to 3:4 around its centre in a canvas.
// On the manage page the JPEG is sent to /r/{id}/photo with the manage cookie; the server checks it again, strips any
// metadata and crops once more if needed. On the registration page (data-mode="register") the registration does not
// exist yet: the photo is kept in this tab (sessionStorage) and the manage page the registration opens sends it.
// A file rather than inline code: the CSP runs only the site's scripts.
(function () {
  'use strict';
  var box = document.getElementById('photo');
  var tools = document.getElementById('photo-tools');
  if (!box || !tools) { return; }
  var $ = function (id) { return document.getElementById(id); };
  var canvas = $('photo-canvas');
  var video = $('photo-video');
  var stream = null;
  var MAX_W = 900;
  var KEPT = 'fp_photo_pending';
  var registering = box.dataset.mode === 'register';
  tools.hidden = false;

  function say(text) { $('photo-message').textContent = text || ''; }

  // draws the centred 3:4 part of a source (video or image) w x h into the canvas, at most 900x1200
  function crop(source, w, h) {
    var cw = Math.min(w, Math.floor(h * 3 / 4));
    var ch = Math.floor(cw * 4 / 3);
    var outW = Math.min(cw, MAX_W);
    var outH = Math.floor(outW * 4 / 3);
    canvas.width = outW;
    canvas.height = outH;
    canvas.getContext('2d').drawImage(source, Math.floor((w - cw) / 2), Math.floor((h - ch) / 2), cw, ch, 0, 0, outW, outH);
    $('photo-preview').hidden = false;
    $('photo-upload').focus();
  }

  function stop() {
    if (stream) { stream.getTracks().forEach(function (t) { t.stop(); }); stream = null; }
    $('photo-live').hidden = true;
  }

  $('photo-camera').addEventListener('click', function () {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { say(box.dataset.msgNoCamera); return; }
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user', width: { ideal: 1280 }, height: { ideal: 960 } } })
      .then(function (s) {
        stream = s;
        video.srcObject = s;
        $('photo-live').hidden = false;
        $('photo-capture').focus();
      })
      .catch(function () { say(box.dataset.msgNoCamera); });
  });

  $('photo-capture').addEventListener('click', function () {
    if (!video.videoWidth) { return; }
    crop(video, video.videoWidth, video.videoHeight);
    stop();
  });

  $('photo-file').addEventListener('change', function (e) {
    var file = e.target.files && e.target.files[0];
    if (!file) { return; }
    stop();
    var reader = new FileReader();
    reader.onload = function () {
      var img = new Image();
      img.onload = function () { crop(img, img.naturalWidth, img.naturalHeight); };
      img.onerror = function () { say(box.dataset.msgFailed); };
      img.src = reader.result; // a data: URL, which the CSP allows for images
    };
    reader.readAsDataURL(file);
  });

  function send(blob, done) {
    fetch('/r/' + encodeURIComponent(box.dataset.id) + '/photo', {
      method: 'PUT', body: blob, credentials: 'same-origin', headers: { 'Content-Type': 'image/jpeg' }
    }).then(function (r) {
      if (r.ok) { done(true); return; }
      return r.json().then(function (p) { say(box.dataset.msgFailed + ' ' + (p.detail || p.title || '')); done(false); });
    }).catch(function () { say(box.dataset.msgFailed); done(false); });
  }

  function fromDataUrl(url) {
    var parts = url.split(',');
    var bin = atob(parts[1]);
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
    return new Blob([bytes], { type: 'image/jpeg' });
  }

  $('photo-upload').addEventListener('click', function () {
    var button = $('photo-upload');
    if (registering) {
      try {
        sessionStorage.setItem(KEPT, canvas.toDataURL('image/jpeg', 0.9));
        say(box.dataset.msgKept);
      } catch (e) {
        say(box.dataset.msgFailed);
      }
      return;
    }
    button.disabled = true;
    say(box.dataset.msgUploading);
    canvas.toBlob(function (blob) {
      send(blob, function (ok) { if (ok) { location.reload(); } else { button.disabled = false; } });
    }, 'image/jpeg', 0.92);
  });

  var kept = null;
  try { kept = sessionStorage.getItem(KEPT); } catch (e) { kept = null; }
  if (kept && registering) {
    // back on the form after an error: show the photo that will be sent
    var img = new Image();
    img.onload = function () { crop(img, img.naturalWidth, img.naturalHeight); say(box.dataset.msgKept); };
    img.src = kept;
  } else if (kept && box.dataset.status === 'NONE') {
    // the manage page a registration opened: send the photo taken while registering
    say(box.dataset.msgSending);
    send(fromDataUrl(kept), function (ok) {
      try { sessionStorage.removeItem(KEPT); } catch (e) { /* nothing kept */ }
      if (ok) { location.reload(); }
    });
  }
})();
