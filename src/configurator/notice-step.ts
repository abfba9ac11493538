/**
 * `<keksi-notice-step>`: the configurator's step 4, the privacy notice. Starts from the shop's current
 * notice pasted as text (Keksi's importer, the one `keksi import` runs) or from a template; the form
 * follows the notice format's sections; the checker (`keksi check`'s) runs on every change and each
 * finding is shown beside the field it concerns and tied to it with `aria-describedby`. The cookie
 * section is what Keksi generates from step 2. Outputs: notice.json and a ready tietosuojaseloste.html.
 * Light DOM, inside the configurator's form; its draft lives in the configurator's state (`notice`).
 *
 * @fires notice-change - the draft changed; `detail` is its JSON
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { copyOutput, downloadFile } from './copy.js';
import { customElement, property, state } from 'lit/decorators.js';
import { LANGS } from '../controller/config.js';
import { texts, type ConfiguratorLang } from '../i18n/configurator.js';
import { translations } from '../i18n/all.js';
import { noticeTexts } from '../i18n/notice.js';
import type { Finding } from '../notice/check.js';
import { importNotice } from '../notice/import.js';
import { LEGAL_BASES, TRANSFER_MECHANISMS, type Notice } from '../notice/types.js';
import { serviceDetails } from '../ui/service-details.js';
import { folder, type State } from './model.js';
import { cookieViews, finalNotice, noticeFindings, noticeLang, noticePage, proposedRetention, readDraft, shopValue, templateNotice } from './notice-model.js';

/** The field each checker section's findings are shown beside; the others are shown at the top. */
const SECTION_FIELD: Record<string, string> = {
  title: 'title',
  updated: 'updated',
  controller: 'controller.name',
  purposes: 'purposes',
  data: 'data',
  sources: 'sources',
  recipients: 'recipients.text',
  transfers: 'transfers.text',
  security: 'security.text',
  retention: 'retention',
  rights: 'rights.text',
  required: 'required',
  automated: 'automated',
  cookies: 'cookies',
};
const ICON = { error: '✖', warning: '⚠', info: 'ℹ' };

type Path = (string | number)[];
const toPath = (path: string): Path => path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));

const styles = `
keksi-notice-step { display: block; }
keksi-notice-step textarea.prose { font-family: inherit; font-size: 1rem; white-space: pre-wrap; }
keksi-notice-step fieldset fieldset { margin: 0 0 1rem; }
keksi-notice-step h3 { font-size: 1.0625rem; margin: 1.5rem 0 0.5rem; }
keksi-notice-step .findings { list-style: none; margin: 0.25rem 0 0.75rem; padding: 0; }
keksi-notice-step .findings li { margin: 0 0 0.375rem; padding: 0.25rem 0.5rem; border-left: 4px solid #6e6e73; overflow-wrap: anywhere; }
keksi-notice-step .findings li.error { border-left: 4px double #b00020; }
keksi-notice-step .findings li.warning { border-left: 4px dashed #8a5300; }
keksi-notice-step .findings li.info { border-left: 4px dotted #1a5fb4; }
keksi-notice-step .severity { font-weight: 700; }
keksi-notice-step .ref { color: #53535a; }
keksi-notice-step .summary { font-weight: 700; }
keksi-notice-step .check-this { border-left: 4px solid #8a5300; padding-left: 0.5rem; font-weight: 600; }
keksi-notice-step .bases label, keksi-notice-step .check { display: flex; gap: 0.5rem; align-items: center; font-weight: 400; min-height: 2.75rem; }
/* As specific as the configurator's rule that makes its inputs full width, and later. */
keksi-notice-step input[type=checkbox][name] { width: 1.25rem; height: 1.25rem; flex: none; margin: 0; }
keksi-notice-step .cookie-preview ul { padding-left: 1.25rem; }
keksi-notice-step .cookie-preview .service span { display: block; overflow-wrap: anywhere; }
keksi-notice-step .cookie-preview code { overflow-wrap: anywhere; }
@media (forced-colors: active) { keksi-notice-step .findings li, keksi-notice-step .check-this { border-left-color: CanvasText; } }
`;

@customElement('keksi-notice-step')
export class KeksiNoticeStep extends LitElement {
  @state() private _source = '';
  @state() private _status = '';
  /** The sections whose disclosure the person opened. */
  @state() private _opened = new Set<string>();

