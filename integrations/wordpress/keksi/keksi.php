<?php
/**
 * Plugin Name: Keksi cookie consent
 * Description: Keksi's consent banner on every page, with its settings under Settings → Keksi. Keksi tells the WP Consent API every decision, so plugins that support the API follow the visitor's choice.
 * Version: 0.1.0
 * Requires at least: 6.0
 * Requires PHP: 7.4
 * License: MIT
 * Text Domain: keksi
 *
 * @package Keksi
 */

defined( 'ABSPATH' ) || exit;

/**
 * The attributes of <keksi-consent> this plugin's settings give, as data-* of the script tag. Each is
 * an attribute in Keksi's custom-elements.json (test/node/wordpress.test.mjs checks it).
 */
const KEKSI_ATTRIBUTES = array(
	'categories'  => 'Optional categories, space-separated (preferences analytics marketing)',
	'ga'          => 'GA4 measurement IDs (G-…)',
	'gtm'         => 'Tag Manager containers (GTM-…)',
	'google-ads'  => 'Google Ads IDs (AW-…)',
	'meta-pixel'  => 'Meta pixel IDs',
	'lang'        => 'fi, sv or en (empty: the page language)',
	'notice-url'  => 'Address of the privacy notice',
	'position'    => 'bottom, top or center',
);

/** The script's address: keksi.mjs (and its chunks/ folder) copied into this plugin's folder, or another one. */
function keksi_options() {
	$saved = get_option( 'keksi_options', array() );
	return wp_parse_args( is_array( $saved ) ? $saved : array(), array( 'src' => plugins_url( 'keksi.mjs', __FILE__ ) ) );
}

/** Keksi's script tag, early in <head>, every attribute escaped. */
function keksi_print_script_tag() {
	$options = keksi_options();
	$tag     = '<script type="module" src="' . esc_url( $options['src'] ) . '" data-platform="wordpress"';
	foreach ( array_keys( KEKSI_ATTRIBUTES ) as $name ) {
		if ( isset( $options[ $name ] ) && '' !== $options[ $name ] ) {
			$tag .= ' data-' . $name . '="' . esc_attr( $options[ $name ] ) . '"';
		}
	}
	echo $tag . "></script>\n"; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- each part escaped above.
}
add_action( 'wp_head', 'keksi_print_script_tag', 1 );

// A consent banner for the WP Consent API (its readme: "declare compliance with consent level API").
add_filter( 'wp_consent_api_registered_' . plugin_basename( __FILE__ ), '__return_true' );

/**
 * The consent type is opt-in from the first byte: the WP Consent API's wp_has_consent() (PHP, and in
 * JS through its consent_api.consent_type fallback) then allows a category only after Keksi has set it
 * to "allow". Without it, everything counts as allowed until Keksi's script has run.
 */
function keksi_consent_type() {
	return 'optin';
}
add_filter( 'wp_get_consent_type', 'keksi_consent_type' );

/** Keep only text; Keksi validates every value again and says what it ignored in the console. */
function keksi_sanitize( $input ) {
	$clean = array();
	if ( ! is_array( $input ) ) {
		return $clean;
	}
	foreach ( array_merge( array( 'src' ), array_keys( KEKSI_ATTRIBUTES ) ) as $name ) {
		if ( isset( $input[ $name ] ) ) {
			$clean[ $name ] = 'src' === $name || 'notice-url' === $name ? esc_url_raw( $input[ $name ] ) : sanitize_text_field( $input[ $name ] );
		}
	}
	return $clean;
}

/** Settings → Keksi: one text field an attribute, through the Settings API. */
function keksi_register_settings() {
	register_setting( 'keksi', 'keksi_options', array( 'sanitize_callback' => 'keksi_sanitize' ) );
	add_settings_section( 'keksi_main', 'Keksi', '__return_false', 'keksi' );
	$fields = array_merge( array( 'src' => 'Address of keksi.mjs' ), KEKSI_ATTRIBUTES );
	foreach ( $fields as $name => $label ) {
		add_settings_field(
			'keksi_' . $name,
			esc_html( $label ),
			function () use ( $name ) {
				$options = keksi_options();
				$value   = isset( $options[ $name ] ) ? $options[ $name ] : '';
				printf( '<input type="text" class="regular-text" name="keksi_options[%s]" value="%s">', esc_attr( $name ), esc_attr( $value ) );
			},
			'keksi',
			'keksi_main'
		);
	}
}
add_action( 'admin_init', 'keksi_register_settings' );

/** The settings page. */
function keksi_settings_page() {
	echo '<div class="wrap"><form method="post" action="options.php">';
	settings_fields( 'keksi' );
	do_settings_sections( 'keksi' );
	submit_button();
	echo '</form></div>';
}
add_action(
	'admin_menu',
	function () {
		add_options_page( 'Keksi', 'Keksi', 'manage_options', 'keksi', 'keksi_settings_page' );
	}
);
