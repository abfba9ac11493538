// Demo only: one variant of Keksi for the gallery (/gallery.html). Reads the variant from the address,
// marks <html> for gallery.css (the shop's colour scheme and Keksi's accent) and adds Keksi's one tag,
// configured as on the demo shop (but for the vendors' scripts, see below), with this variant's language
// and position.
//
// Keksi's dark mode follows the visitor's system setting (prefers-color-scheme), which a page cannot
// set for one frame in Chromium. So `scheme=light|dark` pins the colours with Keksi's documented
// custom properties, at the values of its own light and dark defaults (gallery.css; the gallery test
// checks them against Keksi's real dark mode); `scheme=auto` follows the system as a shop does.
//
// Each variant has a consent cookie of its own, and a choice made in it (on the variant's own page: in the
// gallery the frames are inert) is undone at once (keksi.reset()), so the variant always shows, no choice
// made here is kept, and no vendor script runs.
(function () {
  var q = new URLSearchParams(location.search);
  var pick = function (name, allowed) {
    return allowed.indexOf(q.get(name)) >= 0 ? q.get(name) : allowed[0];
  };
  var view = pick('view', ['banner', 'dialog']);
  var lang = pick('lang', ['fi', 'sv', 'en']);
  var scheme = pick('scheme', ['light', 'dark', 'auto']);
  var position = pick('position', ['bottom', 'top', 'center']);
  var accent = pick('accent', ['neutral', 'brand']);
  var root = document.documentElement;
  root.lang = lang;
  root.classList.add('scheme-' + scheme, 'accent-' + accent);

  var tag = document.createElement('script');
  tag.src = '/dist/keksi.js';
  tag.nonce = document.currentScript.nonce;
  tag.dataset.lang = lang;
  tag.dataset.position = position;
  tag.dataset.categories = 'preferences analytics marketing';
  tag.dataset.ga = 'G-PAAHTIMO1';
  tag.dataset.metaPixel = '1234567890';
  tag.dataset.noticeUrl = '/tietosuojaseloste.html';
  tag.dataset.cookieName = ['keksi_gallery', view, lang, scheme, position, accent].join('_');
  tag.dataset.reopen = 'none';

  window.keksi = window.keksi || [];
  window.keksi.push(function (k) {
    // Google's and Meta's scripts are never loaded here: a stand-in that does nothing takes their place.
    k.configure({ scriptUrls: { gtag: '/js/gallery-vendor.js?id=', gtm: '/js/gallery-vendor.js?gtm=', fbevents: '/js/gallery-vendor.js' } });
    if (view === 'dialog') k.showPreferences();
  });
  // Undo a choice once Keksi has finished with it (it closes the banner after this event).
  document.addEventListener('keksi-change', function (e) {
    if (!e.detail.consent) return;
    setTimeout(function () {
      window.keksi.reset();
      if (view === 'dialog') window.keksi.showPreferences();
    });
  });
  document.head.append(tag);
})();
