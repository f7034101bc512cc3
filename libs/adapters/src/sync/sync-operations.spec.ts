import { TICKET_EVENTS } from '@meldpunt/tickets';
import { plannedSync } from './sync-operations';

const agent = { type: 'user', name: 'An Agent' };

/** What a status change of the ticket by `actor` plans for the back-office. */
const statusChange = (actor: { type: string; name?: string }, data: Record<string, unknown>) =>
  plannedSync({ type: TICKET_EVENTS.statusChanged, entry: { type: 'status_changed', actor, data } });

describe('plannedSync', () => {
  it('creates the case for a new ticket', () => {
    expect(
      plannedSync({ type: TICKET_EVENTS.created, entry: { type: 'created', actor: agent, data: {} } }),
    ).toEqual({
      operation: 'create',
      payload: {},
    });
  });

  it('transfers the case of a ticket sent to another municipality', () => {
    const data = { from: 'kuurne', to: 'kortrijk', reason: 'adres ligt in Kortrijk' };
    expect(
      plannedSync({ type: TICKET_EVENTS.rerouted, entry: { type: 'rerouted', actor: agent, data } }),
    ).toEqual({ operation: 'transfer', payload: data });
  });

  it('notes a merge in both cases, each naming the other', () => {
    const merged = plannedSync({
      type: TICKET_EVENTS.merged,
      entry: {
        type: 'merged',
        actor: agent,
        data: { into: 'ZWVL-2027-000001', intoCases: ['M2027 041'], from: 'new', to: 'cancelled' },
      },
    });
    expect(merged).toEqual({
      operation: 'note',
      payload: {
        visibility: 'internal',
        text: 'Meldpunt: melding samengevoegd met ZWVL-2027-000001, zaak M2027 041; deze zaak wordt niet meer vanuit het meldpunt opgevolgd.',
      },
    });
    const received = plannedSync({
      type: TICKET_EVENTS.merged,
      entry: { type: 'merge_received', actor: agent, data: { from: 'ZWVL-2027-000002' } },
    });
    expect(received?.payload.text).toContain('ZWVL-2027-000002 (zelfde probleem, andere melder)');
  });

  it('notes a question to an outside party, and its answer under the party’s name', () => {
    const asked = plannedSync({
      type: TICKET_EVENTS.forwardedExternal,
      entry: {
        type: 'forwarded_external',
        actor: agent,
        data: { partyName: 'Fluvius', question: 'Gaslek?' },
      },
    });
    expect(asked?.payload.text).toBe('Meldpunt: vraag doorgestuurd naar Fluvius: Gaslek?');
    const answer = plannedSync({
      type: TICKET_EVENTS.messageAdded,
      entry: {
        type: 'message_internal',
        actor: { type: 'external', name: 'Fluvius' },
        data: { body: 'Morgen' },
      },
    });
    expect(answer?.payload).toEqual({ visibility: 'internal', text: 'Externe partij (Fluvius): Morgen' });
  });

  it('passes messages on as notes with their visibility', () => {
    const internal = plannedSync({
      type: TICKET_EVENTS.messageAdded,
      entry: { type: 'message_internal', actor: agent, data: { body: 'ladder nodig' } },
    });
    expect(internal).toEqual({
      operation: 'note',
      payload: { visibility: 'internal', text: 'Meldpunt (An Agent): ladder nodig' },
    });
    const reply = plannedSync({
      type: TICKET_EVENTS.messageAdded,
      entry: { type: 'message_public', actor: { type: 'citizen' }, data: { body: 'foto volgt' } },
    });
    expect(reply?.payload).toEqual({ visibility: 'public', text: 'Burger: foto volgt' });
  });

  it('maps waiting for the citizen to hold and back to resume', () => {
    const hold = statusChange(agent, {
      from: 'in_progress',
      to: 'waiting_for_citizen',
      message: 'Welk huisnummer?',
    });
    expect(hold).toEqual({ operation: 'hold', payload: { reason: 'Welk huisnummer?' } });
    const resume = statusChange({ type: 'citizen' }, { from: 'waiting_for_citizen', to: 'in_progress' });
    expect(resume?.operation).toBe('resume');
  });

  it('never echoes what came from the back-office', () => {
    const fromTool = { type: 'backoffice', name: 'TOPdesk' };
    expect(statusChange(fromTool, { from: 'in_progress', to: 'resolved' })).toBeNull();
    expect(
      plannedSync({
        type: TICKET_EVENTS.messageAdded,
        entry: { type: 'message_internal', actor: fromTool, data: { body: 'x' } },
      }),
    ).toBeNull();
  });

  it('tells the back-office what the contact center decided itself', () => {
    const cancelled = statusChange(agent, { from: 'new', to: 'cancelled', reason: 'duplicate' });
    expect(cancelled).toEqual({
      operation: 'note',
      payload: { visibility: 'internal', text: 'Meldpunt: ticket geannuleerd: duplicate' },
    });
    expect(statusChange(agent, { from: 'new', to: 'in_progress' })).toBeNull();
  });

  it('reopens the case when the citizen (or an agent) reopens what was resolved', () => {
    expect(statusChange({ type: 'citizen' }, { from: 'resolved', to: 'in_progress' })).toEqual({
      operation: 'reopen',
      payload: { reason: null, by: 'citizen' },
    });
    expect(
      statusChange(agent, { from: 'resolved', to: 'in_progress', message: 'Toch niet hersteld' }),
    ).toEqual({
      operation: 'reopen',
      payload: { reason: 'Toch niet hersteld', by: agent.type },
    });
  });
});
