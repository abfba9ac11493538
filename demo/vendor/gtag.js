// Local stand-in for Google's gtag.js / gtm.js (demo and tests; never a real tag). Like the real one it
// reads window.dataLayer, acts only on Arguments objects, follows Consent Mode (a type no consent command
// has named is granted, as with the real tag), and sets _ga cookies on the highest domain only while
// analytics_storage is granted (_gcl_au for ad_storage). It records what it was told in window.__fakeGtag
// for the demo's debug panel and the tests, and in `sent` the hits the real tag would send (config, event,
// and a container's tags firing on the page's own dataLayer events).
(function () {
  var w = window;
  var dl = (w.dataLayer = w.dataLayer || []);
  var id = (document.currentScript && /[?&](?:id|gtm)=([^&]+)/.exec(document.currentScript.src)) || [];
  var state = (w.__fakeGtag = w.__fakeGtag || { loaded: 0, ids: [], consent: {}, commands: [], events: [], notArguments: 0, sent: [] });
  state.loaded++;
  if (id[1]) state.ids.push(id[1]);
  var parts = location.hostname.split('.');
  var domain = parts.length > 1 && !/^[\d.]+$/.test(location.hostname) ? '; domain=' + parts.slice(-2).join('.') : '';
  function allowed(type) {
    return state.consent[type] !== 'denied';
  }
  function setCookies() {
    if (allowed('analytics_storage')) {
      document.cookie = '_ga=GA1.1.1234567.1700000000; path=/; max-age=63072000' + domain;
      state.ids.forEach(function (i) {
        if (/^G-/.test(i)) document.cookie = '_ga_' + i.slice(2) + '=GS1.1.1700000000.1.0; path=/; max-age=63072000' + domain;
      });
    }
    if (allowed('ad_storage')) document.cookie = '_gcl_au=1.1.123.1700000000; path=/; max-age=7776000' + domain;
  }
  function handle(entry) {
    var hit;
    if (Object.prototype.toString.call(entry) !== '[object Arguments]') {
      if (!entry || !entry.event) return state.notArguments++;
      state.events.push(entry.event);
      hit = !/^(gtm\.|keksi_)/.test(entry.event) && entry.event;
    } else {
      var args = Array.prototype.slice.call(entry);
      state.commands.push(args[0] + (args[1] && typeof args[1] === 'string' ? ' ' + args[1] : ''));
      if (args[0] === 'consent') Object.assign(state.consent, args[2]);
      hit = args[0] === 'config' ? 'page_view' : args[0] === 'event' && args[1];
    }
    setCookies();
    if (hit && (allowed('analytics_storage') || allowed('ad_storage'))) state.sent.push(hit);
  }
  for (var i = 0; i < dl.length; i++) handle(dl[i]);
  var push = dl.push;
  dl.push = function () {
    for (var j = 0; j < arguments.length; j++) handle(arguments[j]);
    return push.apply(dl, arguments);
  };
})();
