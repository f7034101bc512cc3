import { createHash } from 'node:crypto';
import { CITIZEN_PAGE_STYLE, escapeHtml } from '@meldpunt/notifications';
import type { FormValues } from './web-form-submission';
import { LANGUAGE_NAMES, WEB_FORM_TEXTS, type FormField, type FormLanguage } from './web-form.texts';

export interface FormOption {
  value: string;
  label: string;
}

export interface WebFormPage {
  language: FormLanguage;
  heading: string;
  categories: FormOption[];
  municipalities: FormOption[];
  values: FormValues;
  errors: Partial<Record<FormField, string>>;
  token: string;
  /** Query string kept on the action and the language links (`gemeente`, `embed`). */
  query: { gemeente?: string; embed?: boolean };
}

const FORM_STYLE = `input[type=text],input[type=email],input[type=tel],select{width:100%;font:inherit;padding:.5rem;box-sizing:border-box;border:1px solid #52606d;border-radius:4px}
textarea{border:1px solid #52606d;border-radius:4px}input[type=file]{font:inherit}.req,.opt{font-weight:400;color:#52606d}
.hint{color:#52606d;font-size:.95rem;margin:.1rem 0 .25rem}.error{color:#b00020;font-weight:700;margin:.1rem 0 .25rem}
[aria-invalid=true]{border:2px solid #b00020}.errors{border:3px solid #b00020;padding:.5rem 1rem;margin:1rem 0}.errors h2{margin-top:.25rem}
.errors a{color:#b00020}.check{display:flex;gap:.5rem;align-items:flex-start;font-weight:400}.check input{width:1.25rem;height:1.25rem;margin-top:.2rem}
.hp{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}.urgent{background:#fff8e1;border-left:4px solid #b26a00;padding:.5rem 1rem}
button.secondary{background:#fff;color:#0b5394;border:2px solid #0b5394}`;

// Progressive: without script the form is complete; with it, the device's location can be added.
const LOCATE_SCRIPT = `(function(){var b=document.getElementById('locate');if(!b||!navigator.geolocation)return;
document.getElementById('locate-row').hidden=false;b.addEventListener('click',function(){navigator.geolocation.getCurrentPosition(function(p){
document.getElementById('lat').value=p.coords.latitude.toFixed(6);document.getElementById('lon').value=p.coords.longitude.toFixed(6);
document.getElementById('locate-status').textContent=b.getAttribute('data-done');});});})();`;

/** For the Content-Security-Policy: the one script the page runs, by its hash. */
export const LOCATE_SCRIPT_HASH = `'sha256-${createHash('sha256').update(LOCATE_SCRIPT).digest('base64')}'`;

export function formQuery(language: FormLanguage, query: WebFormPage['query']): string {
  const params = new URLSearchParams({ lang: language });
  if (query.gemeente) params.set('gemeente', query.gemeente);
  if (query.embed) params.set('embed', '1');
  return params.toString();
}

