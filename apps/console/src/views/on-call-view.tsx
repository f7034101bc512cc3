import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Holder } from '../api/contract';
import { useI18n } from '../i18n/i18n';
import { useWorkspace } from '../state/workspace';
import { MunicipalityPage, SettingsTable, useManagedMunicipalities } from './municipality-picker';
import { PageNotice, usePageChanges } from '../components/page-notice';

interface Shift {
  id: string;
  userName: string;
  phone: string | null;
  startsAt: string;
  endsAt: string;
  position: number;
}

const EMPTY = { userId: '', startsAt: '', endsAt: '', position: '1', phone: '' };

/**
 * A municipality's watch (wachtdienst), for admins and its supervisors: the shifts of the coming
 * two weeks, who is paged first, and a form to add one. An urgent ticket out of hours pages the
 * people on watch in this order.
 */
export function OnCallView() {
  const { t, language } = useI18n();
  const { api } = useWorkspace();
  const { mine } = useManagedMunicipalities();
  const [code, setCode] = useState('');
  const municipality = code || mine[0]?.code || '';
  const [shifts, setShifts] = useState<Shift[] | null>(null);
  const [people, setPeople] = useState<Holder[]>([]);
  const [draft, setDraft] = useState(EMPTY);

  const load = useCallback(async () => {
    if (!municipality) return;
    const base = `/api/v1/municipalities/${municipality}`;
    const [list, candidates] = await Promise.all([
      api.get<Shift[]>(`${base}/on-call-shifts`).catch(() => []),
      api.get<Holder[]>(`${base}/team-candidates`).catch(() => []),
    ]);
    setShifts(list);
    setPeople(candidates);
  }, [api, municipality]);
  useEffect(() => void load(), [load]);

  const { notice, run } = usePageChanges(load, () => setDraft(EMPTY));

  const add = (event: FormEvent) => {
    event.preventDefault();
    // The inputs hold the wall-clock time of the browser (the desk's): sent as instants.
    const body = {
      userId: draft.userId,
      startsAt: new Date(draft.startsAt).toISOString(),
      endsAt: new Date(draft.endsAt).toISOString(),
      position: Number(draft.position),
      ...(draft.phone.trim() ? { phone: draft.phone.trim() } : {}),
    };
    void run(
      () => api.post(`/api/v1/municipalities/${municipality}/on-call-shifts`, body),
      t('onCall.added'),
    );
  };

  const when = (iso: string) =>
    new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : `${language}-BE`, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(iso));

  return (
    <MunicipalityPage
      id="on-call-page"
      title={t('onCall.pageTitle')}
      municipality={municipality}
      options={mine}
      onChange={(chosen) => {
        setCode(chosen);
        setDraft(EMPTY);
      }}
    >
      <SettingsTable
        testId="on-call-shifts"
        columns={[
          t('onCall.person'),
          t('onCall.from'),
          t('onCall.until'),
          t('onCall.position'),
          t('onCall.phone'),
        ]}
        actions={t('categories.remove')}
        empty={shifts && !shifts.length ? t('onCall.none') : null}
      >
        {(shifts ?? []).map((s) => (
          <tr key={s.id}>
            <td>{s.userName}</td>
            <td>{when(s.startsAt)}</td>
            <td>{when(s.endsAt)}</td>
            <td>{s.position}</td>
            <td>{s.phone ?? '—'}</td>
            <td>
              <button
                type="button"
                aria-label={`${t('categories.remove')}: ${s.userName}, ${when(s.startsAt)}`}
                onClick={() =>
                  void run(
                    () => api.request('DELETE', `/api/v1/on-call-shifts/${s.id}`, {}),
                    t('onCall.removed'),
                  )
                }
              >
                {t('categories.remove')}
              </button>
            </td>
          </tr>
        ))}
      </SettingsTable>
      <PageNotice notice={notice} />
      <form onSubmit={add} className="answers-form" aria-labelledby="on-call-form-title">
        <h2 id="on-call-form-title">{t('onCall.new')}</h2>
        <label htmlFor="on-call-person">{t('onCall.person')}</label>
        <select
          id="on-call-person"
          required
          value={draft.userId}
          onChange={(e) => setDraft({ ...draft, userId: e.target.value })}
        >
          <option value="">…</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <label htmlFor="on-call-from">{t('onCall.from')}</label>
        <input
          id="on-call-from"
          type="datetime-local"
          required
          value={draft.startsAt}
          onChange={(e) => setDraft({ ...draft, startsAt: e.target.value })}
        />
        <label htmlFor="on-call-until">{t('onCall.until')}</label>
        <input
          id="on-call-until"
          type="datetime-local"
          required
          value={draft.endsAt}
          onChange={(e) => setDraft({ ...draft, endsAt: e.target.value })}
        />
        <label htmlFor="on-call-position">{t('onCall.position')}</label>
        <input
          id="on-call-position"
          type="number"
          min={1}
          max={9}
          required
          value={draft.position}
          onChange={(e) => setDraft({ ...draft, position: e.target.value })}
        />
        <label htmlFor="on-call-phone">{t('onCall.phone')}</label>
        <input
          id="on-call-phone"
          type="tel"
          value={draft.phone}
          onChange={(e) => setDraft({ ...draft, phone: e.target.value })}
        />
        <button type="submit" className="primary">
          {t('onCall.add')}
        </button>
      </form>
    </MunicipalityPage>
  );
}
