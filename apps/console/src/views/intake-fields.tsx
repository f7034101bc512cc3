import { useId } from 'react';
import {
  LANGUAGES,
  PRIORITIES,
  TICKET_KINDS,
  type Channel,
  type Language,
  type Priority,
} from '../api/contract';
import { municipalityFor } from '../domain/municipality-lookup';
import type { IntakeDraft, IntakeErrors, IntakeField } from '../domain/intake-draft';
import { useI18n } from '../i18n/i18n';
import { useWorkspace } from '../state/workspace';
import { CallerHistory } from './caller-history';
import { CategoryCombobox } from './category-combobox';
import { SlaPreviewLine } from './sla-preview-line';

interface Props {
  draft: IntakeDraft;
  errors: IntakeErrors;
  update: <K extends keyof IntakeDraft>(field: K, value: IntakeDraft[K]) => void;
}

const LANGUAGE_NAMES: Record<Language, string> = { nl: 'Nederlands', fr: 'Français', en: 'English' };
const INTAKE_CHANNELS: Channel[] = ['phone', 'counter', 'email', 'chat'];

export function IntakeFields({ draft, errors, update }: Props) {
  const { t } = useI18n();
  const { municipalities, categoriesFor } = useWorkspace();
  const id = useId();
  const found = municipalityFor(municipalities, draft.postcode, draft.address);
  const municipality = draft.municipalityCode
    ? municipalities.find((m) => m.code === draft.municipalityCode)
    : found?.municipality;
  // Once the municipality is known, only what it offers, under its names.
  const categories = categoriesFor(municipality?.code);
  const category = categories.find((c) => c.code === draft.categoryCode);
  const invalid = (field: IntakeField) =>
    errors[field] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-error` } : {};
  const error = (field: IntakeField) =>
    errors[field] ? (
      <span id={`${id}-${field}-error`} className="field-error">
        {t(errors[field])}
      </span>
    ) : null;
  const text = (
    field: 'phone' | 'email' | 'name' | 'address' | 'subject',
    label: string,
    type = 'text',
    extra = {},
  ) => (
    <label className={`field field-${field}`}>
      <span>{label}</span>
      <input
        type={type}
        value={draft[field]}
        onChange={(e) => update(field, e.target.value)}
        {...invalid(field)}
        {...extra}
        data-testid={`intake-${field}`}
      />
      {error(field)}
    </label>
  );

  return (
    <div className="intake-grid">
      <fieldset className="intake-section">
        <legend>{t('intake.caller')}</legend>
        {/* The call starts here: the focus is on the number as soon as the form opens. */}
        {text('phone', t('intake.phone'), 'tel', { autoComplete: 'off', inputMode: 'tel', autoFocus: true })}
        {text('email', t('intake.email'), 'email', { autoComplete: 'off' })}
        {text('name', t('intake.name'), 'text', { autoComplete: 'off' })}
        <label className="field">
          <span>{t('intake.language')}</span>
          <select value={draft.language} onChange={(e) => update('language', e.target.value as Language)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        <label className="field-check">
          <input
            type="checkbox"
            checked={draft.consent}
            disabled={!draft.email.trim()}
            onChange={(e) => update('consent', e.target.checked)}
          />
          <span>{t('intake.consent')}</span>
        </label>
        <CallerHistory phone={draft.phone} email={draft.email} />
      </fieldset>

      <fieldset className="intake-section">
        <legend>{t('intake.what')}</legend>
        <div className="field" role="radiogroup" aria-label={t('intake.kind')}>
          <span>{t('intake.kind')}</span>
          <div className="segmented">
            {TICKET_KINDS.map((k) => (
              <label key={k} className={draft.kind === k ? 'is-checked' : ''}>
                <input
                  type="radio"
                  name="kind"
                  value={k}
                  checked={draft.kind === k}
                  onChange={() => update('kind', k)}
                />
                {t(`kind.${k}`)}
              </label>
            ))}
          </div>
        </div>
        <div className="field">
          <span aria-hidden="true">{t('intake.category')}</span>
          <CategoryCombobox
            categories={categories}
            kind={draft.kind}
            value={draft.categoryCode}
            onChange={(code) => update('categoryCode', code)}
            invalid={!!errors.categoryCode}
            errorId={errors.categoryCode ? `${id}-categoryCode-error` : undefined}
          />
          {error('categoryCode')}
        </div>
        <label className="field">
          <span>{t('intake.description')}</span>
          <textarea
            rows={4}
            value={draft.description}
            onChange={(e) => update('description', e.target.value)}
            {...invalid('description')}
            data-testid="intake-description"
          />
          {error('description')}
        </label>
        {text('subject', t('intake.subject'))}
        <label className="field">
          <span>{t('intake.priority')}</span>
          <select
            value={draft.priority}
            onChange={(e) => update('priority', e.target.value as Priority | '')}
          >
            <option value="">
              {t('intake.priorityDefault')}
              {category ? ` (${category.defaultPriority})` : ''}
            </option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`priority.${p}`)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>

      <fieldset className="intake-section">
        <legend>{t('intake.where')}</legend>
        {text('address', t('intake.address'), 'text', { autoComplete: 'off' })}
        <label className="field field-postcode">
          <span>{t('intake.postcode')}</span>
          <input
            value={draft.postcode}
            inputMode="numeric"
            maxLength={4}
            onChange={(e) => update('postcode', e.target.value.replace(/\D/g, ''))}
            {...invalid('postcode')}
            data-testid="intake-postcode"
          />
          {error('postcode')}
        </label>
        <label className="field">
          <span>{t('intake.municipality')}</span>
          <select
            value={draft.municipalityCode}
            onChange={(e) => update('municipalityCode', e.target.value)}
            {...invalid('municipalityCode')}
            data-testid="intake-municipality"
          >
            <option value="">{t('intake.municipalityAuto')}</option>
            {municipalities.map((m) => (
              <option key={m.code} value={m.code}>
                {m.name}
              </option>
            ))}
          </select>
          {error('municipalityCode')}
        </label>
        <p className="resolved" aria-live="polite" data-testid="intake-resolved">
          {municipality
            ? t('intake.municipalityFound', { name: municipality.name })
            : /^\d{4}$/.test(draft.postcode)
              ? t('intake.postcodeOutside')
              : t('intake.municipalityUnknown')}
        </p>
        {municipality && category ? (
          <SlaPreviewLine
            municipalityCode={municipality.code}
            categoryCode={category.code}
            priority={draft.priority}
            kind={draft.kind}
          />
        ) : null}
        <label className="field">
          <span>{t('intake.channel')}</span>
          <select value={draft.channel} onChange={(e) => update('channel', e.target.value as Channel)}>
            {INTAKE_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channel.${c}`)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
    </div>
  );
}
