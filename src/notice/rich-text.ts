/**
 * Plain text to Lit templates: paragraphs, "- " lists, **bold**, [text](url), bare links and e-mail
 * addresses. Everything is bound as text or as an href checked by `safeHref`: data never becomes HTML.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';

/** The URL if it is an absolute http(s), mailto or tel link without control characters, else null. */
export function safeHref(url: string): string | null {
  const u = url.trim();
  return !/[\x00-\x20]/.test(u) && /^(https?:\/\/|mailto:|tel:)/i.test(u) ? u : null;
}

const INLINE = /\*\*(.+?)\*\*|\[([^\]]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s<>()]*[^\s<>().,;:!?'"])|([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/g;

function inline(text: string): (string | TemplateResult)[] {
  const out: (string | TemplateResult)[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    out.push(text.slice(last, m.index));
    last = m.index! + m[0].length;
    const [, bold, label, url, bare, email] = m;
    const href = safeHref(url ?? bare ?? (email ? 'mailto:' + email : ''));
    if (bold) out.push(html`<strong>${bold}</strong>`);
    else if (href) out.push(html`<a href=${href}>${label ?? bare ?? email}</a>`);
    else out.push(label ?? m[0]);
  }
  out.push(text.slice(last));
  return out;
}

/** Render text as paragraphs and lists. */
export function richText(text: string | undefined): TemplateResult | typeof nothing {
  if (!text) return nothing;
  const blocks = text.replace(/\r/g, '').split(/\n\s*\n/).map((b) => b.split('\n').map((l) => l.trim()).filter(Boolean)).filter((b) => b.length);
  return html`${blocks.map((lines) => {
    const items = lines.filter((l) => /^[-•*] /.test(l));
    if (items.length === lines.length) return html`<ul>${items.map((l) => html`<li>${inline(l.slice(2))}</li>`)}</ul>`;
    if (items.length && !/^[-•*] /.test(lines[0])) {
      const head = lines.slice(0, lines.length - items.length);
      if (lines.slice(head.length).every((l) => /^[-•*] /.test(l))) {
        return html`<p>${inline(head.join(' '))}</p><ul>${items.map((l) => html`<li>${inline(l.slice(2))}</li>`)}</ul>`;
      }
    }
    return html`<p>${inline(lines.join(' '))}</p>`;
  })}`;
}