  /** Steps 1–3 and the draft (`state.notice`), from the configurator. */
  @property({ attribute: false }) state!: State;
  /** The configurator's language. */
  @property({ attribute: false }) ui: ConfiguratorLang = 'fi';

  override createRenderRoot() {
    return this;
  }

  private get _draft(): Notice | null {
    return this.state ? readDraft(this.state) : null;
  }

  private _emit(draft: Notice) {
    this.dispatchEvent(new CustomEvent('notice-change', { detail: JSON.stringify(draft) }));
  }

  private _start(e: Event) {
    const t = texts[this.ui].notice;
    const how = (e.currentTarget as HTMLElement).dataset.start;
    if (how === 'template') {
      this._emit(templateNotice(this.state, noticeLang(null, this.state, this.ui)));
      this._status = t.started;
    } else if (!this._source.trim()) {
      this._status = t.importEmpty;
    } else {
      const { notice, mapped } = importNotice(this._source);
      this._emit(notice);
      this._status = t.imported(mapped.length);
    }
  }

  /** The draft's value at `path`; a text in several languages shows the notice's language. */
  private _get(draft: Notice, path: string): unknown {
    const v = toPath(path).reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string | number, unknown>)[k] : undefined), draft);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>)[noticeLang(draft, this.state, this.ui)] : v;
  }

  /** A copy of the draft with `value` at `path` (a text in several languages changes in the notice's language only). */
  private _with(draft: Notice, path: string, value: unknown): Notice {
    const copy = JSON.parse(JSON.stringify(draft)) as Notice;
    const keys = toPath(path);
    let o = copy as unknown as Record<string | number, unknown>;
    for (const [i, k] of keys.slice(0, -1).entries()) {
      if (!o[k] || typeof o[k] !== 'object') o[k] = typeof keys[i + 1] === 'number' ? [] : {};
      o = o[k] as Record<string | number, unknown>;
    }
    const last = keys[keys.length - 1];
    const old = o[last];
    if (typeof value === 'string' && old && typeof old === 'object' && !Array.isArray(old))
      (old as Record<string, string>)[noticeLang(copy, this.state, this.ui)] = value;
    else if (value === undefined) delete o[last];
    else o[last] = value;
    return copy;
  }

  private _edit(path: string, value: unknown) {
    const draft = this._draft;
    if (draft) this._emit(this._with(draft, path, value));
  }

  private _onInput(e: Event) {
    const el = e.target as HTMLInputElement;
    const path = el.name.replace(/^notice\./, '');
    this._edit(path, path.endsWith('.country') ? el.value.toUpperCase() : el.value);
  }

  private _onBasis(e: Event, index: number) {
    const draft = this._draft!;
    const el = e.target as HTMLInputElement;
    const bases = [draft.purposes?.[index]?.basis || []].flat().filter((b) => b !== el.value);
    if (el.checked) bases.push(el.value as never);
    this._edit(
      `purposes.${index}.basis`,
      LEGAL_BASES.filter((b) => bases.includes(b)),
    );
  }

  private async _add(list: 'purposes' | 'recipients.list' | 'sections') {
    const draft = this._draft!;
    const items = (this._get(draft, list) as unknown[]) || [];
    const empty = list === 'purposes' ? { purpose: '' } : list === 'sections' ? { title: '', text: '' } : { name: '' };
    this._edit(list, [...items, empty]);
    await this.updateComplete;
    this.querySelector<HTMLElement>(`[data-list="${list}"]:last-of-type textarea, [data-list="${list}"]:last-of-type input`)?.focus();
  }

  private async _remove(list: 'purposes' | 'recipients.list' | 'sections', index: number) {
    const draft = this._draft!;
    this._edit(
      list,
      ((this._get(draft, list) as unknown[]) || []).filter((_, i) => i !== index),
    );
    // The button pressed is gone: focus goes to the list's "add" button, never to the page.
    await this.updateComplete;
    this.querySelector<HTMLElement>(`button[data-add="${list}"]`)?.focus();
  }

  private async _copy(e: Event) {
    await copyOutput(this, e);
    this._status = texts[this.ui].copied;
  }

  /** The findings of `section`, as a list a field names in `aria-describedby`; each severity told in words, not by colour. */
  private _findings(id: string, list: Finding[], general = false): TemplateResult | typeof nothing {
    if (!list.length) return nothing;
    const t = texts[this.ui].notice;
    return html`<ul class="findings${general ? ' general' : ''}" id=${id}>
      ${list.map(
        (f) =>
          html`<li class=${f.severity} data-rule=${f.rule}>
            <span aria-hidden="true">${ICON[f.severity]}</span> <span class="severity">${t.severity[f.severity]}:</span>
            <span class="message">${f.message[this.ui]}</span> <span class="ref">(${f.reference})</span>
          </li>`,
      )}
    </ul>`;
  }

  /**
   * A text field of the notice at `path`. With `findings`, the checker's findings for it follow the
   * field and describe it; an error marks it invalid.
   */
  private _field(
    draft: Notice,
    path: string,
    label: string,
    options: {
      multiline?: boolean;
      type?: string;
      hint?: string;
      /** A hint shown elsewhere that describes this field too (step 1's note on the controller). */
      describedBy?: string;
      /** The hint marks a default for the shop to check. */
      check?: boolean;
      findings?: Finding[];
      placeholder?: string;
      autocomplete?: string;
    } = {},
  ) {
    const id = 'n-' + path.replace(/\./g, '-');
    const found = options.findings || [];
    const describedBy = [options.describedBy || '', options.hint ? `${id}-hint` : '', found.length ? `${id}-findings` : ''].filter(Boolean).join(' ');
    const value = String(this._get(draft, path) ?? '');
    const common = {
      invalid: found.some((f) => f.severity === 'error') ? 'true' : 'false',
    };
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${
        options.hint
          ? html`<p class="hint${options.check ? ' check-this' : ''}" id="${id}-hint">
              ${options.check ? html`<span aria-hidden="true">⚑</span> ` : nothing}${options.hint}
            </p>`
          : nothing
      }
      ${
        options.multiline
          ? html`<textarea
              class="prose"
              id=${id}
              name="notice.${path}"
              rows=${Math.min(12, Math.max(3, Math.ceil(value.length / 70) + value.split('\n').length))}
              .value=${value}
              aria-invalid=${common.invalid}
              aria-describedby=${describedBy || nothing}
              @input=${this._onInput}
            ></textarea>`
          : html`<input
              id=${id}
              name="notice.${path}"
              type=${options.type || 'text'}
              .value=${value}
              placeholder=${options.placeholder || nothing}
              autocomplete=${options.autocomplete || 'off'}
              aria-invalid=${common.invalid}
              aria-describedby=${describedBy || nothing}
              @input=${this._onInput}
            />`
      }
      ${this._findings(`${id}-findings`, found)}
    </div>`;
  }

  private _party(draft: Notice, who: 'controller' | 'contact' | 'dpo' | 'representative', findings: Finding[]) {
    const t = texts[this.ui].notice;
    // The controller's fields that step 1 fills: shown with its value until the form changes them, each
    // described by one note (walk 3: the same sentence under four fields was read four times).
    const fromStep1 = (field: 'name' | 'businessId' | 'address' | 'email') =>
      who === 'controller' && draft.controller?.[field] === undefined && !!shopValue(this.state, field);
    const step1 = (['name', 'businessId', 'address', 'email'] as const).some(fromStep1);
    const shown = (field: 'name' | 'businessId' | 'address' | 'email') => (fromStep1(field) ? 'n-controller-step1' : undefined);
    const view = who === 'controller' ? { ...draft, controller: finalNotice(draft, this.state).controller } : draft;
    return html`${step1 ? html`<p class="hint" id="n-controller-step1">${t.fromStep1}</p>` : nothing}
    ${this._field(view, `${who}.name`, t.partyName, { findings, describedBy: shown('name'), autocomplete: 'organization' })}
    ${who === 'controller' ? this._field(view, 'controller.legalForm', t.legalForm) : nothing}
    ${who === 'controller' ? this._field(view, 'controller.businessId', t.businessId, { describedBy: shown('businessId') }) : nothing}
    ${this._field(view, `${who}.address`, t.address, { multiline: true, describedBy: shown('address') })}
    ${this._field(view, `${who}.email`, t.email, { type: 'email', describedBy: shown('email') })} ${this._field(view, `${who}.phone`, t.phone, { type: 'tel' })}`;
  }

  private _purposes(draft: Notice, findings: Finding[]) {
    const t = texts[this.ui].notice;
    const nt = noticeTexts[this.ui];
    const purposes = draft.purposes || [];
    return html`${this._field(draft, 'purposesText', t.purposesText, { multiline: true })}
      ${purposes.map((p, i) => {
        const bases = [p.basis || []].flat();
        // A finding names its purpose only in its message ("Purpose {n} …", i18n/check-messages.ts).
        const mine = findings.filter((f) => f.message.en.includes(`Purpose ${i + 1} `));
        return html`<fieldset data-list="purposes">
          <legend>${t.purpose(i + 1)}</legend>
          ${this._field(draft, `purposes.${i}.purpose`, t.text, { multiline: true, findings: mine })}
          <fieldset class="bases">
            <legend>${t.basis(i + 1)}</legend>
            ${LEGAL_BASES.map(
              (b) =>
                html`<label
                  ><input type="checkbox" name="notice.purposes.${i}.basis" value=${b} .checked=${bases.includes(b)} @change=${(e: Event) => this._onBasis(e, i)} />
                  ${nt.bases[b]}</label
                >`,
            )}
          </fieldset>
          ${bases.includes('legitimate-interests') ? this._field(draft, `purposes.${i}.legitimateInterest`, t.legitimateInterest, { multiline: true }) : nothing}
          <button type="button" @click=${() => this._remove('purposes', i)}>${t.removePurpose(i + 1)}</button>
        </fieldset>`;
      })}
      ${this._findings(
        'n-purposes-findings',
        findings.filter((f) => !purposes.some((_, i) => f.message.en.includes(`Purpose ${i + 1} `))),
      )}
      <button type="button" data-add="purposes" aria-describedby=${findings.length ? 'n-purposes-findings' : nothing} @click=${() => this._add('purposes')}>
        ${t.addPurpose}
      </button>`;
  }

  private _recipients(draft: Notice, findings: Finding[]) {
    const t = texts[this.ui].notice;
    const nt = noticeTexts[this.ui];
    return html`${this._field(draft, 'recipients.text', t.text, { multiline: true, findings })}
      ${(draft.recipients?.list || []).map(
        (r, i) => html`<fieldset data-list="recipients.list">
          <legend>${t.recipient(i + 1)}</legend>
          ${this._field(draft, `recipients.list.${i}.name`, t.recipientName)} ${this._field(draft, `recipients.list.${i}.role`, t.role)}
          ${this._field(draft, `recipients.list.${i}.country`, t.country, { placeholder: 'FI' })}
          <label class="check"
            ><input
              type="checkbox"
              name="notice.recipients.list.${i}.processor"
              .checked=${!!r.processor}
              @change=${(e: Event) => this._edit(`recipients.list.${i}.processor`, (e.target as HTMLInputElement).checked || undefined)}
            />
            ${t.processor}</label
          >
          <div class="field">
            <label for="n-mechanism-${i}">${t.mechanism}</label>
            <select
              id="n-mechanism-${i}"
              name="notice.recipients.list.${i}.mechanism"
              @change=${(e: Event) => this._edit(`recipients.list.${i}.mechanism`, (e.target as HTMLSelectElement).value || undefined)}
            >
              <option value="" ?selected=${!r.mechanism}>${t.noMechanism}</option>
              ${TRANSFER_MECHANISMS.map((m) => html`<option value=${m} ?selected=${r.mechanism === m}>${nt.mechanisms[m]}</option>`)}
            </select>
          </div>
          <button type="button" @click=${() => this._remove('recipients.list', i)}>${t.removeRecipient(i + 1)}</button>
        </fieldset>`,
      )}
      <button type="button" data-add="recipients.list" @click=${() => this._add('recipients.list')}>${t.addRecipient}</button>`;
  }

  private _cookies(draft: Notice, findings: Finding[]) {
    const t = texts[this.ui].notice;
    const lang = noticeLang(draft, this.state, this.ui);
    return html`${this._field(draft, 'cookies', t.cookiesText, { multiline: true, findings })}
      <div class="cookie-preview">
        <p>${t.cookiesGenerated}</p>
        <ul>
          ${cookieViews(this.state, lang).map(
            (v) =>
              html`<li>
                <strong>${v.title}</strong>
                ${v.services.length ? html`<ul>${v.services.map((s) => serviceDetails({ _html: html, _nothing: nothing }, s, translations[lang]))}</ul>` : nothing}
              </li>`,
          )}
        </ul>
      </div>`;
  }

  private _sections(draft: Notice) {
    const t = texts[this.ui].notice;
    return html`${(draft.sections || []).map(
      (_, i) => html`<fieldset data-list="sections">
          <legend>${t.section(i + 1)}</legend>
          ${this._field(draft, `sections.${i}.title`, t.sectionTitle)} ${this._field(draft, `sections.${i}.text`, t.text, { multiline: true })}
          <button type="button" @click=${() => this._remove('sections', i)}>${t.removeSection(i + 1)}</button>
        </fieldset>`,
    )}
      <button type="button" data-add="sections" @click=${() => this._add('sections')}>${t.addSection}</button>`;
  }

  private _output(name: string, label: string, value: string, file: string, type: string, hint?: string) {
    const t = texts[this.ui];
    return html`<div class="output">
      <label for="o-${name}">${label}</label>
      ${hint ? html`<p class="hint" id="o-${name}-hint">${hint}</p>` : nothing}
      <textarea id="o-${name}" name=${name} readonly rows="12" .value=${value} aria-describedby=${hint ? `o-${name}-hint` : nothing}></textarea>
      <button type="button" data-for=${name} @click=${this._copy}>${t.copy}</button>
      <button type="button" data-download=${file} @click=${() => downloadFile(file, value, type)}>${t.notice.download(file)}</button>
    </div>`;
  }

  /**
   * A section behind a disclosure: its heading is the summary (so the outline keeps it). Open when `open` (the checker has findings on it) or once the person
   * opened it; closed otherwise, so a newcomer reads only what they must fill in.
   */
  private _more(key: string, heading: string, open: boolean, content: unknown) {
    return html`<details class="more" ?open=${open || this._opened.has(key)} @toggle=${(e: Event) => this._toggled(key, e)}>
      <summary data-more=${key}><h3>${heading}</h3></summary>
      ${content}
    </details>`;
  }

  private _toggled(key: string, e: Event) {
    const open = (e.target as HTMLDetailsElement).open;
    if (open === this._opened.has(key)) return;
    const next = new Set(this._opened);
    if (open) next.add(key);
    else next.delete(key);
    this._opened = next;
  }

  private _form(draft: Notice) {
    const t = texts[this.ui].notice;
    const h = noticeTexts[this.ui].headings;
    const notice = finalNotice(draft, this.state);
    const findings = noticeFindings(notice);
    const of = (section: string) => findings.filter((f) => f.section === section);
    const general = findings.filter((f) => !SECTION_FIELD[f.section]);
    const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
    const lang = noticeLang(draft, this.state, this.ui);
    const security = draft.security || {};
    const outsideEu = draft.transfers?.outsideEu;
    // What the shop must fill in or confirm is in front; the template's prose, pre-filled and valid, is
    // behind a disclosure per section, open while the checker has something to say about it.
    const more = (key: string, heading: string, found: Finding[], content: unknown) => this._more(key, heading, found.length > 0, content);
    return html`<p class="summary" id="n-summary">${t.summary(count('error'), count('warning'), count('info'))}</p>
      ${this._findings('n-general-findings', general, true)}
      <p class="hint">${t.frontHint}</p>
      <h3>${h.controller}</h3>
      ${this._party(draft, 'controller', of('controller'))}
      <h3>${h.retention}</h3>
      ${
        // The template's proposal is marked until the shop changes it: a default to check, not an answer.
        proposedRetention(draft.retention, lang)
          ? this._field(draft, 'retention', t.text, { multiline: true, findings: of('retention'), hint: t.checkDefault, check: true })
          : this._field(draft, 'retention', t.text, { multiline: true, findings: of('retention'), hint: t.retentionHint })
      }
      ${more(
        'basics',
        t.basics,
        [...of('title'), ...of('updated')],
        html`<div class="field">
            <label for="n-lang">${t.lang}</label>
            <select id="n-lang" name="notice.lang" @change=${this._onInput}>
              ${LANGS.map((l) => html`<option value=${l} ?selected=${lang === l}>${{ fi: 'suomi', sv: 'svenska', en: 'English' }[l]}</option>`)}
            </select>
          </div>
          ${this._field(draft, 'title', t.title, { findings: of('title') })} ${this._field(draft, 'updated', t.updated, { type: 'date', findings: of('updated') })}
          ${this._field(draft, 'intro', t.noticeIntro, { multiline: true })}`,
      )}
      ${more('contact', h.contact, [], this._party(draft, 'contact', []))}
      ${more('dpo', h.dpo, [], this._party(draft, 'dpo', []))}
      ${more('representative', h.representative, [], this._party(draft, 'representative', []))}
      ${more('purposes', h.purposes, of('purposes'), this._purposes(draft, of('purposes')))}
      ${more('data', h.data, of('data'), this._field(draft, 'data', t.text, { multiline: true, findings: of('data') }))}
      ${more('sources', h.sources, of('sources'), this._field(draft, 'sources', t.text, { multiline: true, findings: of('sources') }))}
      ${more('recipients', h.recipients, of('recipients'), this._recipients(draft, of('recipients')))}
      ${more(
        'transfers',
        h.transfers,
        of('transfers'),
        html`<div class="field">
            <label for="n-outside">${t.outsideEu}</label>
            <select
              id="n-outside"
              name="notice.transfers.outsideEu"
              @change=${(e: Event) => {
                const v = (e.target as HTMLSelectElement).value;
                this._edit('transfers.outsideEu', v === '' ? undefined : v === 'yes');
              }}
            >
              ${Object.entries(t.outsideEuValues).map(
                ([v, text]) => html`<option value=${v} ?selected=${(outsideEu === undefined ? '' : outsideEu ? 'yes' : 'no') === v}>${text}</option>`,
              )}
            </select>
          </div>
          ${this._field(draft, 'transfers.text', t.text, { multiline: true, findings: of('transfers') })}
          ${this._field(draft, 'transfers.safeguards', t.safeguards, { multiline: true })}`,
      )}
      ${more(
        'security',
        h.security,
        of('security'),
        html`${this._field(draft, 'security.text', t.text, { multiline: true, findings: of('security') })}
        ${security.manual !== undefined ? this._field(draft, 'security.manual', t.manual, { multiline: true }) : nothing}
        ${security.electronic !== undefined ? this._field(draft, 'security.electronic', t.electronic, { multiline: true }) : nothing}`,
      )}
      ${more(
        'rights',
        h.rights,
        of('rights'),
        html`<label class="check"
            ><input
              type="checkbox"
              name="notice.rights.standard"
              .checked=${draft.rights?.standard !== false}
              @change=${(e: Event) => this._edit('rights.standard', (e.target as HTMLInputElement).checked)}
            />
            ${t.standardRights}</label
          >
          ${this._field(draft, 'rights.text', t.rightsText, { multiline: true, findings: of('rights') })}
          ${this._field(draft, 'rights.howTo', t.howTo, { multiline: true })}`,
      )}
      ${more('required', h.required, of('required'), this._field(draft, 'required', t.text, { multiline: true, findings: of('required') }))}
      ${more('automated', h.automated, of('automated'), this._field(draft, 'automated', t.text, { multiline: true, findings: of('automated') }))}
      ${more('cookies', h.cookies, of('cookies'), this._cookies(draft, of('cookies')))}
      ${more('sections', t.sections, [], this._sections(draft))}
      <section class="outputs" aria-labelledby="n-outputs-h">
        <h3 id="n-outputs-h">${t.outputs}</h3>
        ${this._output('notice-json', t.json, JSON.stringify(notice, null, 2), 'notice.json', 'application/json')}
        ${this._output('notice-page', t.page, noticePage(notice, this.state, lang), 'tietosuojaseloste.html', 'text/html', t.pageHint(folder(this.state)))}
      </section>`;
  }

  override render() {
    const t = texts[this.ui].notice;
    const draft = this._draft;
    return html`<style>
        ${styles}
      </style>
      <fieldset>
        <legend>${t.step}</legend>
        <p>${t.intro}</p>
        <div class="field">
          <label for="n-source">${t.source}</label>
          <p class="hint" id="n-source-hint">${t.sourceHint}</p>
          <textarea
            class="prose"
            id="n-source"
            name="notice-source"
            rows="6"
            aria-describedby="n-source-hint"
            .value=${this._source}
            @input=${(e: Event) => (this._source = (e.target as HTMLTextAreaElement).value)}
          ></textarea>
        </div>
        <button type="button" data-start="import" @click=${this._start}>${t.importButton}</button>
        <button type="button" data-start="template" @click=${this._start}>${t.templateButton}</button>
        <!-- A live region, not a second role="status": the configurator's own status is the page's one. -->
        <p class="status" aria-live="polite" aria-atomic="true">${this._status}</p>
        ${draft ? this._form(draft) : html`<p>${t.none}</p>`}
      </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'keksi-notice-step': KeksiNoticeStep;
  }
}
