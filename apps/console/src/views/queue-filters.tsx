import { useEffect, useRef, useState, type RefObject } from 'react';
import { TICKET_STATUSES, type Category, type Municipality, type Team } from '../api/contract';
import { useI18n } from '../i18n/i18n';
import type { QueueFilter } from '../state/queue-filter';
import { useWorkspace } from '../state/workspace';

export type QueueSort = 'urgency' | 'newest';

interface Props {
  filter: QueueFilter;
  onChange: (filter: QueueFilter) => void;
  sort: QueueSort;
  onSort: (sort: QueueSort) => void;
  municipalities: Municipality[];
  categories: Category[];
  searchRef: RefObject<HTMLInputElement | null>;
}

const SEARCH_DELAY_MS = 250;

export function QueueFilters({
  filter,
  onChange,
  sort,
  onSort,
  municipalities,
  categories,
  searchRef,
}: Props) {
  const { t, language } = useI18n();
  const { api } = useWorkspace();
  const [q, setQ] = useState(filter.q);
  // A municipality's teams, once one is chosen (teams belong to one municipality).
  const [teams, setTeams] = useState<Team[]>([]);
  useEffect(() => {
    if (!filter.municipality) return setTeams([]);
    let alive = true;
    api
      .get<Team[]>(`/api/v1/municipalities/${filter.municipality}/teams`)
      .then((list) => alive && setTeams(list))
      .catch(() => alive && setTeams([]));
    return () => {
      alive = false;
    };
  }, [api, filter.municipality]);
  const latest = useRef(filter);
  latest.current = filter;

  useEffect(() => {
    if (q === latest.current.q) return;
    const timer = setTimeout(() => onChange({ ...latest.current, q }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [q, onChange]);

  return (
    <form
      className="filters"
      role="search"
      aria-label={t('queue.filters')}
      onSubmit={(e) => e.preventDefault()}
    >
      <label className="filter-search">
        <span>{t('queue.search')}</span>
        <input
          ref={searchRef}
          type="search"
          value={q}
          placeholder={t('queue.searchPlaceholder')}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onChange({ ...filter, q });
            if (e.key === 'Escape' && q) {
              e.preventDefault();
              setQ('');
            }
          }}
          data-testid="queue-search"
        />
      </label>
      <label>
        <span>{t('queue.status')}</span>
        <select
          value={filter.status}
          onChange={(e) => onChange({ ...filter, status: e.target.value as QueueFilter['status'] })}
        >
          <option value="open">{t('queue.statusOpen')}</option>
          <option value="all">{t('queue.statusAll')}</option>
          {TICKET_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('queue.municipality')}</span>
        <select
          value={filter.municipality}
          onChange={(e) => onChange({ ...filter, municipality: e.target.value, team: '' })}
        >
          <option value="">{t('queue.allMunicipalities')}</option>
          {municipalities.map((m) => (
            <option key={m.code} value={m.code}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      {teams.length ? (
        <label>
          <span>{t('queue.team')}</span>
          <select value={filter.team} onChange={(e) => onChange({ ...filter, team: e.target.value })}>
            <option value="">{t('queue.allTeams')}</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label>
        <span>{t('queue.category')}</span>
        <select value={filter.category} onChange={(e) => onChange({ ...filter, category: e.target.value })}>
          <option value="">{t('queue.allCategories')}</option>
          {categories.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name[language]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('queue.sort')}</span>
        <select value={sort} onChange={(e) => onSort(e.target.value as QueueSort)}>
          <option value="urgency">{t('queue.sortUrgency')}</option>
          <option value="newest">{t('queue.sortNewest')}</option>
        </select>
      </label>
      <label className="filter-check">
        <input
          type="checkbox"
          checked={filter.breached}
          onChange={(e) => onChange({ ...filter, breached: e.target.checked })}
        />
        <span>{t('queue.breachedOnly')}</span>
      </label>
    </form>
  );
}
