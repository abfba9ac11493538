// Demo only: fills the gallery (/gallery.html) with one frame per variant: the banner in every language,
// scheme, position and accent; the dialog in every language, scheme and accent (its place is always
// the centre). Each frame is a live Keksi (/gallery-frame.html), loaded lazily, titled and captioned;
// the frames are inert (a preview: no 48 sets of buttons in the tab order), and each caption links to
// its variant on a page of its own, to try.
(function () {
  var LANGS = [
    ['fi', 'Suomeksi'],
    ['sv', 'På svenska'],
    ['en', 'In English'],
  ];
  var SCHEMES = [
    ['light', 'vaalea'],
    ['dark', 'tumma'],
  ];
  var POSITIONS = [
    ['bottom', 'alhaalla'],
    ['top', 'ylhäällä'],
    ['center', 'keskellä'],
  ];
  var ACCENTS = [
    ['neutral', 'neutraali korostusväri'],
    ['brand', 'brändiväri #b4531f'],
  ];
  var VIEWS = { banner: 'Banneri', dialog: 'Evästeasetukset' };

  var el = function (name, props, children) {
    var e = Object.assign(document.createElement(name), props);
    (children || []).forEach(function (c) {
      e.append(c);
    });
    return e;
  };

  function variant(view, lang, scheme, position, accent) {
    var q = new URLSearchParams({ view: view, lang: lang[0], scheme: scheme[0], position: position ? position[0] : 'bottom', accent: accent[0] });
    var url = '/gallery-frame.html?' + q;
    var words = [scheme[1]].concat(position ? [position[1]] : [], accent[1]).join(', ');
    var frame = el('iframe', { src: url, loading: 'lazy', title: VIEWS[view] + ', ' + lang[1] + ': ' + words, inert: true });
    frame.dataset.view = view;
    frame.dataset.lang = lang[0];
    frame.dataset.scheme = scheme[0];
    frame.dataset.position = position ? position[0] : '';
    frame.dataset.accent = accent[0];
    var code = [position && position[0] !== 'bottom' ? 'data-position="' + position[0] + '"' : '', accent[0] === 'brand' ? '--keksi-accent: #b4531f' : '']
      .filter(Boolean)
      .join('; ');
    var caption = el('figcaption', {}, [el('a', { href: url, textContent: words[0].toUpperCase() + words.slice(1) })]);
    if (code) caption.append(el('br'), el('code', { textContent: code }));
    return el('li', {}, [el('figure', {}, [frame, caption])]);
  }

  document.querySelectorAll('[data-gallery]').forEach(function (box) {
    var view = box.dataset.gallery;
    LANGS.forEach(function (lang) {
      var list = el('ul', { className: 'variants' });
      SCHEMES.forEach(function (scheme) {
        (view === 'banner' ? POSITIONS : [null]).forEach(function (position) {
          ACCENTS.forEach(function (accent) {
            list.append(variant(view, lang, scheme, position, accent));
          });
        });
      });
      var heading = el('h3', { id: view + '-' + lang[0], textContent: lang[1], lang: lang[0] });
      box.append(heading, list);
    });
  });
})();

// A dialog opened in a frame moves focus into that frame (showModal's focusing steps), even into an inert
// one. The frames are previews: give focus back to what had it in the gallery, else to the page.
(function () {
  var last = null;
  document.addEventListener('focusin', function (e) {
    if (e.target.localName !== 'iframe') last = e.target;
  });
  window.addEventListener('blur', function () {
    requestAnimationFrame(function () {
      var now = document.activeElement;
      if (!now || now.localName !== 'iframe' || !now.inert) return;
      if (last && last.isConnected) last.focus({ preventScroll: true });
      else now.blur();
    });
  });
})();
