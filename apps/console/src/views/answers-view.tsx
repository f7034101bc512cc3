import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { errorText } from '../components/error-text';
import { useI18n } from '../i18n/i18n';
import { useWorkspace } from '../state/workspace';
import { PageNotice, type Notice } from '../components/page-notice';

interface StandardAnswer {
  id: string;
  municipalityCode: string | null;
  categoryCode: string | null;
  status: string | null;
  title: string;
  body: { nl: string; fr: string; en: string };
}

const STATUSES = ['new', 'in_progress', 'waiting_for_citizen', 'resolved', 'closed', 'cancelled'] as const;
const EMPTY = { title: '', municipalityCode: '', categoryCode: '', status: '', nl: '', fr: '', en: '' };

/**
 * Standard answers, for admins (the region's and every municipality's) and supervisors (their
 * municipalities'): the list, a new one in three languages, and removing one.
 */
export function AnswersView() {
  const { t, language } = useI18n();
  const { api, municipalities, categories, session } = useWorkspace();
  const [answers, setAnswers] = useState<StandardAnswer[] | null>(null);
  const [draft, setDraft] = useState(EMPTY);
  // The answer being edited (PUT), or null for a new one (POST).
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const regionWide = session.user.roles.includes('admin') || session.user.municipalities.length === 0;

  const load = useCallback(async () => {
    setAnswers(await api.get<StandardAnswer[]>('/api/v1/standard-answers').catch(() => []));
  }, [api]);
  useEffect(() => void load(), [load]);

  const field = (name: keyof typeof EMPTY) => ({
    id: `answer-${name}`,
    value: draft[name],
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value }),
  });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    try {
      const body = {
        title: draft.title,
        municipalityCode: draft.municipalityCode || null,
        categoryCode: draft.categoryCode || null,
        status: draft.status || null,
        body: { nl: draft.nl, fr: draft.fr, en: draft.en },
      };
      if (editing) await api.request('PUT', `/api/v1/standard-answers/${editing}`, { body });
      else await api.post('/api/v1/standard-answers', body);
      setDraft(EMPTY);
      setEditing(null);
      setNotice({ ok: true, text: t('answers.saved') });
      await load();
    } catch (error) {
      setNotice({ ok: false, text: errorText(t, error) });
    }
  };

  const edit = (a: StandardAnswer) => {
    setEditing(a.id);
    setNotice(null);
    setDraft({
      title: a.title,
      municipalityCode: a.municipalityCode ?? '',
      categoryCode: a.categoryCode ?? '',
      status: a.status ?? '',
      ...a.body,
    });
    requestAnimationFrame(() => document.getElementById('answer-title')?.focus());
  };

  const remove = async (id: string) => {
    try {
      await api.request('DELETE', `/api/v1/standard-answers/${id}`, {});
      await load();
    } catch (error) {
      setNotice({ ok: false, text: errorText(t, error) });
    }
  };

  const categoryName = (code: string | null) =>
    code ? (categories.find((c) => c.code === code)?.name[language] ?? code) : t('answers.anyCategory');
  return (
    <main id="main" className="answers" aria-labelledby="answers-title">
      <h1 id="answers-title">{t('answers.title')}</h1>
      <p className="hint">{t('answers.placeholders')}</p>
      <table className="answers-table" data-testid="answers">
        <thead>
          <tr>
            <th scope="col">{t('answers.titleField')}</th>
            <th scope="col">{t('answers.municipality')}</th>
            <th scope="col">{t('answers.category')}</th>
            <th scope="col">{t('answers.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('answers.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(answers ?? []).map((a) => (
            <tr key={a.id}>
              <td>
                <strong>{a.title}</strong>
                <br />
                <span className="muted">{a.body[language]}</span>
              </td>
              <td>{a.municipalityCode ?? t('answers.region')}</td>
              <td>{categoryName(a.categoryCode)}</td>
              <td>{a.status ? t(`status.${a.status as 'new'}`) : t('answers.anyStatus')}</td>
              <td>
                <button type="button" onClick={() => edit(a)} aria-label={`${t('answers.edit')}: ${a.title}`}>
                  {t('answers.edit')}
                </button>{' '}
                <button
                  type="button"
                  onClick={() => void remove(a.id)}
                  aria-label={`${t('answers.remove')}: ${a.title}`}
                >
                  {t('answers.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={(e) => void save(e)} className="answers-form" aria-labelledby="answers-new">
        <h2 id="answers-new">{editing ? t('answers.editing') : t('answers.new')}</h2>
        <label htmlFor="answer-title">{t('answers.titleField')}</label>
        <input {...field('title')} required maxLength={120} />
        <label htmlFor="answer-municipalityCode">{t('answers.municipality')}</label>
        <select {...field('municipalityCode')}>
          {regionWide ? <option value="">{t('answers.region')}</option> : null}
          {municipalities
            .filter((m) => regionWide || session.user.municipalities.includes(m.code))
            .map((m) => (
              <option key={m.code} value={m.code}>
                {m.name}
              </option>
            ))}
        </select>
        <label htmlFor="answer-categoryCode">{t('answers.category')}</label>
        <select {...field('categoryCode')}>
          <option value="">{t('answers.anyCategory')}</option>
          {categories.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name[language]}
            </option>
          ))}
        </select>
        <label htmlFor="answer-status">{t('answers.status')}</label>
        <select {...field('status')}>
          <option value="">{t('answers.anyStatus')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
        {(['nl', 'fr', 'en'] as const).map((lang) => (
          <div key={lang}>
            <label htmlFor={`answer-${lang}`}>{t(`answers.text.${lang}`)}</label>
            <textarea {...field(lang)} required maxLength={5000} rows={3} />
          </div>
        ))}
        <button type="submit" className="primary">
          {t('answers.save')}
        </button>
        {editing ? (
          <button
            type="button"
            onClick={() => {
              setEditing(null);
              setDraft(EMPTY);
            }}
          >
            {t('categories.cancel')}
          </button>
        ) : null}
        <PageNotice notice={notice} />
      </form>
    </main>
  );
}
