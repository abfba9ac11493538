// Demo only: load the local stand-ins for gtag.js and fbevents.js, so the demo works offline and shows
// what the vendors were told. Add ?vendors=real to a page's address to use Google's and Meta's real
// addresses instead (the tests do, and answer them locally). A real shop does not include this file.
window.keksi = window.keksi || [];
if (!/vendors=real/.test(location.search)) {
  window.keksi.push(function (k) {
    k.configure({ scriptUrls: { gtag: '/vendor/gtag.js?id=', gtm: '/vendor/gtag.js?gtm=', fbevents: '/vendor/fbevents.js' } });
  });
}
