/**
 * Plain text to Lit templates: paragraphs, "- " lists, "1. " numbered lists, **bold**, [text](url), bare links and e-mail
 * addresses. Everything is bound as text or as an href checked by `safeHref`: data never becomes HTML.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';

/** The URL if it is an absolute http(s), mailto or tel link without control characters, else null. */
export function safeHref(url: string): string | null {
  const u = url.trim();
  return !/[\x00-\x20]/.test(u) && /^(https?:\/\/|mailto:|tel:)/i.test(u) ? u : null;
}

const WS = /\s/g;
const URL = /https?:\/\/[^\s<>()]*[^\s<>().,;:!?'"]/y;
const MAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/y;
const LOCAL = /[\w.+-]*/y;

const link = (url: string, label: string) => {
  const href = safeHref(url);
  return href ? html`<a href=${href}>${label}</a>` : label;
};

/**
 * `**bold**`, `[text](url)`, bare links and e-mail addresses, in one pass (what the alternation
 * `\*\*(.+?)\*\*|\[([^\]]+)\]\(([^)\s]+)\)|https?:…|[\w.+-]+@…` matched). Linear in the text's
 * length: a delimiter's next position is searched once and reused while it lies ahead, the sticky
 * patterns never reach past one link or address, and an e-mail address is tried once per run of
 * its characters. The regex this replaces backtracked from every position of a long word, bracket
 * run or dotted run: seconds for 20,000 characters.
 */
function inline(text: string): (string | TemplateResult)[] {
  const out: (string | TemplateResult)[] = [];
  const found: Record<string, number> = {};
  // The next `s` (' ' for any whitespace) at or after `from`; `from` only grows.
  const next = (s: string, from: number): number =>
    found[s] >= from || found[s] < 0 ? found[s] : (found[s] = s > ' ' ? text.indexOf(s, from) : ((WS.lastIndex = from), WS.test(text) ? WS.lastIndex - 1 : -1));
  const at = (re: RegExp, k: number) => ((re.lastIndex = k), re.exec(text)?.[0]);
  const mark = (length: number, part: string | TemplateResult) => {
    out.push(text.slice(last, i), part);
    last = i += length;
  };
  let last = 0;
  let i = 0;
  let noMail = 0;
  let j: number;
  let end: number;
  let w: number;
  let m: string | undefined;
  while (i < text.length) {
    if (text.startsWith('**', i) && (end = next('**', i + 3)) > 0) mark(end + 2 - i, html`<strong>${text.slice(i + 2, end)}</strong>`);
    else if (
      text[i] == '[' &&
      (j = next(']', i + 1)) > i + 1 &&
      text[j + 1] == '(' &&
      (end = next(')', j + 2)) > j + 2 &&
      ((w = next(' ', j + 2)) < 0 || w > end)
    ) {
      mark(end + 1 - i, link(text.slice(j + 2, end), text.slice(i + 1, j)));
    } else if (text[i] == 'h' && (m = at(URL, i))) mark(m.length, link(m, m));
    // An address is tried once per run of the characters it starts with, at the run's start.
    else if (i >= noMail && (noMail = i + at(LOCAL, i)!.length) > i && (m = at(MAIL, i))) mark(m.length, link('mailto:' + m, m));
    else i++;
  }
  out.push(text.slice(last));
  return out;
}

const BULLET = /^[-•*] /;
const NUMBERED = /^(\d{1,3})[.)] /;
/** 'ul' for a "- " item, 'ol' for a "1. " or "1) " item, '' for a plain line. */
const listKind = (line: string) => (BULLET.test(line) ? 'ul' : NUMBERED.test(line) ? 'ol' : '');

function list(kind: string, items: string[]): TemplateResult {
  const li = items.map((l) => html`<li>${inline(l.replace(kind == 'ul' ? BULLET : NUMBERED, ''))}</li>`);
  if (kind == 'ul') return html`<ul>${li}</ul>`;
  const start = Number(NUMBERED.exec(items[0])![1]);
  return html`<ol start=${start === 1 ? nothing : start}>${li}</ol>`;
}

/** Render text as paragraphs and lists: "- " items, and "1. " or "1) " items (numbered lists keep their numbers). */
export function richText(text: string | undefined): TemplateResult | typeof nothing {
  if (!text) return nothing;
  const blocks = text
    .replace(/\r/g, '')
    .split(/\n\s*\n/)
    .map((b) =>
      b
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .filter((b) => b.length);
  return html`${blocks.map((lines) => {
    // A block ending in items of one kind, with no item of that kind before them, is a lead-in and a list.
    const kind = listKind(lines[lines.length - 1]);
    let head = lines.length;
    while (kind && head > 0 && listKind(lines[head - 1]) === kind) head--;
    if (kind && !lines.slice(0, head).some((l) => listKind(l) === kind)) {
      return html`${head ? html`<p>${inline(lines.slice(0, head).join(' '))}</p>` : nothing}${list(kind, lines.slice(head))}`;
    }
    return html`<p>${inline(lines.join(' '))}</p>`;
  })}`;
}
