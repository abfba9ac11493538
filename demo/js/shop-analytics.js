// The shop's own analytics helper: gated with data-category="analytics", so it runs only after consent.
window.shopEvents = window.shopEvents || [];
window.shopEvents.push('shop-analytics.js loaded ' + new Date().toLocaleTimeString('fi-FI'));
document.cookie = 'shop_visits=' + (Number((document.cookie.match(/shop_visits=(\d+)/) || [])[1] || 0) + 1) + '; path=/; max-age=2592000; samesite=lax';
