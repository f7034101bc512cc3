import type { BackOfficeConnection } from '../../port/back-office-adapter';
import { readTopdeskOptions } from './topdesk-options';
import { backOfficeConnection } from '../../../../../test/factories/back-office.factory';

const conn = (options: Record<string, unknown>): BackOfficeConnection =>
  backOfficeConnection('topdesk', 'https://kortrijk.topdesk.net/tas/api', { options });

describe('TOPdesk options', () => {
  it('has defaults for everything and ignores settings it does not know', () => {
    expect(readTopdeskOptions(conn({ simulated: true }))).toEqual({
      pageSize: 100,
      referencePrefix: 'ZWVL-',
      defaultCallerName: 'Meldpunt Zuid-West-Vlaanderen',
      entryType: null,
      callType: null,
      closingText: { from: 'lastVisibleAction' },
      apiOperatorId: null,
      reopenStatus: 'In behandeling',
    });
  });

  it('reads the closing text source', () => {
    expect(readTopdeskOptions(conn({ closingTextFrom: 'none' })).closingText).toEqual({ from: 'none' });
    expect(readTopdeskOptions(conn({ closingTextFrom: 'closureCode.name' })).closingText).toEqual({
      from: 'field',
      path: ['closureCode', 'name'],
    });
  });

  it.each([
    { pageSize: 0 },
    { pageSize: 101 },
    { pageSize: '10' },
    { referencePrefix: 5 },
    { closingTextFrom: 'a..b' },
  ])('refuses %p as a configuration error (not retryable)', (options) => {
    expect(() => readTopdeskOptions(conn(options))).toThrow(expect.objectContaining({ retryable: false }));
  });
});
