/**
 * YouTube and Vimeo embeds gated with data-category get privacy-enhanced addresses when they load:
 * youtube-nocookie.com, Vimeo's dnt=1; `data-keep-url` opts out; other addresses are untouched.
 */
import { expect } from '@open-wc/testing';
import { mount } from '../helpers.js';

const SHOP = `<keksi-consent categories="marketing" no-reopen-button></keksi-consent>`;
const frame = (src: string, extra = '') => `<iframe data-category="marketing" data-src="${src}" ${extra} title="Video"></iframe>`;
const srcs = () => [...document.querySelectorAll('iframe[data-category]')].map((f) => f.getAttribute('src'));

describe('privacy-enhanced embeds', () => {
  it('rewrites YouTube to youtube-nocookie.com and adds dnt=1 to Vimeo (`?dnt=1`, or `&dnt=1` after its own parameters: no stray `&`), leaving other addresses as they are', async () => {
    const el = await mount(
      SHOP +
        frame('https://www.youtube.com/embed/dQw4w9WgXcQ?start=5') +
        frame('https://youtube.com/embed/abc') +
        frame('https://player.vimeo.com/video/76979871') +
        frame('https://player.vimeo.com/video/76979871?h=abc#t=10') +
        frame('https://player.vimeo.com/video/1?dnt=0') +
        frame('https://player.vimeo.com/video/3#t=10') +
        frame('/test/fixtures/holds-frame.html#other') +
        frame('https://www.youtube.com.evil.example/embed/x'),
    );
    el.acceptAll();
    expect(srcs()).to.deep.equal([
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=5',
      'https://www.youtube-nocookie.com/embed/abc',
      'https://player.vimeo.com/video/76979871?dnt=1',
      'https://player.vimeo.com/video/76979871?h=abc&dnt=1#t=10',
      'https://player.vimeo.com/video/1?dnt=0',
      'https://player.vimeo.com/video/3?dnt=1#t=10',
      '/test/fixtures/holds-frame.html#other',
      'https://www.youtube.com.evil.example/embed/x',
    ]);
  });

  it('data-keep-url keeps the address the shop wrote', async () => {
    const el = await mount(SHOP + frame('https://www.youtube.com/embed/abc', 'data-keep-url') + frame('https://player.vimeo.com/video/2', 'data-keep-url'));
    el.acceptAll();
    expect(srcs()).to.deep.equal(['https://www.youtube.com/embed/abc', 'https://player.vimeo.com/video/2']);
  });
});
