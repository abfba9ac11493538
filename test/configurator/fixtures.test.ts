/**
 * One source for the vendors' snippets: the e2e fixture that holds Meta's pixel base code gated
 * (test/pages/holds-vendor-meta.html) carries exactly what the configurator's table produces for it, so
 * the snippet the integration tests run and the one the configurator hands a shop cannot drift apart.
 */
import { expect } from '@open-wc/testing';
import { categoryOf, gateSnippet, INTEGRATIONS } from '../../src/configurator/integrations.js';

describe('configurator table and the vendor fixtures', () => {
  it('holds-vendor-meta.html carries the configurator’s gated Meta pixel code, as it produces it', async () => {
    const page = await (await fetch('/test/pages/holds-vendor-meta.html')).text();
    const block = /<!-- Meta Pixel Code -->[^]*?<!-- End Meta Pixel Code -->/.exec(page)?.[0];
    const meta = INTEGRATIONS.find((i) => i.attr === 'meta-pixel')!;
    expect(block).to.equal(gateSnippet(meta.snippet!('1122334455667788'), categoryOf(meta)));
  });
});
