/**
 * The configurator's table of integrations: one row per tag attribute Keksi understands. The ID
 * pattern is Keksi's own (`ID_PATTERNS` in controller/config.ts) and the category is what Keksi's
 * `parseConfig()` adds for the attribute, so the table cannot drift from what Keksi validates. A new
 * tracker is one row: its attribute, an example ID and the vendor's documented snippet.
 */
import { ID_PATTERNS, parseConfig } from '../controller/config.js';

/** An attribute that names a tag's ID. */
export type TagAttribute = keyof typeof ID_PATTERNS;

/** One integration the configurator offers. */
export interface Integration {
  /** The attribute it sets (`ga` → `data-ga`), also the form field's name. */
  attr: TagAttribute;
  /** The product's name (a brand, not translated). */
  label: string;
  /** A valid example ID, shown as the field's placeholder. */
  example: string;
  /** The vendor's documented snippet for `id`, as the shop would paste it without Keksi. */
  snippet: (id: string) => string;
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
];

/** Whether `id` is a valid ID for `attr`, by Keksi's own pattern. */
export const validId = (attr: TagAttribute, id: string): boolean => ID_PATTERNS[attr].test(id.trim());

/** The category Keksi gives a tag (what `parseConfig()` adds when the page lacks it). */
export const categoryOf = (integration: Integration): string => parseConfig((name) => (name === integration.attr ? integration.example : null)).categories[0];

/**
 * A vendor's snippet gated the way the README documents it: every `<script>` of it becomes
 * `type="text/plain" data-category="…"`, so it runs only once the visitor accepts the category.
 */
export const gateSnippet = (snippet: string, category: string): string =>
  snippet.replace(/<script\b/g, `<script type="text/plain" data-category="${category}"`);
