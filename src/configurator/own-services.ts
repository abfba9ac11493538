/**
 * The form's part for the shop's own services and categories (step 2): each service's name, category,
 * provider, purpose in each of the shop's languages and cookies, and the title and description of each
 * category Keksi has no texts for. Field names are those `withField()` (model.ts) understands.
 */
import { html, type TemplateResult } from 'lit';
import { LANG_NAMES, type ConfiguratorText } from '../i18n/configurator.js';
import { customCategories, shopLangs, type State } from './model.js';

/** Renders one text field: name, label, value, and a hint or a placeholder. */
export type FieldRenderer = (
  name: string,
  label: string,
  options: { value: string; hint?: string; placeholder?: string; multiline?: boolean },
) => TemplateResult;

/** The fieldsets of the own services and the own categories' texts; `action` handles the add and remove buttons (their `data-name`). */
export function ownServicesForm(s: State, t: ConfiguratorText, field: FieldRenderer, action: (e: Event) => void): TemplateResult {
  const langs = shopLangs(s);
  return html`<fieldset class="own" aria-describedby="h-own">
      <legend>${t.ownServices}</legend>
      <p class="hint" id="h-own">${t.ownServicesHint}</p>
      ${s.services.map((service, n) => {
        const title = service.name.trim() || t.serviceN(n + 1);
        return html`<fieldset>
          <legend>${title}</legend>
          ${field(`service-${n}-name`, t.serviceName, { value: service.name, placeholder: 'Google Maps' })}
          ${field(`service-${n}-category`, t.serviceCategory, { value: service.category, hint: t.serviceCategoryHint })}
          ${field(`service-${n}-provider`, t.serviceProvider, { value: service.provider, placeholder: 'Google Ireland Ltd' })}
          ${langs.map((l) => field(`service-${n}-purpose-${l}`, t.servicePurpose(LANG_NAMES[l]), { value: service.purpose[l] || '', multiline: true }))}
          ${field(`service-${n}-cookies`, t.serviceCookies, { value: service.cookies, hint: t.serviceCookiesHint })}
          <button type="button" data-name="service-${n}-remove" @click=${action}>${t.removeService(title)}</button>
        </fieldset>`;
      })}
      <button type="button" data-name="service-add" @click=${action}>${t.addService}</button>
    </fieldset>
    ${customCategories(s).map(
      (c) =>
        html`<fieldset>
          <legend>${t.categoryTextsOf(c)}</legend>
          ${langs.map(
            (l) =>
              html`${field(`category-${c}-title-${l}`, t.categoryTitle(LANG_NAMES[l]), { value: s.categoryTexts[c]?.title[l] || '' })}
              ${field(`category-${c}-description-${l}`, t.categoryDescription(LANG_NAMES[l]), { value: s.categoryTexts[c]?.description[l] || '', multiline: true })}`,
          )}
        </fieldset>`,
    )}`;
}
