import { needsOnCall } from './on-call-paging';
import { onCallMail, onCallSms } from './on-call-message';

const facts = {
  reference: 'ZWVL-2027-000042',
  municipalityName: 'Stad Kortrijk',
  subject: 'Boom over de weg na de storm, rijbaan volledig versperd ter hoogte van de brug over de Leie',
  description: 'Boom blokkeert de N43 <b>volledig</b>.',
  address: 'Gentsesteenweg 1',
  consoleUrl: 'https://meldpunt.example/console/tickets/ZWVL-2027-000042',
  ackMinutes: 10,
};

describe('on-call messages', () => {
  it('keeps the SMS short: the subject cut, the reference and the whole link kept', () => {
    const sms = onCallSms(facts);
    expect(sms).toContain('ZWVL-2027-000042');
    expect(sms.endsWith(facts.consoleUrl)).toBe(true);
    expect(sms).toContain('…');
    expect(sms.length).toBeLessThanOrEqual(220);
  });

  it('escapes the description in the e-mail and names the deadline to acknowledge', () => {
    const mail = onCallMail(facts);
    expect(mail.html).not.toContain('<b>');
    expect(mail.text).toContain('Bevestig binnen 10 minuten');
  });
});

describe('needsOnCall', () => {
  it('calls the watch for an open P1 out of hours only', () => {
    expect(needsOnCall({ priority: 'P1', status: 'new' }, false)).toBe(true);
    expect(needsOnCall({ priority: 'P1', status: 'waiting_for_citizen' }, false)).toBe(true);
    expect(needsOnCall({ priority: 'P1', status: 'new' }, true)).toBe(false);
    expect(needsOnCall({ priority: 'P2', status: 'new' }, false)).toBe(false);
    expect(needsOnCall({ priority: 'P1', status: 'resolved' }, false)).toBe(false);
  });
});