/** The citizens' web form: one page, works without script, errors next to their fields. */
export function renderWebForm(page: WebFormPage): string {
  const t = WEB_FORM_TEXTS[page.language];
  const { values, errors } = page;
  const value = (name: string) => escapeHtml(values[name] ?? '');
  const described = (name: FormField) =>
    [t.hints[name] ? `${name}-hint` : '', errors[name] ? `${name}-error` : ''].filter(Boolean).join(' ');
  const attrs = (name: FormField) => {
    const ids = described(name);
    return `${ids ? ` aria-describedby="${ids}"` : ''}${errors[name] ? ' aria-invalid="true"' : ''}`;
  };
  const label = (name: Exclude<FormField, 'form'>, required: boolean) =>
    `<label for="${name}">${escapeHtml(t.labels[name])} <span class="${required ? 'req' : 'opt'}">(${escapeHtml(required ? t.required : t.optional)})</span></label>` +
    (t.hints[name] ? `<p class="hint" id="${name}-hint">${escapeHtml(t.hints[name])}</p>` : '') +
    (errors[name] ? `<p class="error" id="${name}-error">${escapeHtml(errors[name])}</p>` : '');
  const select = (name: 'category' | 'municipality', options: FormOption[], required: boolean) =>
    `${label(name, required)}<select id="${name}" name="${name}"${required ? ' required' : ''}${attrs(name)}><option value="">${escapeHtml(t.choose)}</option>${options
      .map(
        (o) =>
          `<option value="${escapeHtml(o.value)}"${values[name] === o.value ? ' selected' : ''}>${escapeHtml(o.label)}</option>`,
      )
      .join('')}</select>`;
  const input = (
    name: 'address' | 'postcode' | 'name' | 'email' | 'phone',
    type: string,
    autocomplete: string,
    extra = '',
  ) =>
    `${label(name, false)}<input type="${type}" id="${name}" name="${name}" value="${value(name)}" autocomplete="${autocomplete}"${extra}${attrs(name)}>`;

  const summary = Object.entries(errors).length
    ? `<div class="errors" role="alert" tabindex="-1" id="errors"><h2>${escapeHtml(t.errorsHeading)}</h2><ul>${Object.entries(
        errors,
      )
        .map(([field, message]) =>
          field === 'form'
            ? `<li>${escapeHtml(message)}</li>`
            : `<li><a href="#${field}">${escapeHtml(t.labels[field as Exclude<FormField, 'form'>])}: ${escapeHtml(message)}</a></li>`,
        )
        .join('')}</ul></div>`
    : '';
  const languages = (Object.keys(LANGUAGE_NAMES) as FormLanguage[])
    .filter((l) => l !== page.language)
    .map(
      (l) =>
        `<a href="/melden?${escapeHtml(formQuery(l, page.query))}" lang="${l}" hreflang="${l}">${LANGUAGE_NAMES[l]}</a>`,
    )
    .join(' · ');
  const action = `/melden?${escapeHtml(formQuery(page.language, page.query))}`;
  return `<!doctype html>
<html lang="${page.language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${t.title} – ${page.heading}`)}</title><style>${CITIZEN_PAGE_STYLE}
${FORM_STYLE}</style></head>
<body><header><div class="wrap"><span class="name">${escapeHtml(page.heading)}</span></div></header>
<main class="wrap"><p class="lang">${escapeHtml(t.language)}: ${languages}</p>
<h1>${escapeHtml(t.title)}</h1><p>${escapeHtml(t.intro)}</p><p class="urgent">${escapeHtml(t.urgent)}</p>${summary}
<form method="post" action="${action}" enctype="multipart/form-data"${page.query.embed ? ' target="_top"' : ''}>
<input type="hidden" name="form_token" value="${escapeHtml(page.token)}">
<fieldset><legend><h2>${escapeHtml(t.sections.what)}</h2></legend>
${select('category', page.categories, true)}
${label('description', true)}<textarea id="description" name="description" required maxlength="10000"${attrs('description')}>${value('description')}</textarea>
</fieldset>
<fieldset><legend><h2>${escapeHtml(t.sections.where)}</h2></legend>
${input('address', 'text', 'street-address', ' maxlength="300"')}
${input('postcode', 'text', 'postal-code', ' inputmode="numeric" maxlength="4"')}
${select('municipality', page.municipalities, false)}
<input type="hidden" id="lat" name="lat" value="${value('lat')}"><input type="hidden" id="lon" name="lon" value="${value('lon')}">
<p id="locate-row" hidden><button type="button" class="secondary" id="locate" data-done="${escapeHtml(t.located)}">${escapeHtml(t.locate)}</button> <span id="locate-status" role="status"></span></p>
</fieldset>
<fieldset><legend><h2>${escapeHtml(t.sections.who)}</h2></legend>
${input('name', 'text', 'name', ' maxlength="200"')}
${input('email', 'email', 'email', ' maxlength="254"')}
<label class="check" for="consent"><input type="checkbox" id="consent" name="consent" value="yes"${values.consent === 'yes' ? ' checked' : ''}> ${escapeHtml(t.labels.consent)}</label>
${input('phone', 'tel', 'tel', ' maxlength="30"')}
<div class="hp"><label for="website">${escapeHtml(t.honeypot)}</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div>
</fieldset>
<!-- Last in the form: a file over the limit stops the upload, and the fields before it are kept. -->
${label('photos', false)}<input type="file" id="photos" name="photos" multiple accept="image/jpeg,image/png,image/webp,image/heic,application/pdf"${attrs('photos')}>
<button type="submit">${escapeHtml(t.send)}</button>
</form></main>
<script>${LOCATE_SCRIPT}</script></body></html>
`;
}

/** What a robot caught by the honeypot sees: the same thanks as anyone, and nothing was filed. */
export function renderThanks(language: FormLanguage, heading: string): string {
  const t = WEB_FORM_TEXTS[language];
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${t.thanks.title} – ${heading}`)}</title><style>${CITIZEN_PAGE_STYLE}</style></head>
<body><header><div class="wrap"><span class="name">${escapeHtml(heading)}</span></div></header>
<main class="wrap"><h1>${escapeHtml(t.thanks.title)}</h1><p>${escapeHtml(t.thanks.body)}</p></main></body></html>
`;
}
