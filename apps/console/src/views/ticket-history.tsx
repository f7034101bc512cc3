import type { HistoryEvent, TicketStatus } from '../api/contract';
import { useI18n, type Translate } from '../i18n/i18n';

export function TicketHistory({ events }: { events: HistoryEvent[] | null }) {
  const { t, dateTime } = useI18n();
  if (!events) return <p className="muted">{t('detail.loading')}</p>;
  if (!events.length) return <p className="muted">{t('history.empty')}</p>;
  return (
    <ol className="history" data-testid="history">
      {events.map((event) => {
        const { title, body, tone } = describe(t, event);
        return (
          <li key={event.id} className={`history-item tone-${tone}`} data-type={event.type}>
            <div className="history-head">
              <span className="history-title">{title}</span>
              <span className="history-meta">
                {event.actor.type === 'system' ? t('history.system') : event.actor.name} ·{' '}
                <time dateTime={event.at}>{dateTime(event.at)}</time>
              </span>
            </div>
            {body ? <p className="history-body">{body}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}

type Tone = 'public' | 'citizen' | 'internal' | 'status' | 'alert' | 'plain';

function describe(t: Translate, event: HistoryEvent): { title: string; body: string | null; tone: Tone } {
  const data = event.data;
  const text = (key: string) => (typeof data[key] === 'string' ? data[key] : null);
  const status = (key: string) => t(`status.${(text(key) ?? 'new') as TicketStatus}`);
  switch (event.type) {
    case 'created':
      return { title: t('history.created'), body: null, tone: 'plain' };
    case 'status_changed':
      return {
        title: t('history.status_changed', { from: status('from'), to: status('to') }),
        body: text('message') ?? (text('reason') ? t(`cancel.${text('reason') as 'spam'}`) : null),
        tone: 'status',
      };
    case 'message_public':
      return event.actor.type === 'citizen'
        ? {
            title: t(text('via') === 'email' ? 'history.citizen_mail' : 'history.citizen_reply'),
            body: text('body'),
            tone: 'citizen',
          }
        : { title: t('history.message_public'), body: text('body'), tone: 'public' };
    case 'message_internal':
      return { title: t('history.message_internal'), body: text('body'), tone: 'internal' };
    case 'assigned':
      return {
        title: text('name') ? t('history.assigned', { name: text('name')! }) : t('history.unassigned'),
        body: null,
        tone: 'plain',
      };
    case 'updated':
      return {
        title: t('history.updated', {
          field: text('field') ?? '',
          from: text('from') ?? '',
          to: text('to') ?? '',
        }),
        body: null,
        tone: 'plain',
      };
    case 'sla_warning':
    case 'sla_breached':
    case 'notification_failed':
      return { title: t(`history.${event.type}`), body: null, tone: 'alert' };
    case 'claimed':
    case 'released':
    case 'notification_sent':
      return { title: t(`history.${event.type}`), body: null, tone: 'plain' };
    case 'feedback':
      return {
        title: t('history.feedback', { score: typeof data.score === 'number' ? String(data.score) : '?' }),
        body: text('comment'),
        tone: 'citizen',
      };
    case 'chat_transcript': {
      const lines = Array.isArray(data.messages)
        ? (data.messages as { sender?: string; authorName?: string; body?: string }[])
        : [];
      const body = lines
        .map((m) => `${m.sender === 'citizen' ? t('chat.citizen') : (m.authorName ?? '')}: ${m.body ?? ''}`)
        .join('\n');
      return { title: t('history.chat_transcript'), body, tone: 'citizen' };
    }
    case 'rerouted':
      return {
        title: t('history.rerouted', { from: text('from') ?? '', to: text('to') ?? '' }),
        body: text('reason'),
        tone: 'status',
      };
    case 'on_call_paged':
      return { title: t('history.on_call_paged', { name: text('name') ?? '' }), body: null, tone: 'status' };
    case 'on_call_acknowledged':
      return { title: t('history.on_call_acknowledged'), body: null, tone: 'status' };
    case 'on_call_unanswered':
      return { title: t('history.on_call_unanswered'), body: null, tone: 'status' };
    case 'forwarded_external':
      return {
        title: t('history.forwarded_external', { party: text('partyName') ?? '' }),
        body: text('question'),
        tone: 'internal',
      };
    case 'merged':
      return {
        title: t('history.merged', { into: text('into') ?? '' }),
        body: text('reason'),
        tone: 'status',
      };
    case 'merge_received':
      return {
        title: t('history.merge_received', { from: text('from') ?? '' }),
        body: text('reason'),
        tone: 'status',
      };
    case 'merge_resolved':
      return { title: t('history.merge_resolved', { into: text('into') ?? '' }), body: null, tone: 'plain' };
    case 'backoffice_linked':
      return {
        title: t('history.backoffice_linked', {
          number: text('number') ?? text('id') ?? '',
          system: text('system') ?? '',
        }),
        body: null,
        tone: 'plain',
      };
    case 'backoffice_released':
      return {
        title: t('history.backoffice_released', {
          number: text('number') ?? text('id') ?? '',
          municipality: text('municipalityCode') ?? '',
        }),
        body: null,
        tone: 'plain',
      };
    default:
      return { title: t('history.other', { type: event.type }), body: null, tone: 'plain' };
  }
}
