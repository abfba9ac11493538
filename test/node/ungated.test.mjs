// Walk 3's N1 and issue 17: the controller fetches the ungated-vendor message (in the diagnostics chunk)
// only when its cheap test, VENDOR_ADDRESS, finds a vendor's address in the page. That test must find
// every address the message knows, or a vendor's ungated script would go unnamed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VENDOR_SCRIPTS } from '../../dist/esm/controller/ungated.js';
import { VENDOR_ADDRESS } from '../../dist/esm/core/vendor-address.js';

test("the controller's cheap test matches every vendor address the ungated-script message knows", () => {
  assert.ok(VENDOR_SCRIPTS.length >= 12, 'the vendors Keksi integrates');
  assert.deepEqual(
    VENDOR_SCRIPTS.map(([part]) => part).filter((part) => !VENDOR_ADDRESS.test(`https://vendor.example/${part}?id=1`)),
    [],
  );
});

test("the controller's cheap test does not match Keksi's own files or a plain shop's", () => {
  const addresses = ['/dist/keksi.mjs', '/dist/chunks/controller-AbCd_123.mjs', '/dist/chunks/texts-fi-_rbBTzED.mjs', '/shop.js', '/test/pages/plain-esm.html'];
  assert.deepEqual(
    addresses.filter((a) => VENDOR_ADDRESS.test(a)),
    [],
  );
});
