// Issue 17: the names "in Latin letters". A refused name offers its Latin form (worked out by the server) behind a
// button; and once a name in another script is typed in "Name in your own script", the Latin form ICU makes of it
// is offered under that field. Either fills the fields only when the delegate clicks: what they typed is never
// replaced on its own. The form works the same without this script (the server's suggestion is shown in the text).
(function () {
  'use strict';
  function fill(name, value) {
    var input = document.getElementById(name);
    if (!input) { return; }
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  document.querySelectorAll('button[data-suggest-for]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var name = button.getAttribute('data-suggest-for');
      fill(name, button.getAttribute('data-value'));
      button.disabled = true;
      document.getElementById(name).focus();
    });
  });

  var nativeName = document.getElementById('nativeName');
  var offer = document.getElementById('native-offer');
  if (!nativeName || !offer) { return; }
  var letter = /\p{L}/u;
  var latin = /\p{Script=Latin}/u;
  function foreign(text) {
    return Array.from(text).some(function (ch) { return letter.test(ch) && !latin.test(ch); });
  }
  var asked = '';
  var timer = null;

  function show(answer) {
    offer.textContent = '';
    if (!answer || !answer.latin || (!answer.familyName && !answer.givenName)) { offer.hidden = true; return; }
    var lead = document.createElement('span');
    lead.textContent = offer.getAttribute('data-msg-offer') + ' ';
    var names = document.createElement('strong');
    names.id = 'native-offer-names';
    names.setAttribute('lang', 'en');
    var parts = [];
    // the labels end with their colon: "Family name:" takes a space before the name, a full-width one none
    function part(label, value) { return label + (/:$/.test(label) ? ' ' : '') + value; }
    if (answer.familyName) { parts.push(part(offer.getAttribute('data-msg-family'), answer.familyName)); }
    if (answer.givenName) { parts.push(part(offer.getAttribute('data-msg-given'), answer.givenName)); }
    names.textContent = parts.join(' · ');
    var use = document.createElement('button');
    use.type = 'button';
    
    use.id = 'native-offer-use';
    use.textContent = offer.getAttribute('data-msg-use');
    use.addEventListener('click', function () {
      if (answer.familyName) { fill('familyName', answer.familyName); }
      if (answer.givenName) { fill('givenName', answer.givenName); }
      use.disabled = true;
    });
    offer.appendChild(lead);
    offer.appendChild(names);
    offer.appendChild(document.createTextNode(' '));
    offer.appendChild(use);
    offer.hidden = false;
  }

  function ask() {
    var text = nativeName.value.trim();
    if (text === asked) { return; }
    asked = text;
    if (text === '' || text.length > 200 || !foreign(text)) { show(null); return; }
    fetch('/api/v1/transliterate?text=' + encodeURIComponent(text), { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (answer) { if (nativeName.value.trim() === text) { show(answer); } })
      .catch(function () { show(null); });
  }
  nativeName.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 400);
  });
  nativeName.addEventListener('change', ask);
  if (nativeName.value.trim() !== '') { ask(); }
})();
