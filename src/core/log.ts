/**
 * Developer messages. Everything Keksi says to a developer goes through here, prefixed `[keksi]`,
 * and each distinct message is said once per page so a bad attribute does not flood the console.
 */
const said = new Set<string>();

/** Warn once about bad input or a fault, with what Keksi did instead. */
export function warn(message: string, ...details: unknown[]): void {
  if (said.has(message)) return;
  said.add(message);
  try {
    console.warn('[keksi] ' + message, ...details);
  } catch {
    // A page's console.warn that throws (or a detail that cannot be shown) must not reach the page.
  }
}

/** Tests only (tree-shaken from the bundles): forget what was said, so the next test hears its own messages. */
export const forgetWarnings = (): void => said.clear();

/**
 * Run `fn` and turn any exception into a `[keksi]` warning: Keksi never throws into the host page
 * (nor does warn() itself).
 * Returns `fallback` when `fn` throws.
 */
export function guard<T>(what: string, fn: () => T, fallback?: T): T {
  try {
    return fn();
  } catch (error) {
    warn(what + ' failed', error);
    return fallback as T;
  }
}
