// The configurator's page from its one template (src/configurator/index.html): rollup.config.mjs writes
// it into dist/configurator/ with the built addresses, scripts/serve.mjs serves it at /configurator.html
// with the server's, so the two cannot drift apart.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const TEMPLATE = fileURLToPath(new URL('../src/configurator/index.html', import.meta.url));

/** Where the page next to its built script finds the scripts: opened from disk or any host. */
export const BUILT = { configurator: 'configurator.js', keksi: '../keksi.js', testPage: 'testisivu.html' };
/** Where the page `npm start` serves finds them. */
export const SERVED = { configurator: '/dist/configurator/configurator.js', keksi: '/dist/keksi.js', testPage: '/dist/configurator/testisivu.html' };

/** The page with the given addresses of the configurator's script, of the built keksi.js its preview loads and of its test page ("Kokeile testisivulla"). */
export const configuratorPage = ({ configurator, keksi, testPage }) =>
  readFileSync(TEMPLATE, 'utf8').replaceAll('{{configurator}}', configurator).replaceAll('{{keksi}}', keksi).replaceAll('{{testPage}}', testPage);
