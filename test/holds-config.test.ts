/**
 * Issue 11, "Consent that holds": the consent log goes only to the shop's own origin, and Keksi's
 * messages never throw into the page, whatever the page did to `console.warn`.
 */
import { expect } from '@open-wc/testing';
import { parseConfig } from '../src/controller/config.js';
import { guard, warn } from '../src/core/log.js';

const logUrl = (value: string) => {
  const config = parseConfig((name) => (name === 'log-url' ? value : null), ['log-url'], location.hostname);
  return [config.logUrl, config.problems];
};

describe('log-url: the shop\'s own endpoint only', () => {
  it('a relative URL or one on the page\'s origin is kept, resolved against the page', () => {
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

  it('when the page\'s console.warn throws', () => {
    console.warn = () => {
      throw new Error('a page that throws in console.warn');
    };
    expect(() => warn('holds: a message while console.warn throws')).not.to.throw();
    expect(guard('holds: failing work', () => {
      throw new Error('boom');
    }, 'fallback')).to.equal('fallback');
  });

  it('when a detail cannot be turned into text', () => {
    console.warn = (...args: unknown[]) => void args.map(String);
    const hostile = { toString: () => { throw new Error('no text'); } };
    expect(guard('holds: work that throws an object without text', () => {
      throw hostile;
    }, 7)).to.equal(7);
  });
});
