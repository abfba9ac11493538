/**
 * `<keksi-configurator>`: the page that sets Keksi up without reading the README. A form named after
 * Keksi's attributes, a live preview of the built Keksi in an iframe, and the code to paste (the tag
 * in its two forms and the gated vendor snippets). The state lives in localStorage and can be saved
 * to and loaded from one JSON file. Nothing is sent anywhere. Rendered in light DOM, so the form's
 * labels, descriptions and errors are ordinary page markup.
 *
 * @attr keksi-src - address of the built `keksi.js` the preview loads (relative to the page)
 * @attr test-page - address of the test shop page ("Kokeile testisivulla", src/configurator/try-page.ts)
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { BUILT_FILES } from './built-files.js';
import { copyOutput, downloadFile } from './copy.js';
import { customElement, property, state } from 'lit/decorators.js';
import { LANGS, ONE_OF } from '../controller/config.js';
import { tokens } from '../core/attributes.js';
import { LANG_NAMES, texts, type ConfiguratorLang } from '../i18n/configurator.js';
import { INTEGRATIONS, categoryOf, type Integration, type TagAttribute } from './integrations.js';
import {
  accentContrast,
  accentStyle,
  attributes,
  configureCall,
  noticeAddress,
  cspSources,
  defaultNoticeUrl,
  defaults,
  effectiveAccent,
  embeds,
  folder,
  gatedSnippets,
  loadsGoogleOrMeta,
  moduleTag,
  oneFileTag,
  PLATFORMS,
  restore,
  serviceMarkup,
  shopLangs,
  THEMES,
  withField,
  validate,
  readyErrors,
  withLookDefaults,
  type State,
} from './model.js';
import { ownServicesForm } from './own-services.js';
import { configuratorStyles } from './styles.js';
import { finalNotice, noticeFindings, noticeFragment, noticeLang, noticePage, readDraft, shopifyNoticeScript, templateNotice } from './notice-model.js';
import './notice-step.js';
import { noticePagePath, shopFiles, testShopPage } from './shop-files.js';
import { zip } from './zip.js';
import { fromOrigin, isTryReady, targetOrigin, TRY_SHOP, tryAnswers } from './try-page.js';

const STORAGE_KEY = 'keksi-configurator';
/** The services most shops use, shown first (walk 2: reading every integration's field took minutes); the rest are behind "other services". */
const COMMON: readonly TagAttribute[] = ['ga', 'google-ads', 'gtm', 'meta-pixel'];
/** Whether anything behind "other services and settings" differs from the defaults: then it stays open. */
const moreInUse = (s: State) => {
  const d = defaults();
  return (
    s.setup !== d.setup ||
    !!s.vimeo.trim() ||
    !!s['matomo-url'].trim() ||
    INTEGRATIONS.some((i) => !COMMON.includes(i.attr) && s[i.attr].trim()) ||
    !!s.services.length ||
    tokens(s.categories).some((c) => !attributes({ ...s, categories: '' }).some(([n, v]) => n === 'categories' && tokens(v).includes(c)))
  );
};
const PREVIEW_COOKIE = 'keksi_preview';

const escapeHtml = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

@customElement('keksi-configurator')
export class KeksiConfigurator extends LitElement {
  @state() private _state: State = defaults();
  @state() private _ui: ConfiguratorLang = 'fi';
  @state() private _status = '';
  /** Whether the person opened "other services and settings" (it is open anyway while any of them is in use). */
  @state() private _moreOpen = false;
  /** Whether "done — get the files" was pressed: from then on an empty name or e-mail is shown as an error too. */
  @state() private _tried = false;
  /** The language the preview's page declares (`<html lang>`), among the shop's. */
  @state() private _previewLang = '';

  /** Address of the built `keksi.js` the preview loads. */
  @property({ attribute: 'keksi-src' }) keksiSrc = '../keksi.js';
  /** Address of the test shop page next to the configurator (it asks this window for the answers). */
  @property({ attribute: 'test-page' }) testPage = TRY_SHOP;
  /** The test pages this configurator opened: the only windows it gives the answers to. */
  private _tryWindows: Window[] = [];

  override createRenderRoot() {
    return this;
  }

