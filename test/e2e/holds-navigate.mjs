// Body replacement as Turbo Drive and Swup do it, for the holds-config tests (playwright and puppeteer):
// the next page (test/pages/holds-body*.html's <template id="next">) is parsed apart, adopted, its
// scripts are "activated" (re-created so that they run, as Turbo's activateScriptElement does) and it
// replaces <body>. `permanent` follows Turbo's Bardo step by step: the new page's permanent element
// gives way to a placeholder, the body is replaced, the current element is replaced by a clone, then
// moved onto the placeholder.

/** Replace the page's body with the next page: 'replaceWith', 'replaceChild' or 'permanent'. */
export function navigate(page, how) {
  return page.evaluate(async (how) => {
    const parsed = new DOMParser().parseFromString(`<body>${document.getElementById('next').innerHTML}</body>`, 'text/html');
    const body = document.adoptNode(parsed.body);
    for (const inert of body.querySelectorAll('script')) {
      const s = document.createElement('script');
      for (const { name, value } of inert.attributes) s.setAttribute(name, value);
      s.textContent = inert.textContent;
      inert.replaceWith(s);
    }
    if (how === 'replaceChild') document.documentElement.replaceChild(body, document.body);
    else if (how !== 'permanent') document.body.replaceWith(body);
    else {
      const current = document.querySelector('[data-turbo-permanent]');
      const placeholder = document.createElement('meta');
      placeholder.setAttribute('name', 'turbo-permanent-placeholder');
      placeholder.setAttribute('content', current.id);
      body.querySelector(`#${current.id}`).replaceWith(placeholder);
      document.body.replaceWith(body);
      await Promise.resolve();
      current.replaceWith(current.cloneNode(true));
      placeholder.replaceWith(current);
    }
  }, how);
}
