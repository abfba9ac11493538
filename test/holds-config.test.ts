/**
 * Issue 11, "Consent that holds": the consent log goes only to the shop's own origin, and Keksi's
 * messages never throw into the page, whatever the page did to `console.warn`.
 */
import { expect } from '@open-wc/testing';
import { parseConfig } from '../src/controller/config.js';
import { guard, warn } from '../src/core/log.js';
import { configure, options } from '../src/core/options.js';
import { captureWarnings } from './helpers.js';

const logUrl = (value: string) => {
  const config = parseConfig((name) => (name === 'log-url' ? value : null), ['log-url'], location.hostname);
  return [config.logUrl, config.problems];
};

describe("log-url: the shop's own endpoint only", () => {
  it("a relative URL or one on the page's origin is kept, resolved against the page", () => {
    expect(logUrl('/consent-log')).to.deep.equal([location.origin + '/consent-log', []]);
    expect(logUrl(location.origin + '/api/log?x=1')).to.deep.equal([location.origin + '/api/log?x=1', []]);
  });

  it('another origin is refused with a message, however it is written', () => {
    for (const url of ['https://elsewhere.example/log', '//elsewhere.example/log', '\\\\elsewhere.example/log', `http://${location.hostname}:1/log`]) {
      expect(logUrl(url), url).to.deep.equal([undefined, [['origin', 'log-url', url]]]);
    }
  });

  it('a <base> injected into the page does not move a relative log URL', () => {
    const base = document.createElement('base');
    base.href = 'https://elsewhere.example/';
    document.head.append(base);
    try {
      expect(logUrl('consent-log')[0]).to.equal(new URL('consent-log', location.href).href);
    } finally {
      base.remove();
    }
  });
});

describe('guard and warn never throw', () => {
  const original = console.warn;
  afterEach(() => (console.warn = original));

  it("when the page's console.warn throws", () => {
    console.warn = () => {
      throw new Error('a page that throws in console.warn');
    };
    expect(() => warn('holds: a message while console.warn throws')).not.to.throw();
    expect(
      guard(
        'holds: failing work',
        () => {
          throw new Error('boom');
        },
        'fallback',
      ),
    ).to.equal('fallback');
  });

  it('when a detail cannot be turned into text', () => {
    console.warn = (...args: unknown[]) => void args.map(String);
    const hostile = {
      toString: () => {
        throw new Error('no text');
      },
    };
    expect(
      guard(
        'holds: work that throws an object without text',
        () => {
          throw hostile;
        },
        7,
      ),
    ).to.equal(7);
  });
});

describe('configure(): an option of the wrong type', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const give = (input: unknown) => captureWarnings(() => configure(input as any));

  it('an array where a map is expected is refused by its name, and the other options apply', async () => {
    const said = await give({ categories: [{ title: 'Arviot', description: 'Tuotearviot' }], cookies: { analytics: ['_pk_id*'] } });
    expect(said.map((s) => s.replace(/ skipped\..*/, ''))).to.deep.equal(['[keksi] configure(): categories']);
    expect(Object.keys(options.categories)).to.deep.equal([]);
    expect(options.cookies.analytics).to.deep.equal(['_pk_id*']);
  });

  it('each option whose value has the wrong type is named once, entries included', async () => {
    const said = await give({
      cookies: ['_x_*'],
      consentMode: ['ad_storage'],
      scriptUrls: ['/gtag.js'],
      services: { name: 'Arviot', category: 'analytics' },
      categories: { reviews: ['Arviot', 'Tuotearviot'], chat: { title: 'Chat', description: 'Asiakaspalvelu' } },
    });
    expect(said.map((s) => s.replace(/ skipped\..*/, ''))).to.deep.equal([
      '[keksi] configure(): categories.reviews',
      '[keksi] configure(): cookies',
      '[keksi] configure(): consentMode',
      '[keksi] configure(): scriptUrls',
      '[keksi] configure(): services',
    ]);
    expect(Object.keys(options.categories)).to.deep.equal(['chat']);
  });

  it('a misspelt option is named with the known ones, and the rest applies', async () => {
    const said = await give({ servics: [{ name: 'Arviot', category: 'analytics' }], scriptUrl: { gtag: '/g.js' }, cookies: { analytics: ['_pk_id*'] } });
    expect(said.map((s) => s.replace(/ ignored\..*/, ''))).to.deep.equal([
      '[keksi] configure(): unknown option "servics"',
      '[keksi] configure(): unknown option "scriptUrl"',
    ]);
    expect(said[0]).to.include('Known: categories, services, cookies, consentMode, scriptUrls, platforms');
    expect(options.cookies.analytics).to.deep.equal(['_pk_id*']);
  });

  it('a list given instead of the options object is refused as a whole', async () => {
    const said = await give([{ categories: { reviews: { title: 'Arviot', description: 'Tuotearviot' } } }]);
    expect(said.map((s) => s.replace(/ ignored\..*/, ''))).to.deep.equal(['[keksi] configure() takes an object;']);
    expect(Object.keys(options.categories)).to.deep.equal([]);
  });
});