  override connectedCallback() {
    super.connectedCallback();
    try {
      const saved = localStorage.getItem(STORAGE_KEY);
      if (saved) this._state = restore(JSON.parse(saved));
    } catch {}
    const ui = (document.documentElement.lang || navigator.language || '').slice(0, 2) as ConfiguratorLang;
    if (ui in texts) this._ui = ui;
    addEventListener('message', this._answerTryPage);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    removeEventListener('message', this._answerTryPage);
  }

  /**
   * "Kokeile testisivulla": the test page opened as a window of this one's (never with the answers in its
   * address, which anyone could write), so that it can ask for them (src/configurator/try-page.ts).
   */
  private _openTryPage = (e: MouseEvent) => {
    e.preventDefault();
    const w = window.open(new URL(this.testPage, location.href).href, '_blank');
    if (w) this._tryWindows = [...this._tryWindows.filter((o) => !o.closed), w];
  };

  /**
   * A test page's "ready": the current answers, to a window this configurator opened itself and only while
   * it shows a page of the test page's origin (it asks again on each reload and on the way to its notice page).
   */
  private _answerTryPage = (e: MessageEvent) => {
    const w = this._tryWindows.find((o) => o === e.source);
    const page = new URL(this.testPage, location.href);
    if (!w || !isTryReady(e.data) || !fromOrigin(e.origin, page)) return;
    w.postMessage(tryAnswers(this._state, this._ui), targetOrigin(page));
  };

  /** The page's title speaks the page's language (the template's is Finnish, the default). */
  override updated() {
    document.title = texts[this._ui].title;
  }

  private _set(name: string, value: string) {
    const next = withField(this._state, name, value) ?? (name in this._state ? { ...this._state, [name]: value } : null);
    if (!next) return;
    // A service's category follows it into the categories field.
    const service = INTEGRATIONS.find((i) => i.attr === name);
    if (service && value.trim() && !validate(next)[service.attr]) {
      const category = categoryOf(service);
      const list = next.categories.split(/[\s,]+/).filter(Boolean);
      if (!list.includes(category)) next.categories = [...list, category].join(' ');
    }
    this._state = next;
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {}
  }

  private _onInput(e: Event) {
    const el = e.target as HTMLInputElement;
    if (el.name) this._set(el.name, el.value);
  }

  /** The shop's languages: every ticked `lang` box. */
  private _onLangs() {
    this._set('lang', [...this.querySelectorAll<HTMLInputElement>('input[name="lang"]:checked')].map((box) => box.value).join(' '));
  }

  /** Adds or removes an own service; focus goes to the new service's name, or after a removal to the add button. */
  private async _onAction(e: Event) {
    const name = (e.currentTarget as HTMLButtonElement).dataset.name!;
    this._set(name, '');
    await this.updateComplete;
    const n = this._state.services.length - 1;
    this.querySelector<HTMLElement>(name === 'service-add' ? `[name="service-${n}-name"]` : '[data-name="service-add"]')?.focus();
  }

  private _export() {
    downloadFile('keksi-configurator.json', JSON.stringify(this._state, null, 2), 'application/json');
  }

  /** keksi.zip: what the shop uploads (Keksi's files in its folder, the notice (step 4's, or the template's until started) and the test page), made here. */
  private _downloadZip() {
    this._ensureNotice();
    const s = this._state;
    const draft = readDraft(s)!;
    const notice = finalNotice(draft, s);
    const lang = noticeLang(draft, s, this._ui);
    const files = shopFiles(
      s,
      BUILT_FILES,
      { json: JSON.stringify(notice, null, 2), page: noticePage(notice, s, lang), fragment: noticeFragment(notice, s) },
      testShopPage(s, lang),
    );
    downloadFile('keksi.zip', zip(files), 'application/zip');
    this._status = texts[this._ui].zipSaved;
  }

  /** A notice in the state: step 4's draft, or the template (its cookie section from step 2) when step 4 was not started. */
  private _ensureNotice() {
    if (!readDraft(this._state)) this._set('notice', JSON.stringify(templateNotice(this._state, noticeLang(null, this._state, this._ui))));
  }

