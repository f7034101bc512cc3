import { useEffect, useState } from 'react';
import type { DeskStatus } from '../api/contract';
import { useI18n } from '../i18n/i18n';
import { useWorkspace } from '../state/workspace';

const REFRESH_MS = 60_000;

/**
 * "Outside opening hours": which of the agent's municipalities the regional desk covers now,
 * with the api's own sentence per municipality ("Kortrijk is gesloten tot maandag 08:30").
 * Hidden when the desk status is not available.
 */
export function DeskBanner() {
  const { t, language } = useI18n();
  const { api } = useWorkspace();
  const [desk, setDesk] = useState<DeskStatus[] | null>(null);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const statuses = await api.get<DeskStatus[]>('/api/v1/desk');
        if (cancelled) return;
        setDesk(Array.isArray(statuses) ? statuses : null);
        // Refresh at the next opening or closing (a few seconds after), at the latest each minute.
        const next = statuses
          .map((s) => (s.changesAt ? Date.parse(s.changesAt) - Date.now() + 2000 : REFRESH_MS))
          .reduce((a, b) => Math.min(a, b), REFRESH_MS);
        timer = setTimeout(() => void load(), Math.max(5000, next));
      } catch {
        if (cancelled) return;
        setDesk(null);
        timer = setTimeout(() => void load(), REFRESH_MS);
      }
    };
    void load();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api]);

  const closed = (desk ?? [])
    .filter((d) => d.responsibleDesk === 'regional')
    .sort((a, b) => (a.changesAt ?? '9').localeCompare(b.changesAt ?? '9'));
  if (!desk || !closed.length) return null;
  const all = closed.length === desk.length;
  // All closed (nights, weekends): one sentence and the first reopening, not thirteen lines.
  const reasons = all ? closed.slice(0, 1) : closed.slice(0, 4);
  return (
    <aside className="banner banner-desk" aria-label={t('desk.title')} data-testid="desk-banner">
      <strong>{t('desk.title')}.</strong>{' '}
      {all ? t('desk.allClosed') : t('desk.regional', { names: closed.map((d) => d.name).join(', ') })}{' '}
      <span className="desk-reasons">
        {reasons.map((d) => d.reason[language] ?? d.reason.nl).join(' · ')}
      </span>
    </aside>
  );
}
