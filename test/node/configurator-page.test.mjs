// The configurator's page exists once: src/configurator/index.html is the template, and both the built
// page (dist/configurator/index.html, opened from disk) and the one `npm start` serves (/configurator.html)
// are made from it by scripts/configurator-page.mjs, differing only in where the two scripts are.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { configuratorPage, BUILT, SERVED } from '../../scripts/configurator-page.mjs';
import { startServer } from '../../scripts/serve.mjs';

test('the built page is the template with the built addresses', () => {
  assert.equal(readFileSync('dist/configurator/index.html', 'utf8'), configuratorPage(BUILT));
  assert.match(configuratorPage(BUILT), /<script defer src="configurator\.js"><\/script>/);
  assert.match(configuratorPage(BUILT), /keksi-src="\.\.\/keksi\.js"/);
});

test('the served page is the same template with the server’s addresses, and there is no second copy', async () => {
  const server = await startServer();
  try {
    const served = await (await fetch(server.url + '/configurator.html')).text();
    assert.equal(served, configuratorPage(SERVED));
    assert.match(served, /<script defer src="\/dist\/configurator\/configurator\.js"><\/script>/);
    assert.equal(
      served
        .replace(/\/dist\/configurator\/configurator\.js/, 'configurator.js')
        .replace('/dist/keksi.js', '../keksi.js')
        .replace('/dist/configurator/testisivu.html', 'testisivu.html'),
      configuratorPage(BUILT),
    );
  } finally {
    await server.close();
  }
  assert.equal(existsSync('demo/configurator.html'), false, 'demo/configurator.html is made from the template, not kept as a copy');
});

test('the page names its icon and its title is in its language, so `npm start` asks for no /favicon.ico (walk 2: a 404 in the console)', () => {
  for (const page of [configuratorPage(BUILT), configuratorPage(SERVED)]) {
    assert.match(page, /<link rel="icon" href="data:,">/);
    assert.match(page, /<html lang="fi">/);
    assert.match(page, /<title>Ota Keksi käyttöön<\/title>/);
  }
});
