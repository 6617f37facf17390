// The manage page: the private link selects itself when focused, ready to copy. A file rather than an
// inline handler, because the Content-Security-Policy runs only the site's own script files.
(function () {
  'use strict';
  var link = document.getElementById('manage-link');
  if (link) { link.addEventListener('focus', function () { link.select(); }); }
})();
