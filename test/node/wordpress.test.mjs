// The WordPress plugin (integrations/wordpress/keksi/): every PHP file passes `php -l` (Debian's
// php-cli; .ci/run installs it), and the attributes its settings give are attributes of
// <keksi-consent> in the custom-elements manifest (one source of truth: a renamed attribute fails here).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const DIR = 'integrations/wordpress';
const php = readdirSync(DIR, { recursive: true })
  .filter((f) => f.endsWith('.php'))
  .map((f) => join(DIR, f));

test('every PHP file of the WordPress plugin passes php -l', () => {
  assert.ok(php.length > 0, 'the plugin has PHP files');
  for (const file of php) {
    const run = spawnSync('php', ['-l', file], { encoding: 'utf8' });
    assert.equal(run.error, undefined, 'php-cli is installed (apt-get install php-cli)');
    assert.equal(run.status, 0, `${file}: ${run.stdout}${run.stderr}`);
  }
});

test("the plugin's settings are attributes of <keksi-consent> in the manifest", () => {
  const source = readFileSync(join(DIR, 'keksi/keksi.php'), 'utf8');
  const block = /const KEKSI_ATTRIBUTES = array\(([\s\S]*?)\n\);/.exec(source)[1];
  const plugin = [...block.matchAll(/^\s*'([a-z-]+)'\s*=>/gm)].map((m) => m[1]);
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const element = manifest.modules.flatMap((m) => m.declarations || []).find((d) => d.tagName === 'keksi-consent');
  const known = element.attributes.map((a) => a.name);
  assert.deepEqual(plugin, ['categories', 'ga', 'gtm', 'google-ads', 'meta-pixel', 'lang', 'notice-url', 'position']);
  for (const name of plugin) assert.ok(known.includes(name), `${name} is an attribute of <keksi-consent>`);
  // The plugin names the platform itself, so Keksi drives the WP Consent API even before its script loads.
  assert.ok(known.includes('platform') && source.includes('data-platform="wordpress"'));
  // Every value printed is escaped.
  assert.match(source, /esc_attr\( \$options\[ \$name \] \)/);
  assert.match(source, /add_filter\( 'wp_consent_api_registered_' \. plugin_basename\( __FILE__ \), '__return_true' \)/);
});

test('the plugin makes the consent type opt-in on the server, before any script runs', () => {
  // Without a consent type the WP Consent API answers "allowed" for every category (PHP's
  // wp_has_consent() and, through consent_api.consent_type, the JS fallback) until Keksi's platforms
  // chunk has set window.wp_consent_type: the filter makes both wait for an "allow" from the start.
  const source = readFileSync(join(DIR, 'keksi/keksi.php'), 'utf8');
  assert.match(source, /add_filter\(\s*'wp_get_consent_type',\s*'keksi_consent_type'\s*\)/);
  assert.match(source, /function keksi_consent_type\(\) \{\s*return 'optin';\s*\}/);
});
