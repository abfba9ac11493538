// Demo-only debug panel: shows what the page told Google and Meta, which gated scripts ran, the
// cookies and the consent log. A real shop does not include this.
(function () {
  const panel = document.getElementById('debug');
  if (!panel) return;
  const show = (value) =>
    JSON.stringify(
      value,
      (k, v) => (v && typeof v === 'object' && Object.prototype.toString.call(v) === '[object Arguments]' ? { Arguments: Array.from(v) } : v),
      1,
    );
  async function render() {
    const log = await fetch('/consent-log')
      .then((r) => r.json())
      .catch(() => []);
    const rows = [
      ['Keksi: getConsent()', window.keksi && window.keksi.getConsent ? window.keksi.getConsent() : '(not loaded yet)'],
      ['dataLayer (gtag/GTM)', window.dataLayer || []],
      ['gtag.js stand-in loaded and told', window.__fakeGtag || '(not loaded)'],
      ['fbq queue / fbevents.js stand-in', window.__fakeFbq || (window.fbq && window.fbq.queue) || '(not defined)'],
      ['Gated shop scripts that ran', window.shopEvents || []],
      [
        'document.cookie',
        (function () {
          try {
            return document.cookie || '(none)';
          } catch (e) {
            return '(unreadable: ' + e.message + ')';
          }
        })(),
      ],
      ['Consent log received by the shop server', log],
    ];
    panel.replaceChildren();
    const h = document.createElement('h2');
    h.textContent = 'Demo debug panel (not part of a real shop)';
    panel.append(h);
    for (const [title, value] of rows) {
      const b = document.createElement('strong');
      b.textContent = title;
      const pre = document.createElement('pre');
      pre.textContent = typeof value === 'string' ? value : show(value);
      panel.append(b, pre);
    }
  }
  document.addEventListener('keksi-ready', render);
  document.addEventListener('keksi-change', () => setTimeout(render, 300));
  setInterval(render, 2000);
  render();
})();
