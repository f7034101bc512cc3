import { defaultMailProfile } from '../default-mail-profile';
import { isStaffMail, type MailLanguage } from '../notification-kind';
import { momentInWords } from './deadline-words';
import { type EscalationMailData, renderEscalationMail } from './escalation.mail';

const kortrijk = defaultMailProfile(
  { code: 'kortrijk', name: 'Kortrijk', languages: ['nl'], timezone: 'Europe/Brussels' },
  'meldpunt.local',
);

function data(overrides: Partial<EscalationMailData> = {}): EscalationMailData {
  return {
    language: 'nl',
    reference: 'ZWVL-2027-000042',
    municipalityName: 'Stad Kortrijk',
    categoryName: 'Openbare verlichting',
    priority: 'P2',
    subject: 'Straatlamp brandt niet',
    description: 'De straatlamp voor huisnummer 12 brandt al een week niet meer.',
    clock: 'response',
    // 14:30 in Brussels (summer time, UTC+2).
    dueAt: new Date('2027-04-06T12:30:00Z'),
    timeZone: 'Europe/Brussels',
    consoleUrl: 'https://meldpunt.example/console/tickets/ZWVL-2027-000042',
    now: new Date('2027-04-06T12:31:00Z'),
    ...overrides,
  };
}

describe('renderEscalationMail', () => {
  it.each<[MailLanguage, string, string, string]>([
    [
      'nl',
      'Termijn eerste reactie overschreden (ZWVL-2027-000042)',
      'Voor ticket ZWVL-2027-000042 (Stad Kortrijk) is de termijn voor de eerste reactie verstreken op dinsdag 6 april om 14:30.',
      'Beste collega’s,',
    ],
    [
      'fr',
      'Délai de première réponse dépassé (ZWVL-2027-000042)',
      'Pour le ticket ZWVL-2027-000042 (Stad Kortrijk), le délai de première réponse a expiré le mardi 6 avril à 14:30.',
      'Chers collègues,',
    ],
    [
      'en',
      'First response deadline missed (ZWVL-2027-000042)',
      'For ticket ZWVL-2027-000042 (Stad Kortrijk), the first response deadline passed on Tuesday 6 April at 14:30.',
      'Dear colleagues,',
    ],
  ])('tells the team in %s which clock ran out, and when', (language, subject, intro, greeting) => {
    const mail = renderEscalationMail(data({ language }), kortrijk);
    expect(mail.subject).toBe(subject);
    expect(mail.html).toContain(`<html lang="${language}">`);
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain(greeting);
      expect(part).toContain('https://meldpunt.example/console/tickets/ZWVL-2027-000042');
      expect(part).toContain('Openbare verlichting');
      expect(part).toContain('P2');
      expect(part).toContain('Straatlamp brandt niet');
      expect(part).toContain('De straatlamp voor huisnummer 12 brandt al een week niet meer.');
    }
    expect(mail.text).toContain(intro);
  });

  it('names the resolution clock as such', () => {
    const mail = renderEscalationMail(data({ clock: 'resolution' }), kortrijk);
    expect(mail.subject).toBe('Termijn afhandeling overschreden (ZWVL-2027-000042)');
    expect(mail.text).toContain('de termijn voor de afhandeling verstreken op dinsdag 6 april om 14:30');
    expect(mail.text).toContain('Termijn: Afhandeling');
    expect(mail.text).toContain('zo snel mogelijk wordt afgehandeld');
  });

  it('carries no citizen link and no consent footer: it is addressed to staff', () => {
    const mail = renderEscalationMail(data(), kortrijk);
    expect(mail.text).not.toContain('/status/');
    expect(mail.text).not.toContain('toestemming');
    expect(mail.text).toContain('escalatieadres van Stad Kortrijk');
  });

  it('escapes whatever citizens and agents wrote, and cuts a long description short', () => {
    const hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
    const mail = renderEscalationMail(
      data({
        subject: hostile,
        description: `${hostile} ${'lang verhaal '.repeat(60)}`,
        categoryName: hostile,
      }),
      kortrijk,
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img src=x');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(mail.text).toContain(hostile);
    expect(mail.text).toMatch(/(lang|verhaal)…\n/);
    expect(mail.text).not.toContain('lang verhaal '.repeat(60));
    const badLink = renderEscalationMail(data({ consoleUrl: 'javascript:alert(1)' }), kortrijk);
    expect(badLink.html).not.toContain('javascript:');
  });
});

describe('momentInWords', () => {
  it('says the moment to the minute in the municipality’s time zone', () => {
    const at = new Date('2027-04-06T22:05:00Z');
    expect(momentInWords(at, 'nl', 'Europe/Brussels', at)).toBe('woensdag 7 april om 00:05');
    expect(momentInWords(at, 'fr', 'Europe/Brussels', at)).toBe('mercredi 7 avril à 00:05');
    expect(momentInWords(at, 'en', 'Europe/Brussels', at)).toBe('Wednesday 7 April at 00:05');
  });
});

describe('isStaffMail', () => {
  it('tells the team’s mails from the citizen’s', () => {
    expect(isStaffMail('escalation')).toBe(true);
    expect(isStaffMail('acknowledgement')).toBe(false);
  });
});
