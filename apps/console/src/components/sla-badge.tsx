import { memo } from 'react';
import type { Ticket } from '../api/contract';
import { formatRemaining, slaCountdown } from '../domain/sla-countdown';
import { useI18n } from '../i18n/i18n';
import { useNow } from '../state/use-now';

/** The live countdown of a ticket's current SLA promise, coloured by how close it is. */
export const SlaBadge = memo(function SlaBadge({ ticket, warned }: { ticket: Ticket; warned: boolean }) {
  const { t, dateTime } = useI18n();
  const now = useNow();
  const countdown = slaCountdown(ticket, now, warned);
  if (countdown.level === 'done' || countdown.level === 'none' || countdown.remainingMs === null) {
    return <span className="sla sla-done">—</span>;
  }
  const units = { day: t('sla.day'), hour: t('sla.hour'), minute: t('sla.minute') };
  const target = t(countdown.target === 'response' ? 'sla.response' : 'sla.resolution');
  const time = formatRemaining(countdown.remainingMs, units);
  const overdue = countdown.remainingMs <= 0;
  const label = overdue
    ? t('sla.overdue', { target, time: formatRemaining(-countdown.remainingMs, units) })
    : t('sla.dueIn', { target, time });
  const state =
    countdown.level === 'breached'
      ? t('sla.breached')
      : countdown.level === 'warning'
        ? t('sla.warning')
        : countdown.level === 'paused'
          ? t('sla.paused')
          : null;
  return (
    <span
      className={`sla sla-${countdown.level}`}
      data-sla={countdown.level}
      title={`${label}${countdown.dueAt ? ` (${dateTime(countdown.dueAt)})` : ''}`}
    >
      <span className="sla-time">{time}</span>
      <span className="sla-target">
        {target}
        {state ? ` · ${state}` : ''}
      </span>
    </span>
  );
});
