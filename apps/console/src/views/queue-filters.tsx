import { useEffect, useRef, useState, type RefObject } from 'react';
import { TICKET_STATUSES, type Category, type Municipality } from '../api/contract';
import { useI18n } from '../i18n/i18n';
import type { QueueFilter } from '../state/queue-filter';

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
  const [q, setQ] = useState(filter.q);
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
          onChange={(e) => onChange({ ...filter, municipality: e.target.value })}
        >
          <option value="">{t('queue.allMunicipalities')}</option>
          {municipalities.map((m) => (
            <option key={m.code} value={m.code}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
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
