import type { BackOfficeConnection } from '../../port/back-office-adapter';
import { memoToText } from './memo-text';
import { statusOf, toRemoteChange } from './remote-change';
import type { TopdeskAction, TopdeskIncident } from './topdesk-types';
import { backOfficeConnection } from '../../../../../test/factories/back-office.factory';

const conn = (statusMap: BackOfficeConnection['statusMap'] = {}): BackOfficeConnection =>
  backOfficeConnection('topdesk', 'https://kortrijk.topdesk.net/tas/api', { statusMap });

const incident = (over: Partial<TopdeskIncident> = {}): TopdeskIncident => ({
  id: 'inc-1',
  number: 'I 2611 0042',
  externalNumber: 'ZWVL-2026-000042',
  processingStatus: { id: 'ps-1', name: 'Aangemeld' },
  onHold: false,
  completed: false,
  completedDate: null,
  closed: false,
  closedDate: null,
  modificationDate: '2026-11-23T10:20:00.000+0000',
  ...over,
});

const action = (id: string, entryDate: string, over: Partial<TopdeskAction> = {}): TopdeskAction => ({
  id,
  memoText: `text ${id}`,
  invisibleForCaller: false,
  entryDate,
  operator: { id: 'op-backoffice', name: 'Jan Operator' },
  person: null,
  ...over,
});

const lastVisible = { from: 'lastVisibleAction' } as const;

describe('TOPdesk incident -> RemoteChange', () => {
  it('maps the flags first, then the processing status by id or name', () => {
    expect(statusOf(conn(), incident({ closed: true, completed: true }))).toBe('closed');
    expect(statusOf(conn(), incident({ completed: true }))).toBe('resolved');
    expect(statusOf(conn(), incident({ processingStatus: { id: 'x', name: 'In behandeling' } }))).toBe(
      'in_progress',
    );
    expect(statusOf(conn(), incident())).toBeNull();
    expect(statusOf(conn({ 'ps-1': 'in_progress' }), incident())).toBe('in_progress');
    expect(statusOf(conn({ Aangemeld: 'in_progress' }), incident())).toBe('in_progress');
    expect(statusOf(conn({ completed: 'closed' }), incident({ completed: true }))).toBe('closed');
  });

  it('returns notes oldest first with stable ids, without our own actions', () => {
    const actions = [
      action('c', '2026-11-23T10:03:00.000+0000', { invisibleForCaller: true }),
      action('ours', '2026-11-23T10:02:00.000+0000', {
        operator: { id: 'op-api', name: 'Meldpunt koppeling' },
      }),
      action('a', '2026-11-23T10:01:00.000+0000'),
    ];
    const change = toRemoteChange(conn(), incident(), actions, lastVisible, 'op-api');
    expect(change).toMatchObject({
      externalId: 'inc-1',
      number: 'I 2611 0042',
      reference: 'ZWVL-2026-000042',
      remoteStatus: 'Aangemeld',
      status: null,
      closingText: null,
      modifiedAt: '2026-11-23T10:20:00.000Z',
    });
    expect(change.notes).toEqual([
      { id: 'a', text: 'text a', at: '2026-11-23T10:01:00.000Z', author: 'Jan Operator', public: true },
      { id: 'c', text: 'text c', at: '2026-11-23T10:03:00.000Z', author: 'Jan Operator', public: false },
    ]);
  });

  it('takes the newest visible action of the completion as closing text, and not as a note too', () => {
    const done = incident({ completed: true, completedDate: '2026-11-23T10:10:00.000+0000' });
    const actions = [
      action('internal', '2026-11-23T10:10:00.000+0000', { invisibleForCaller: true }),
      action('closing', '2026-11-23T10:10:00.000+0000', { memoText: 'Put gedicht.' }),
      action('older', '2026-11-23T10:05:00.000+0000'),
    ];
    const change = toRemoteChange(conn(), done, actions, lastVisible, null);
    expect(change.status).toBe('resolved');
    expect(change.closingText).toBe('Put gedicht.');
    expect(change.notes.map((n) => n.id)).toEqual(['older', 'internal']);
  });

  it('does not take a visible action from long before the completion as closing text', () => {
    const done = incident({ completed: true, completedDate: '2026-11-23T12:00:00.000+0000' });
    const change = toRemoteChange(
      conn(),
      done,
      [action('old', '2026-11-23T10:00:00.000+0000')],
      lastVisible,
      null,
    );
    expect(change.closingText).toBeNull();
    expect(change.notes.map((n) => n.id)).toEqual(['old']);
  });

  it('reads the closing text from a field, or not at all, when so configured', () => {
    const done = incident({ completed: true, optionalFields1: { memo1: 'Hersteld<br>door ploeg 3' } });
    const actions = [action('a', '2026-11-23T10:00:00.000+0000')];
    const fromField = toRemoteChange(
      conn(),
      done,
      actions,
      { from: 'field', path: ['optionalFields1', 'memo1'] },
      null,
    );
    expect(fromField.closingText).toBe('Hersteld\ndoor ploeg 3');
    expect(fromField.notes).toHaveLength(1);
    expect(toRemoteChange(conn(), done, actions, { from: 'none' }, null).closingText).toBeNull();
  });

  it('turns memo HTML into plain text', () => {
    expect(memoToText('<p>Beste,</p><p>Het is <b>opgelost</b> &amp; nagekeken.<br/>Groeten</p>')).toBe(
      'Beste,\nHet is opgelost & nagekeken.\nGroeten',
    );
    expect(memoToText('  gewoon tekst  ')).toBe('gewoon tekst');
    expect(memoToText(null)).toBe('');
    expect(memoToText('&#233;&#x00e9;&unknown;')).toBe('éé&unknown;');
  });
});
