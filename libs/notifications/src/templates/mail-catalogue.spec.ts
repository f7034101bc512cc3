import { defaultMailProfile, mailLanguage } from '../default-mail-profile';
import type { CitizenMailKind, MailLanguage } from '../notification-kind';
import { renderNotificationMail } from './mail-catalogue';
import type { MailData } from './mail-data';

const kortrijk = defaultMailProfile(
  { code: 'kortrijk', name: 'Kortrijk', languages: ['nl'], timezone: 'Europe/Brussels' },
  'meldpunt.local',
);

function data(overrides: Partial<MailData> = {}): MailData {
  return {
    language: 'nl',
    ticketKind: 'report',
    reference: 'ZWVL-2027-000042',
    recipientName: 'An Peeters',
    municipalityName: 'Stad Kortrijk',
    categoryName: 'Openbare verlichting',
    place: 'Kerkstraat 12, 8500 Kortrijk',
    description: 'De straatlamp brandt niet.',
    resolutionDueAt: new Date('2027-04-06T15:00:00Z'),
    timeZone: 'Europe/Brussels',
    statusUrl: 'https://meldpunt.example/status/abc',
    text: 'Aan welke kant van de straat?',
    now: new Date('2027-03-30T09:00:00Z'),
    ...overrides,
  };
}

describe('renderNotificationMail', () => {
  it.each<[MailLanguage, string, string]>([
    ['nl', 'We hebben je melding goed ontvangen (ZWVL-2027-000042)', 'uiterlijk op dinsdag 6 april'],
    ['fr', 'Nous avons bien reçu votre signalement (ZWVL-2027-000042)', 'au plus tard le mardi 6 avril'],
    ['en', 'We have received your report (ZWVL-2027-000042)', 'by Tuesday 6 April'],
  ])(
    'acknowledges in %s with the reference, what we understood and the deadline in words',
    (language, subject, deadline) => {
      const mail = renderNotificationMail('acknowledgement', data({ language }), kortrijk);
      expect(mail.subject).toBe(subject);
      for (const part of [mail.html, mail.text]) {
        expect(part).toContain(deadline);
        expect(part).toContain('Kerkstraat 12, 8500 Kortrijk');
        expect(part).toContain('https://meldpunt.example/status/abc');
      }
      expect(mail.html).toContain(`<html lang="${language}">`);
    },
  );

  it.each<[MailLanguage, string]>([
    ['nl', 'Je melding gaat naar Stad Kortrijk (ZWVL-2027-000042)'],
    ['fr', 'Stad Kortrijk prend en charge votre signalement (ZWVL-2027-000042)'],
    ['en', 'Your report goes to Stad Kortrijk (ZWVL-2027-000042)'],
  ])('tells in %s which municipality has a rerouted ticket now, with the same link', (language, subject) => {
    const mail = renderNotificationMail('rerouted', data({ language }), kortrijk);
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain('https://meldpunt.example/status/abc');
    expect(mail.html).toContain('href="https://meldpunt.example/status/abc"');
  });

  it.each<[MailLanguage, string]>([
    ['nl', 'Je melding wordt samen met een gelijke melding opgevolgd (ZWVL-2027-000042)'],
    ['fr', 'Suivi commun de votre signalement et d’un signalement identique (ZWVL-2027-000042)'],
    ['en', 'Your report is followed up with an identical report (ZWVL-2027-000042)'],
  ])(
    'tells in %s that a report was merged with the same one, naming nothing of the other',
    (language, subject) => {
      const mail = renderNotificationMail('merged', data({ language }), kortrijk);
      expect(mail.subject).toBe(subject);
      expect(mail.html).toContain('href="https://meldpunt.example/status/abc"');
      expect(mail.text).not.toContain('ZWVL-2027-000001');
    },
  );

  it('promises a swift answer without a date when no deadline is known', () => {
    const mail = renderNotificationMail('acknowledgement', data({ resolutionDueAt: null }), kortrijk);
    expect(mail.text).toContain('We willen je melding zo snel mogelijk afhandelen.');
    expect(mail.text).not.toContain('uiterlijk');
  });

  it('escapes whatever citizens and agents wrote, in every part of the HTML', () => {
    const hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
    for (const kind of ['acknowledgement', 'clarification', 'message', 'resolution'] as CitizenMailKind[]) {
      const mail = renderNotificationMail(
        kind,
        data({ description: hostile, text: hostile, recipientName: hostile, place: hostile }),
        kortrijk,
      );
      expect(mail.html).not.toContain('<script>');
      expect(mail.html).not.toContain('<img src=x');
      expect(mail.html).toContain('&lt;script&gt;');
      // The plain-text part keeps the words as typed: it is never interpreted as markup.
      expect(mail.text).toContain(hostile);
    }
  });

  it('asks the question with a link to answer it, and offers five scores with the resolution', () => {
    const question = renderNotificationMail('clarification', data(), kortrijk);
    expect(question.subject).toBe('We hebben een vraag over je melding (ZWVL-2027-000042)');
    expect(question.text).toContain('> Aan welke kant van de straat?');
    expect(question.html).toContain('href="https://meldpunt.example/status/abc#answer"');
    const resolution = renderNotificationMail(
      'resolution',
      data({ text: 'De lamp is vervangen.' }),
      kortrijk,
    );
    expect(resolution.subject).toBe('Je melding is afgehandeld (ZWVL-2027-000042)');
    for (let score = 1; score <= 5; score++) {
      expect(resolution.html).toContain(`href="https://meldpunt.example/status/abc?score=${score}#feedback"`);
    }
    expect(resolution.text).toContain('binnen 14 dagen');
  });

  it('signs with the municipality’s name and signature in the mail’s language', () => {
    const french = renderNotificationMail('message', data({ language: 'fr' }), kortrijk);
    expect(french.html).toContain('Ville de Courtrai');
    expect(french.text).toContain('Bien cordialement,\nLe point de contact\nVille de Courtrai');
    const logo = renderNotificationMail('message', data(), { ...kortrijk, logoUrl: 'javascript:alert(1)' });
    expect(logo.html).not.toContain('javascript:');
  });
});

describe('mailLanguage', () => {
  it('takes the reporter’s language, else the municipality’s first, else Dutch', () => {
    expect(mailLanguage('fr', ['nl'])).toBe('fr');
    expect(mailLanguage(null, ['fr', 'nl'])).toBe('fr');
    expect(mailLanguage('de', ['nl', 'fr'])).toBe('nl');
    expect(mailLanguage(undefined, [])).toBe('nl');
  });
});