  /**
   * The five-minute path (issue 16): after step 2, one button. A wrong or missing answer: focus on the
   * first such field, its message tied to it. Otherwise the look's defaults, the notice from the
   * template, keksi.zip, and focus on step 5.
   */
  private async _fastPath() {
    this._tried = true;
    this._state = withLookDefaults(this._state);
    const errors = readyErrors(this._state);
    await this.updateComplete;
    const wrong = [...this.querySelectorAll<HTMLElement>('form [name]')].find((el) => errors[el.getAttribute('name')!]);
    if (wrong) {
      // A field behind "other services" is inside a <details> open while it is in use; open it anyway.
      const details = wrong.closest('details');
      if (details && !details.open) details.open = true;
      wrong.focus();
      return;
    }
    this._downloadZip();
    this._status = texts[this._ui].fastPathDone;
    await this.updateComplete;
    this.querySelector<HTMLElement>('#outputs-h')?.focus();
  }

  /** The GTM consent template on its own (walk 3's N3: the note names it; here it is, also without unzipping). */
  private _saveTemplate() {
    downloadFile('keksi-consent.tpl', BUILT_FILES['gtm/keksi-consent.tpl'] || '', 'text/plain');
    this._status = texts[this._ui].templateSaved;
  }

  private async _import(e: Event) {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const t = texts[this._ui];
    try {
      const value = JSON.parse(await file.text());
      if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
      this._state = restore(value);
      localStorage.setItem(STORAGE_KEY, JSON.stringify(this._state));
      this._status = t.imported;
    } catch {
      this._status = t.importFailed;
    }
    input.value = '';
  }

  private _reset() {
    this._state = defaults();
    try {
      localStorage.removeItem(STORAGE_KEY);
    } catch {}
  }

  private async _copy(e: Event) {
    await copyOutput(this, e);
    this._status = texts[this._ui].copied;
  }

