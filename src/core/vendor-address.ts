/**
 * The cheap test (the controller's, and the core's before it holds the controller back on a returning visit) for a vendor's own script outside Keksi's gate (walk 3's N1): a part of
 * the address of any vendor Keksi integrates, matched before the messages' chunk (diagnostics.ts with ungated.ts) is
 * fetched, so a page without one never fetches it (issue 17). Loose on purpose (a word of each address,
 * 49 B less than the exact parts): a stray match costs that page the chunk, which then says nothing.
 * It must match every address part of ungated.ts's VENDOR_SCRIPTS (test/node/ungated.test.mjs).
 */
export const VENDOR_ADDRESS = /gtag\/|gtm\.|fbev|matomo|piwik|clarity|hotjar|bat\.bing|tiktok|pinimg|licdn/;
