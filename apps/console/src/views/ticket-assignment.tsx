import { useEffect, useState } from 'react';
import type { Holder, Team, Ticket } from '../api/contract';
import { errorText } from '../components/error-text';
import { useI18n } from '../i18n/i18n';
import { useConsoleState, useWorkspace } from '../state/workspace';
import { FormAlert } from '../components/form-alert';

interface Props {
  ticket: Ticket;
  holder: Holder | null;
  onChanged: (ticket: Ticket) => void;
  onClaim: () => void;
  claimNotice: string | null;
}

/** Who handles the ticket: the live claim ("I'm on this call") and the lasting assignment. */
export function TicketAssignment({ ticket, holder, onChanged, onClaim, claimNotice }: Props) {
  const { t } = useI18n();
  const { api, session } = useWorkspace();
  const { agents, live } = useConsoleState();
  const [error, setError] = useState<string | null>(null);
  const me = session.user;
  const mine = holder?.id === me.id;
  const viewers = agents.filter((a) => a.viewing === ticket.id && a.id !== me.id);
  const others = agents.filter((a) => a.id !== me.id && a.id !== ticket.assignee?.id);

  const [teams, setTeams] = useState<Team[]>([]);

  // The teams of the ticket's municipality, read again when the ticket moves to another one.
  useEffect(() => {
    let cancelled = false;
    api
      .get<Team[]>(`/api/v1/municipalities/${ticket.municipalityCode}/teams`)
      .then((list) => !cancelled && setTeams(list))
      .catch(() => !cancelled && setTeams([]));
    return () => {
      cancelled = true;
    };
  }, [api, ticket.municipalityCode]);

  const change = async (body: { assigneeId?: string | null; teamId?: string | null }) => {
    setError(null);
    try {
      onChanged(await api.patch<Ticket>(`/api/v1/tickets/${ticket.id}`, body));
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  const assign = (assigneeId: string | null) => change({ assigneeId });

  return (
    <section className="assignment" aria-labelledby="assignment-title">
      <h2 id="assignment-title" className="visually-hidden">
        {t('detail.assignee')}
      </h2>
      <div className={`claim${holder && !mine ? ' claim-other' : ''}`} data-testid="claim">
        {holder ? (
          <span>{mine ? t('detail.heldByYou') : t('detail.heldBy', { name: holder.name ?? '?' })}</span>
        ) : null}
        <button type="button" onClick={onClaim} disabled={live !== 'live' || (!!holder && !mine)}>
          {mine ? t('detail.release') : t('detail.claim')} <kbd>c</kbd>
        </button>
        {claimNotice ? <span role="alert">{claimNotice}</span> : null}
      </div>
      {viewers.length ? (
        <p className="viewers">{t('detail.alsoViewing', { names: viewers.map((v) => v.name).join(', ') })}</p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>{t('detail.assignee')}</dt>
          <dd data-testid="assignee">{ticket.assignee?.name ?? t('detail.unassigned')}</dd>
        </div>
      </dl>
      {teams.length || ticket.team ? (
        <label className="inline">
          <span>{t('detail.team')}</span>
          <select
            data-testid="team"
            value={ticket.team?.id ?? ''}
            onChange={(e) => void change({ teamId: e.target.value || null })}
          >
            <option value="">{t('detail.noTeam')}</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <div className="button-row">
        {ticket.assignee?.id !== me.id ? (
          <button type="button" onClick={() => void assign(me.id)}>
            {t('detail.assignMe')} <kbd>a</kbd>
          </button>
        ) : null}
        {ticket.assignee ? (
          <button type="button" onClick={() => void assign(null)}>
            {t('detail.unassign')}
          </button>
        ) : null}
        {others.length ? (
          <label className="inline">
            <span>{t('detail.assignTo')}</span>
            <select value="" onChange={(e) => e.target.value && void assign(e.target.value)}>
              <option value="">…</option>
              {others.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <FormAlert error={error} />
    </section>
  );
}
