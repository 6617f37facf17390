// Progressive enhancement of the registration form: marks the sessions the chosen category may not
// attend, shows the invitation-code field only to the categories that need it, and moves focus to the
// error summary after a refused submission. The form works the same without it.
(function () {
  'use strict';
  var form = document.getElementById('registration-form');
  if (!form) { return; }
  var category = form.querySelector('#category');
  var invitationField = document.getElementById('invitation-field');
  var needInvitation = (form.getAttribute('data-invitation-for') || '').split(' ').filter(Boolean);

  function update() {
    var chosen = category.value;
    form.querySelectorAll('label.choice[data-restricted]').forEach(function (label) {
      var restricted = label.getAttribute('data-restricted').split(' ').filter(Boolean);
      var barred = chosen !== '' && restricted.length > 0 && restricted.indexOf(chosen) < 0;
      var box = label.querySelector('input');
      box.disabled = barred;
      if (barred) { box.checked = false; }
      label.classList.toggle('barred', barred);
      label.querySelector('.not-allowed').hidden = !barred;
    });
    if (invitationField) {
      invitationField.hidden = chosen !== '' && needInvitation.indexOf(chosen) < 0;
    }
  }
  category.addEventListener('change', update);
  update();

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

  var errors = document.getElementById('form-errors');
  if (errors) {
    var firstInvalid = form.querySelector('[aria-invalid="true"]');
    (firstInvalid || errors).focus();
    (firstInvalid || errors).scrollIntoView({ block: 'center' });
  }
})();
