import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Holder, Team } from '../api/contract';
import { useI18n } from '../i18n/i18n';
import { useWorkspace } from '../state/workspace';
import { MunicipalityPage, SettingsTable, useManagedMunicipalities } from './municipality-picker';
import { PageNotice, usePageChanges } from '../components/page-notice';

interface Draft {
  id: string | null;
  name: string;
  email: string;
  memberIds: string[];
  categoryCodes: string[];
}

const EMPTY: Draft = { id: null, name: '', email: '', memberIds: [], categoryCodes: [] };

/**
 * A municipality's teams, for admins and its supervisors: name, shared mailbox, members, and the
 * categories whose new tickets go to the team at intake.
 */
export function TeamsView() {
  const { t, language } = useI18n();
  const { api, categoriesFor } = useWorkspace();
  const { mine } = useManagedMunicipalities();
  const [code, setCode] = useState('');
  const municipality = code || mine[0]?.code || '';
  const [teams, setTeams] = useState<Team[] | null>(null);
  const [people, setPeople] = useState<Holder[]>([]);
  const [draft, setDraft] = useState<Draft>(EMPTY);

  const load = useCallback(async () => {
    if (!municipality) return;
    const base = `/api/v1/municipalities/${municipality}`;
    const [list, candidates] = await Promise.all([
      api.get<Team[]>(`${base}/teams`).catch(() => []),
      api.get<Holder[]>(`${base}/team-candidates`).catch(() => []),
    ]);
    setTeams(list);
    setPeople(candidates);
  }, [api, municipality]);
  useEffect(() => void load(), [load]);

  const { notice, run } = usePageChanges(load, () => setDraft(EMPTY));

  const save = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: draft.name.trim(),
      email: draft.email.trim() || null,
      memberIds: draft.memberIds,
      categoryCodes: draft.categoryCodes,
    };
    void run(
      () =>
        draft.id
          ? api.request('PUT', `/api/v1/teams/${draft.id}`, { body })
          : api.post(`/api/v1/municipalities/${municipality}/teams`, body),
      t('teams.saved'),
    );
  };

  const toggle = (list: 'memberIds' | 'categoryCodes', id: string) =>
    setDraft((d) => ({
      ...d,
      [list]: d[list].includes(id) ? d[list].filter((m) => m !== id) : [...d[list], id],
    }));
  const categoryName = (code: string) =>
    categoriesFor(municipality).find((c) => c.code === code)?.name[language] ?? code;

  return (
    <MunicipalityPage
      id="teams"
      title={t('teams.title')}
      municipality={municipality}
      options={mine}
      onChange={(chosen) => {
        setCode(chosen);
        setDraft(EMPTY);
      }}
    >
      <SettingsTable
        testId="teams"
        columns={[t('teams.name'), t('teams.email'), t('teams.members'), t('teams.categories')]}
        actions={t('categories.edit')}
        empty={teams && !teams.length ? t('teams.none') : null}
      >
        {(teams ?? []).map((team) => (
          <tr key={team.id}>
            <td>{team.name}</td>
            <td>{team.email ?? '—'}</td>
            <td>{team.members.map((m) => m.name).join(', ') || '—'}</td>
            <td>{(team.categoryCodes ?? []).map(categoryName).join(', ') || '—'}</td>
            <td>
              <button
                type="button"
                aria-label={`${t('categories.edit')}: ${team.name}`}
                onClick={() =>
                  setDraft({
                    id: team.id,
                    name: team.name,
                    email: team.email ?? '',
                    memberIds: team.members.map((m) => m.id),
                    categoryCodes: team.categoryCodes ?? [],
                  })
                }
              >
                {t('categories.edit')}
              </button>{' '}
              <button
                type="button"
                aria-label={`${t('categories.remove')}: ${team.name}`}
                onClick={() =>
                  void run(() => api.request('DELETE', `/api/v1/teams/${team.id}`, {}), t('teams.removed'))
                }
              >
                {t('categories.remove')}
              </button>
            </td>
          </tr>
        ))}
      </SettingsTable>
      <PageNotice notice={notice} />
      <form onSubmit={save} className="answers-form" aria-labelledby="team-form-title">
        <h2 id="team-form-title">{draft.id ? t('teams.editing') : t('teams.new')}</h2>
        <label htmlFor="team-name">{t('teams.name')}</label>
        <input
          id="team-name"
          required
          maxLength={80}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
        <label htmlFor="team-email">{t('teams.email')}</label>
        <input
          id="team-email"
          type="email"
          maxLength={254}
          value={draft.email}
          onChange={(e) => setDraft({ ...draft, email: e.target.value })}
        />
        <fieldset>
          <legend>{t('teams.members')}</legend>
          {people.map((p) => (
            <label key={p.id} className="inline">
              <input
                type="checkbox"
                checked={draft.memberIds.includes(p.id)}
                onChange={() => toggle('memberIds', p.id)}
              />{' '}
              {p.name}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('teams.categories')}</legend>
          {categoriesFor(municipality).map((c) => (
            <label key={c.code} className="inline">
              <input
                type="checkbox"
                checked={draft.categoryCodes.includes(c.code)}
                onChange={() => toggle('categoryCodes', c.code)}
              />{' '}
              {c.name[language] ?? c.name.nl}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="primary">
          {t('answers.save')}
        </button>
        {draft.id ? (
          <button type="button" onClick={() => setDraft(EMPTY)}>
            {t('categories.cancel')}
          </button>
        ) : null}
      </form>
    </MunicipalityPage>
  );
}
