// The manage page: the private link selects itself when focused, ready to copy. A file rather than an
// inline handler, because the Content-Security-Policy runs only the site's own script files.
(function () {
  'use strict';
  var link = document.getElementById('manage-link');
  if (link) { link.addEventListener('focus', function () { link.select(); }); }

  // issue 17: a line of the error summary puts the focus in its field (a bare #link would only scroll there)
  document.querySelectorAll('#form-errors a[href^="#"]').forEach(function (a) {
    a.addEventListener('click', function (e) {
      var target = document.getElementById(a.getAttribute('href').substring(1));
      if (!target) { return; }
      e.preventDefault();
      target.scrollIntoView({ block: 'center' });
      target.focus();
    });
  });
})();
