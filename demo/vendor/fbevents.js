// Local stand-in for Meta's fbevents.js (demo and tests; never the real pixel). Like the real one it
// drains fbq.queue, follows fbq('consent', …) (granted until revoked, as with the real pixel) and sets
// _fbp on the highest domain only while consent is granted. It records what it was told in
// window.__fakeFbq for the debug panel and the tests, and in `sent` the events the real pixel would send
// to facebook.com/tr.
(function () {
  var w = window;
  var fbq = w.fbq;
  var state = (w.__fakeFbq = { loaded: true, calls: [], consent: 'unset', sent: [] });
  var parts = location.hostname.split('.');
  var domain = parts.length > 1 && !/^[\d.]+$/.test(location.hostname) ? '; domain=' + parts.slice(-2).join('.') : '';
  function call() {
    var args = Array.prototype.slice.call(arguments);
    state.calls.push(args.join(' '));
    if (args[0] === 'consent') state.consent = args[1];
    if (state.consent === 'revoke') return;
    if (args[0] === 'track') state.sent.push(args[1]);
    document.cookie = '_fbp=fb.1.1700000000.123456; path=/; max-age=7776000' + domain;
  }
  if (!fbq) return;
  var queued = fbq.queue ? fbq.queue.slice() : [];
  fbq.callMethod = call;
  fbq.queue.length = 0;
  queued.forEach(function (a) { call.apply(null, a); });
})();
