// Stands in for gtag.js in the benchmark: records when the gated script ran.
window.__gaRan = performance.now();
