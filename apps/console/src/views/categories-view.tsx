import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { CategorySetting, Language } from '../api/contract';
import { errorText } from '../components/error-text';
import { useI18n } from '../i18n/i18n';
import { backOfficeFields, backOfficeText } from '../domain/back-office-fields';
import { useWorkspace } from '../state/workspace';
import { MunicipalityPicker, useManagedMunicipalities } from './municipality-picker';
import { PageNotice, type Notice } from '../components/page-notice';

const KINDS = ['report', 'question', 'complaint'] as const;
const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
const LANGUAGES: Language[] = ['nl', 'fr', 'en'];

interface Draft {
  code: string;
  isNew: boolean;
  origin: 'regional' | 'local';
  names: Record<Language, string>;
  kinds: string[];
  defaultPriority: string;
  backOffice: string;
}

const NEW: Draft = {
  code: '',
  isNew: true,
  origin: 'local',
  names: { nl: '', fr: '', en: '' },
  kinds: ['report'],
  defaultPriority: 'P3',
  backOffice: '',
};

/**
 * A municipality's categories, for admins and its supervisors: offer a regional one or not,
 * give it the municipality's own name, add its own, and say where each goes in the back-office.
 */
export function CategoriesView() {
  const { t, language } = useI18n();
  const { api, reloadCategories } = useWorkspace();
  const { mine } = useManagedMunicipalities();
  const [code, setCode] = useState('');
  const municipality = code || mine[0]?.code || '';
  const [settings, setSettings] = useState<CategorySetting[] | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const base = `/api/v1/municipalities/${municipality}/category-settings`;

  const load = useCallback(async () => {
    if (!municipality) return;
    setSettings(await api.get<CategorySetting[]>(base).catch(() => []));
  }, [api, base, municipality]);
  useEffect(() => void load(), [load]);

  const change = async (categoryCode: string, method: 'PUT' | 'DELETE', body: object, done: string) => {
    setNotice(null);
    try {
      await api.request(method, `${base}/${encodeURIComponent(categoryCode)}`, { body });
      setNotice({ ok: true, text: done });
      setDraft(null);
      await load();
      reloadCategories();
    } catch (error) {
      setNotice({ ok: false, text: errorText(t, error) });
      await load();
    }
  };

  // Shown at once; the list is read again after the save, so a refusal puts it back.
  const toggle = (c: CategorySetting) => {
    setSettings((list) => list?.map((x) => (x.code === c.code ? { ...x, enabled: !c.enabled } : x)) ?? null);
    void change(c.code, 'PUT', { enabled: !c.enabled }, t('categories.saved'));
  };

  const edit = (c: CategorySetting) =>
    setDraft({
      code: c.code,
      isNew: false,
      origin: c.origin ?? 'regional',
      names: { ...c.name },
      kinds: c.kinds,
      defaultPriority: c.defaultPriority,
      backOffice: backOfficeText(c.backOffice),
    });

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    const current = settings?.find((c) => c.code === draft.code);
    const regionalNames = current?.regionalName ?? current?.name;
    const sameAsRegion = LANGUAGES.every((l) => regionalNames?.[l] === draft.names[l].trim());
    const body =
      draft.origin === 'regional'
        ? { name: sameAsRegion ? null : draft.names, backOffice: backOfficeFields(draft.backOffice) }
        : {
            name: draft.names,
            kinds: draft.kinds,
            defaultPriority: draft.defaultPriority,
            backOffice: backOfficeFields(draft.backOffice),
          };
    void change(draft.code.trim(), 'PUT', body, t('categories.saved'));
  };

  return (
    <main id="main" className="answers" aria-labelledby="categories-title">
      <h1 id="categories-title">{t('categories.title')}</h1>
      <MunicipalityPicker
        id="categories-municipality"
        value={municipality}
        options={mine}
        onChange={(chosen) => {
          setCode(chosen);
          setDraft(null);
        }}
      />
      <table className="answers-table" data-testid="category-settings">
        <thead>
          <tr>
            <th scope="col">{t('categories.offered')}</th>
            <th scope="col">{t('answers.category')}</th>
            <th scope="col">{t('categories.origin')}</th>
            <th scope="col">{t('categories.backOffice')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('categories.edit')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(settings ?? []).map((c) => (
            <tr key={c.code} data-testid={`category-${c.code}`}>
              <td>
                <input
                  type="checkbox"
                  checked={c.enabled}
                  aria-label={`${t('categories.offered')}: ${c.name[language]}`}
                  onChange={() => toggle(c)}
                />
              </td>
              <td>
                <strong>{c.name[language]}</strong>
                {c.regionalName ? (
                  <span className="muted">
                    {' '}
                    ({t('categories.regionalName', { name: c.regionalName[language] })})
                  </span>
                ) : null}
                <br />
                <code className="muted">{c.code}</code>
              </td>
              <td>{c.origin === 'local' ? t('categories.local') : t('categories.regional')}</td>
              <td>{c.backOffice ? backOfficeText(c.backOffice, '; ') : '—'}</td>
              <td>
                <button
                  type="button"
                  onClick={() => edit(c)}
                  aria-label={`${t('categories.edit')}: ${c.name[language]}`}
                >
                  {t('categories.edit')}
                </button>{' '}
                {c.origin === 'local' || c.regionalName ? (
                  <button
                    type="button"
                    onClick={() => void change(c.code, 'DELETE', {}, t('categories.resetDone'))}
                    aria-label={`${c.origin === 'local' ? t('categories.remove') : t('categories.reset')}: ${c.name[language]}`}
                  >
                    {c.origin === 'local' ? t('categories.remove') : t('categories.reset')}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => setDraft(NEW)} data-testid="category-add">
        {t('categories.add')}
      </button>
      <PageNotice notice={notice} />
      {draft ? <CategoryForm draft={draft} setDraft={setDraft} onSubmit={save} /> : null}
    </main>
  );
}

function CategoryForm({
  draft,
  setDraft,
  onSubmit,
}: {
  draft: Draft;
  setDraft: (d: Draft | null) => void;
  onSubmit: (e: FormEvent) => void;
}) {
  const { t } = useI18n();
  const own = draft.origin === 'local';
  return (
    <form onSubmit={onSubmit} className="answers-form" aria-labelledby="category-form-title">
      <h2 id="category-form-title">{draft.isNew ? t('categories.add') : t('categories.edit')}</h2>
      <label htmlFor="category-code">{t('categories.code')}</label>
      <input
        id="category-code"
        value={draft.code}
        readOnly={!draft.isNew}
        required
        pattern="[a-z0-9]+(-[a-z0-9]+)*"
        maxLength={60}
        onChange={(e) => setDraft({ ...draft, code: e.target.value })}
      />
      {LANGUAGES.map((l) => (
        <div key={l}>
          <label htmlFor={`category-name-${l}`}>{t(`categories.name.${l}`)}</label>
          <input
            id={`category-name-${l}`}
            value={draft.names[l]}
            required
            maxLength={80}
            onChange={(e) => setDraft({ ...draft, names: { ...draft.names, [l]: e.target.value } })}
          />
        </div>
      ))}
      {own ? (
        <>
          <fieldset>
            <legend>{t('intake.kind')}</legend>
            {KINDS.map((k) => (
              <label key={k} className="field-check">
                <input
                  type="checkbox"
                  checked={draft.kinds.includes(k)}
                  onChange={(e) =>
                    setDraft({
                      ...draft,
                      kinds: e.target.checked ? [...draft.kinds, k] : draft.kinds.filter((x) => x !== k),
                    })
                  }
                />
                {t(`kind.${k}`)}
              </label>
            ))}
          </fieldset>
          <label htmlFor="category-priority">{t('categories.priority')}</label>
          <select
            id="category-priority"
            value={draft.defaultPriority}
            onChange={(e) => setDraft({ ...draft, defaultPriority: e.target.value })}
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </>
      ) : null}
      <label htmlFor="category-back-office">{t('categories.backOffice')}</label>
      <textarea
        id="category-back-office"
        rows={3}
        value={draft.backOffice}
        aria-describedby="category-back-office-hint"
        onChange={(e) => setDraft({ ...draft, backOffice: e.target.value })}
      />
      <span id="category-back-office-hint" className="hint">
        {t('categories.backOfficeHint')}
      </span>
      <div>
        <button type="submit" className="primary">
          {t('answers.save')}
        </button>{' '}
        <button type="button" onClick={() => setDraft(null)}>
          {t('categories.cancel')}
        </button>
      </div>
    </form>
  );
}
