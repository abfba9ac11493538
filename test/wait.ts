/**
 * Waiting in the browser tests, in one place: for the promises Keksi itself holds (start-up, extras,
 * UI chunk, renders, animations), for events, or a bounded poll that fails naming what it waited for.
 * Never a fixed time: a busy machine makes a test slower, not wrong.
 */
import type { KeksiConsent } from '../src/controller/keksi-consent.js';

/** `promise`, or a failure naming `what` once `ms` have passed (the timer is a deadline, not a wait). */
export function within<T>(promise: Promise<T>, what: string, ms = 5000): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms)));
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** Check once a frame until `check` returns something truthy; fails after `ms` naming `what`. */
export async function until<T>(check: () => T, what = String(check), ms = 5000): Promise<T> {
  const end = performance.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => requestAnimationFrame(r));
  }
}

/** The next `type` event on `target`. */
export const nextEvent = <E extends Event = CustomEvent>(target: EventTarget, type: string, ms?: number): Promise<E> =>
  within(new Promise<E>((resolve) => target.addEventListener(type, (e) => resolve(e as E), { once: true })), `the event ${type}`, ms);

type Pending = { _postPaintLoading?: Promise<unknown>; _uiLoading?: Promise<unknown>; _ui?: { _embedChunk?: Promise<unknown>; _dialog?: Promise<unknown> } };

/** Every element under `root`, shadow roots included. */
function deep(root: ParentNode): Element[] {
  const all: Element[] = [];
  for (const el of root.querySelectorAll('*')) all.push(el, ...(el.shadowRoot ? deep(el.shadowRoot) : []));
  return all;
}

/**
 * Wait until Keksi has done what it started: its start-up, the extras (integrations, reopen button), the
 * UI chunk and whatever was waiting for it, the placeholders' and the dialog's chunks, every pending render (a render may schedule another), and
 * the entry animations (colours fade in: measure after them).
 */
export async function settled(el?: KeksiConsent | null): Promise<void> {
  if (el) {
    const pending = el as unknown as Pending;
    await within(el.ready, 'keksi-consent ready');
    await within(Promise.resolve(pending._postPaintLoading), 'the post-paint work');
    // Awaited after the callers' own `.then`s on it, so what they do with the UI has been done.
    await within(Promise.resolve(pending._uiLoading), 'the UI chunk');
    // The placeholders' chunk (fetched for the first blocked iframe) and the placeholders it then puts in.
    await within(
      Promise.resolve(pending._ui?._embedChunk).catch(() => {}),
      'the placeholders chunk',
    );
    // The dialog's chunk and its texts, once asked for: preferences() (awaiting it first) has put the dialog in.
    await within(
      Promise.resolve(pending._ui?._dialog).catch(() => {}),
      'the dialog chunk',
    );
  }
  for (let round = 0, before: unknown[] = []; ; round++) {
    const updates = deep(document)
      .map((e) => (e as { updateComplete?: Promise<unknown> }).updateComplete)
      .filter(Boolean);
    if (updates.length === before.length && updates.every((u, i) => u === before[i])) break;
    if (round > 20) throw new Error('renders keep scheduling renders');
    await within(Promise.all(updates), 'pending renders');
    before = updates;
  }
  const animations = [
    document,
    ...deep(document)
      .map((e) => e.shadowRoot)
      .filter(Boolean),
  ].flatMap((r) => r!.getAnimations());
  await within(Promise.all(animations.map((a) => a.finished.catch(() => {}))), 'the entry animations');
}

/**
 * Wait until the gate has worked through its queue: a necessary gated script added now runs after
 * everything already queued, so once it has run, whatever was going to run before it has.
 */
export async function gateDone(): Promise<void> {
  const marker = document.createElement('script');
  marker.type = 'text/plain';
  marker.dataset.category = 'necessary';
  const id = 'gate-done-' + Math.random().toString(36).slice(2);
  marker.text = `window.__gateDone = '${id}'`;
  document.body.append(marker);
  await until(() => (window as { __gateDone?: string }).__gateDone === id, 'the gate to run a marker script queued last');
  marker.remove();
  for (const copy of document.querySelectorAll('script[data-keksi]')) if (copy.textContent?.includes(id)) copy.remove();
}