  /** The preview page: the built Keksi with the form's attributes but no tag of a vendor (nothing loads from outside). */
  private _preview(): string {
    const s = this._state;
    // Each change starts the preview afresh: the preview's choice is forgotten.
    try {
      document.cookie = `${PREVIEW_COOKIE}=; max-age=0; path=/`;
    } catch {}
    const attrs = attributes({ ...s, setup: 'snippets', 'notice-url': '' })
      .filter(([name]) => !INTEGRATIONS.some((i) => i.attr === name))
      .map(([n, v]) => ` data-${n}="${escapeHtml(v)}"`)
      .join('');
    // The same theme rule the shop pastes, so Keksi computes the text on the accent itself.
    const langs = shopLangs(s);
    const lang = langs.find((l) => l === this._previewLang) || langs[0];
    // The shop's own services and texts, as the shop pastes them before the tag.
    return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(texts[this._ui].preview)}</title>
${accentStyle(s)}${configureCall(s)}<style>body{font:16px system-ui,sans-serif;margin:1rem;color:#1d1d1f}</style>
<script defer src="${escapeHtml(this.keksiSrc)}" data-cookie-name="${PREVIEW_COOKIE}"${attrs}></script></head>
<body><h1>${escapeHtml(s.name || 'Shop')}</h1><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p></body></html>`;
  }

  private _field(
    name: string,
    label: string,
    options: { type?: string; hint?: string; placeholder?: string; autocomplete?: string; value?: string; multiline?: boolean } = {},
  ) {
    const error = (this._tried ? readyErrors(this._state) : validate(this._state))[name];
    const t = texts[this._ui];
    const describedBy = [options.hint ? `h-${name}` : '', error ? `e-${name}` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for="f-${name}">${label}</label>
      ${options.hint ? html`<p class="hint" id="h-${name}">${options.hint}</p>` : nothing}
      ${
        options.multiline
          ? html`<textarea
            id="f-${name}"
            name=${name}
            rows="2"
            .value=${options.value ?? ''}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy || nothing}
            @input=${this._onInput}
          ></textarea>`
          : html`<input
            id="f-${name}"
            name=${name}
            type=${options.type || 'text'}
            .value=${options.value ?? (this._state[name as keyof State] as string)}
            placeholder=${options.placeholder || nothing}
            autocomplete=${options.autocomplete || 'off'}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy || nothing}
            @input=${this._onInput}
          />`
      }
      ${error ? html`<p class="error" id="e-${name}">${t.errors[error]}</p>` : nothing}
    </div>`;
  }

  /** An integration's ID field (and Matomo's address), its example as the hint, and where the vendor's dashboard shows the ID (closed). */
  private _integration(i: Integration) {
    const t = texts[this._ui];
    return html`${i.url ? this._field('matomo-url', t.baseUrl(i.label), { type: 'url', hint: t.baseUrlHint(i.url), placeholder: i.url }) : nothing}
    ${this._field(i.attr, t.idOf(i.label), { hint: t.example(i.example), placeholder: i.example })}
      <details class="where" data-for=${i.attr}>
        <summary>${t.whereSummary}</summary>
        <p>${t.where[i.attr]}</p>
      </details>`;
  }

  private _select(name: keyof State, label: string, options: [string, string][]) {
    return html`<div class="field">
      <label for="f-${name}">${label}</label>
      <select id="f-${name}" name=${name} @change=${this._onInput}>
        ${options.map(([value, text]) => html`<option value=${value} ?selected=${this._state[name] === value}>${text}</option>`)}
      </select>
    </div>`;
  }

  private _output(name: string, label: string, value: string): TemplateResult {
    const t = texts[this._ui];
    return html`<div class="output">
      <label for="o-${name}">${label}</label>
      <textarea id="o-${name}" name=${name} readonly rows=${Math.min(14, value.split('\n').length + 1)} .value=${value}></textarea>
      <button type="button" data-for=${name} @click=${this._copy}>${t.copy}</button>
    </div>`;
  }

  /** The checklist after step 5: what the shop confirms in the notice, and the live checker's findings on the notice keksi.zip holds. */
  private _checklist() {
    const t = texts[this._ui];
    const s = this._state;
    const draft = readDraft(s) ?? templateNotice(s, noticeLang(null, s, this._ui));
    const findings = noticeFindings(finalNotice(draft, s));
    const count = (sev: string) => findings.filter((f) => f.severity === sev).length;
    return html`<section class="check" aria-labelledby="check-h">
      <h3 id="check-h">${t.checkTitle}</h3>
      <ul>
        ${t.checkItems.map((i) => html`<li>${i}</li>`)}
        <li>
          ${t.notice.summary(count('error'), count('warning'), count('info'))}
          ${
            findings.length
              ? html`<ul>
                  ${findings.map((f) => html`<li>${t.notice.severity[f.severity]}: ${f.message[this._ui]}</li>`)}
                </ul>`
              : nothing
          }
        </li>
      </ul>
    </section>`;
  }

  /**
   * Step 5's step 3: upload the notice page, or on Shopify and WordPress, where no loose page can go to the
   * site's root, make it a page of theirs from its body (issue 16), behind a closed disclosure (the five-minute
   * path's words), and on Shopify the theme.liquid line that loads keksi-notice.js on that page.
   */
  private _noticeStep() {
    const t = texts[this._ui];
    const s = this._state;
    if (s.platform === 'html')
      return html`<h3>${t.steps3Title(noticePagePath(s))}</h3>
        <p>${t.steps3Text(noticeAddress(s), true)}</p>`;
    const draft = readDraft(s) ?? templateNotice(s, noticeLang(null, s, this._ui));
    return html`<h3>${t.steps3PageTitle[s.platform]}</h3>
      <p>${t.steps3PageText[s.platform](noticeAddress(s))}</p>
      <details class="fragment">
        <summary>${t.fragmentSummary}</summary>
        ${this._output('notice-fragment', t.fragment, noticeFragment(finalNotice(draft, s), s))}
        ${s.platform === 'shopify' ? this._output('notice-script', t.noticeScript, shopifyNoticeScript(s)) : nothing}
      </details>`;
  }

  override render() {
    const t = texts[this._ui];
    const s = this._state;
    const contrast = accentContrast(effectiveAccent(s));
    return html`<style>
        ${configuratorStyles}
      </style>
      <header>
        <h1>${t.title}</h1>
        <div class="field ui-lang">
          <label for="ui-lang">${t.uiLang}</label>
          <select id="ui-lang" @change=${(e: Event) => (this._ui = (e.target as HTMLSelectElement).value as ConfiguratorLang)}>
            ${(['fi', 'sv', 'en'] as const).map((l) => html`<option value=${l} ?selected=${this._ui === l}>${{ fi: 'suomi', sv: 'svenska', en: 'English' }[l]}</option>`)}
          </select>
        </div>
        <p>${t.intro}</p>
      </header>
      <div class="layout">
        <form @submit=${(e: Event) => e.preventDefault()} novalidate>
          <fieldset>
            <legend>${t.step1}</legend>
            ${this._field('name', t.name, { autocomplete: 'organization' })} ${this._field('business-id', t.businessId, { placeholder: '1234567-8' })}
            ${this._field('address', t.address, { autocomplete: 'street-address' })} ${this._field('email', t.email, { type: 'email', autocomplete: 'email' })}
            ${this._field('notice-url', t.noticeUrl, { placeholder: defaultNoticeUrl(s.platform) })}
            <fieldset class="langs" aria-describedby="h-lang">
              <legend>${t.langs}</legend>
              <p class="hint" id="h-lang">${t.langsHint}</p>
              ${LANGS.map(
                (l) =>
                  html`<label class="check"
                    ><input type="checkbox" name="lang" value=${l} .checked=${tokens(s.lang).includes(l)} @change=${this._onLangs} /> ${LANG_NAMES[l]}</label
                  >`,
              )}
            </fieldset>
            ${
              // On Shopify the files are theme assets (the tag's address is Liquid's): no folder to ask for, unless a typed one is wrong.
              s.platform !== 'shopify' || validate(s).path ? this._field('path', t.path, { placeholder: '/keksi/' }) : nothing
            }
          </fieldset>
          <fieldset>
            <legend>${t.step2}</legend>
            ${this._select(
              'platform',
              t.platform,
              PLATFORMS.map((p): [string, string] => [p, t.platforms[p]]),
            )}
            <p class="hint">${t.step2Hint}</p>
            ${INTEGRATIONS.filter((i) => COMMON.includes(i.attr)).map((i) => this._integration(i))}
            ${this._field('youtube', t.youtube, { hint: t.videoHint, placeholder: 'https://www.youtube.com/watch?v=…' })}
            <details class="more" ?open=${this._moreOpen || moreInUse(s)} @toggle=${(e: Event) => (this._moreOpen = (e.target as HTMLDetailsElement).open)}>
              <summary id="more-services">${t.moreServices}</summary>
              ${this._select('setup', t.setup, [
                ['attributes', t.setupAttributes],
                ['snippets', t.setupSnippets],
              ])}
              ${INTEGRATIONS.filter((i) => !COMMON.includes(i.attr)).map((i) => this._integration(i))}
              ${this._field('vimeo', t.vimeo, { placeholder: 'https://vimeo.com/…' })}
              ${this._field('categories', t.categories, { hint: t.categoriesHint })}
              ${ownServicesForm(s, t, (name, label, options) => this._field(name, label, options), this._onAction)}
            </details>
          </fieldset>
          <div class="fast-path">
            <button type="button" name="fast-path" class="primary" aria-describedby="fast-path-hint" @click=${this._fastPath}>${t.fastPath}</button>
            <p class="hint" id="fast-path-hint">${t.fastPathHint}</p>
          </div>
          <fieldset>
            <legend>${t.step3}</legend>
            ${this._select(
              'position',
              t.position,
              ONE_OF.position.map((p): [string, string] => [p, t.positions[p]]),
            )}
            ${this._select(
              'reopen',
              t.reopen,
              ONE_OF.reopen.map((p): [string, string] => [p, t.reopens[p]]),
            )}
            ${this._select(
              'theme',
              t.theme,
              THEMES.map((p): [string, string] => [p, t.themes[p]]),
            )}
            <div class="field">
              <label for="f-accent">${t.accent}</label>
              <input id="f-accent" name="accent" type="color" .value=${s.accent} aria-describedby="h-accent" @input=${this._onInput} />
              <p class="hint" id="h-accent">
                <span class="swatch" style="background:${effectiveAccent(s)};color:${contrast.text}">Aa</span>
                ${t.contrast(contrast.ratio.toFixed(1), contrast.text === '#ffffff' ? t.white : t.black, contrast.ratio >= 4.5)}
              </p>
            </div>
          </fieldset>
          <keksi-notice-step .state=${s} .ui=${this._ui} @notice-change=${(e: CustomEvent<string>) => this._set('notice', e.detail)}></keksi-notice-step>
          <section class="outputs" aria-labelledby="outputs-h">
            <h2 id="outputs-h" tabindex="-1">${t.outputs}</h2>
            <div class="output files">
              <h3 id="files-h">${t.filesTitle}</h3>
              ${
                // Shopify has no site root to unzip into: step 1's notes say which files go to the theme.
                s.platform === 'shopify' ? nothing : html`<p class="hint" id="files-hint">${t.filesHint(folder(s))}</p>`
              }
              <button
                type="button"
                name="download-zip"
                aria-describedby=${s.platform === 'shopify' ? 'files-h' : 'files-h files-hint'}
                @click=${this._downloadZip}
              >
                ${t.downloadZip}
              </button>
              <a class="try" name="try-page" href=${this.testPage} target="_blank" @click=${this._openTryPage}>${t.tryIt.link}</a>
            </div>
            <ol class="steps">
              <li>
                <h3>${t.stepsTitle(!!configureCall(s), s.platform === 'shopify')}</h3>
                ${configureCall(s) ? this._output('configure', t.configureCall, configureCall(s)) : nothing}
                ${this._output('script-tag', t.moduleTag, moduleTag(s))}
                <details class="one-file">
                  <summary>${t.oneFileSummary}</summary>
                  ${this._output('script-tag-js', t.oneFileTag, oneFileTag(s))}
                </details>
                <section class="notes" aria-labelledby="notes-h">
                  <h4 id="notes-h">${t.platforms[s.platform]}</h4>
                  <ul>
                    ${t.notes[s.platform].map((n) => html`<li>${n}</li>`)}
                    ${
                      s.gtm.trim()
                        ? html`<li>
                            <span id="gtm-note">${t.gtmNote(folder(s))}</span>
                            <button type="button" name="gtm-template" aria-describedby="gtm-note" @click=${this._saveTemplate}>${t.saveTemplate}</button>
                          </li>`
                        : nothing
                    }
                  </ul>
                  ${
                    cspSources(s)
                      ? html`<details class="csp">
                          <summary>${t.cspSummary}</summary>
                          <p>${t.cspNote(cspSources(s))}</p>
                        </details>`
                      : nothing
                  }
                </section>
              </li>
              <li>
                <h3>${t.steps2Title}</h3>
                ${loadsGoogleOrMeta(s) ? html`<p class="remove-own"><strong>${t.removeOwnCodes}</strong></p>` : nothing}
                ${gatedSnippets(s).map((g) => this._output(`snippet-${g.attr}`, t.snippet(g.label), g.markup))}
                ${serviceMarkup(s) ? this._output('service-markup', t.serviceMarkup, serviceMarkup(s)) : nothing}
                ${embeds(s).map((e) => this._output(`embed-${e.kind}`, t.embed(e.kind === 'youtube' ? 'YouTube' : 'Vimeo'), e.markup))}
                ${loadsGoogleOrMeta(s) || gatedSnippets(s).length || serviceMarkup(s) || embeds(s).length ? nothing : html`<p>${t.steps2None}</p>`}
              </li>
              <li>${this._noticeStep()}</li>
            </ol>
            ${this._checklist()}
          </section>
          <section class="save" aria-labelledby="save-h">
            <h2 id="save-h">${t.save}</h2>
            <button type="button" @click=${this._export}>${t.exportJson}</button>
            <label class="file">${t.importJson} <input type="file" name="import" accept="application/json,.json" @change=${this._import} /></label>
            <button type="button" @click=${this._reset}>${t.reset}</button>
          </section>
          <p class="status" role="status">${this._status}</p>
        </form>
        <section class="preview" aria-labelledby="preview-h">
          <h2 id="preview-h">${t.preview}</h2>
          ${
            shopLangs(s).length > 1
              ? html`<div class="field">
                <label for="preview-lang">${t.previewLang}</label>
                <select id="preview-lang" name="preview-lang" @change=${(e: Event) => (this._previewLang = (e.target as HTMLSelectElement).value)}>
                  ${shopLangs(s).map((l) => html`<option value=${l} ?selected=${this._previewLang === l}>${LANG_NAMES[l]}</option>`)}
                </select>
              </div>`
              : nothing
          }
          <iframe title=${t.previewFrame} .srcdoc=${this._preview()}></iframe>
        </section>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'keksi-configurator': KeksiConfigurator;
  }
}
