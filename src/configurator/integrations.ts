/**
 * The configurator's table of integrations: one row per tag attribute Keksi understands. An ID is
 * checked as Keksi checks it (`ID_PATTERNS` in controller/config.ts for Google and Meta, `parseTrackers()`
 * of integrations/trackers.ts for the other trackers; this bundle takes only that
 * function, not the vendors' modules) and the category is what Keksi's `parseConfig()`
 * adds for the attribute, so the table cannot drift from what Keksi validates. A new tracker is one row:
 * its attribute, an example ID and, when the shop may paste it instead, the vendor's documented snippet
 * (a test fails while an attribute of Keksi's has no row).
 */
import { ID_PATTERNS, parseConfig } from '../controller/config.js';
import { parseTrackers } from '../integrations/trackers.js';

/** An attribute that names a tag's ID: Google's and Meta's, then the trackers' (controller/config.ts TRACKERS). */
export type TagAttribute = keyof typeof ID_PATTERNS | 'matomo' | 'clarity' | 'hotjar' | 'uet' | 'tiktok-pixel' | 'pinterest-tag' | 'linkedin-partner';

/** One integration the configurator offers. */
export interface Integration {
  /** The attribute it sets (`ga` → `data-ga`), also the form field's name. */
  attr: TagAttribute;
  /** The product's name (a brand, not translated). */
  label: string;
  /** A valid example ID, shown as the field's placeholder. */
  example: string;
  /** An example of the tracker's base URL when its value is the URL and then the ID (Matomo): the form asks for both. */
  url?: string;
  /**
   * The vendor's documented snippet for `id`, as the shop would paste it without Keksi. Without one, Keksi
   * loads the tracker from its attribute in either setup (it also tells the tracker of later withdrawals).
   */
  snippet?: (id: string) => string;
}

const gtag = (id: string) => `<!-- Google tag (gtag.js) -->
<script async src="https://www.googletagmanager.com/gtag/js?id=${id}"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){dataLayer.push(arguments);}
  gtag('js', new Date());

  gtag('config', '${id}');
</script>`;

/** Every integration, in the order the form shows them. */
export const INTEGRATIONS: readonly Integration[] = [
  { attr: 'ga', label: 'Google Analytics 4', example: 'G-ABC123DEF4', snippet: gtag },
  { attr: 'google-ads', label: 'Google Ads', example: 'AW-123456789', snippet: gtag },
  {
    attr: 'gtm',
    label: 'Google Tag Manager',
    example: 'GTM-ABC1234',
    snippet: (id) => `<!-- Google Tag Manager -->
<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':
new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],
j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src=
'https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);
})(window,document,'script','dataLayer','${id}');</script>
<!-- End Google Tag Manager -->`,
  },
  {
    attr: 'meta-pixel',
    label: 'Meta pixel',
    example: '1234567890123456',
    snippet: (id) => `<!-- Meta Pixel Code -->
<script>
!function(f,b,e,v,n,t,s)
{if(f.fbq)return;n=f.fbq=function(){n.callMethod?
n.callMethod.apply(n,arguments):n.queue.push(arguments)};
if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';
n.queue=[];t=b.createElement(e);t.async=!0;
t.src=v;s=b.getElementsByTagName(e)[0];
s.parentNode.insertBefore(t,s)}(window, document,'script',
'https://connect.facebook.net/en_US/fbevents.js');
fbq('init', '${id}');
fbq('track', 'PageView');
</script>
<!-- End Meta Pixel Code -->`,
  },
  { attr: 'matomo', label: 'Matomo', example: '3', url: 'https://stats.example.fi/' },
  { attr: 'clarity', label: 'Microsoft Clarity', example: 'abcdefghij' },
  { attr: 'hotjar', label: 'Hotjar', example: '1234567' },
  { attr: 'uet', label: 'Microsoft Advertising (UET)', example: '12345678' },
  { attr: 'tiktok-pixel', label: 'TikTok pixel', example: 'CABCDEFGHIJ1234567' },
  { attr: 'pinterest-tag', label: 'Pinterest tag', example: '2612345678901' },
  { attr: 'linkedin-partner', label: 'LinkedIn Insight', example: '123456' },
];

/** The attribute's value for an ID (and, for Matomo, its base URL): what Keksi reads. */
export const attributeValue = (attr: TagAttribute, id: string, url = ''): string => (url.trim() ? `${url.trim()} ${id.trim()}` : id.trim());

/** Whether `id` (with `url` where the tracker needs one) is valid for `attr`, checked as Keksi checks it. */
export const validId = (attr: TagAttribute, id: string, url = ''): boolean =>
  attr in ID_PATTERNS
    ? ID_PATTERNS[attr as keyof typeof ID_PATTERNS].test(id.trim())
    : attr in parseTrackers({ [attr]: { value: attributeValue(attr, id, url), category: '' } }, () => {});

/** The category Keksi gives a tag (what `parseConfig()` adds when the page lacks it). */
export const categoryOf = (integration: Integration): string =>
  parseConfig((name) => (name === integration.attr ? attributeValue(integration.attr, integration.example, integration.url) : null)).categories[0];

/**
 * A vendor's snippet gated the way the README documents it: every `<script>` of it becomes
 * `type="text/plain" data-category="…"`, so it runs only once the visitor accepts the category.
 */
export const gateSnippet = (snippet: string, category: string): string =>
  snippet.replace(/<script\b/g, `<script type="text/plain" data-category="${category}"`);
