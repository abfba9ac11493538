/** `dist/configurator/kokeile.js`: the test shop page and its notice page (src/configurator/try-page.ts), run by testisivu.html and seloste.html. */
import { askOpener, buildTryPage } from './try-page.js';

askOpener((given) => buildTryPage(document.documentElement.dataset.try === 'notice' ? 'notice' : 'shop', given));
