import { defaultMailProfile } from '../default-mail-profile';
import { renderPartyRequestMail, type PartyRequestMailData } from './party-request.mail';

const kortrijk = defaultMailProfile(
  { code: 'kortrijk', name: 'Kortrijk', languages: ['nl'], timezone: 'Europe/Brussels' },
  'meldpunt.local',
);

const data = (overrides: Partial<PartyRequestMailData> = {}): PartyRequestMailData => ({
  language: 'nl',
  reference: 'ZWVL-2027-000042',
  municipalityName: 'Stad Kortrijk',
  partyName: 'Fluvius',
  question: 'Kunnen jullie de leiding nakijken?',
  categoryName: 'Openbaar domein',
  place: 'Kerkstraat 12, 8500 Kortrijk',
  description: 'Gasgeur sinds vanochtend.',
  answerUrl: 'https://meldpunt.example/extern/abc',
  ...overrides,
});

describe('renderPartyRequestMail', () => {
  it('asks the question with the place, the description and the answer link, addressed to the party', () => {
    const mail = renderPartyRequestMail(data(), kortrijk);
    expect(mail.subject).toBe('Vraag van Stad Kortrijk over melding ZWVL-2027-000042');
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('Kunnen jullie de leiding nakijken?');
      expect(part).toContain('Kerkstraat 12, 8500 Kortrijk');
      expect(part).toContain('https://meldpunt.example/extern/abc');
    }
    expect(mail.text).toContain('Beste Fluvius,');
  });

  it('escapes what the agent wrote', () => {
    const mail = renderPartyRequestMail(data({ question: '<script>x</script>' }), kortrijk);
    expect(mail.html).not.toContain('<script>');
  });

  it.each(['fr', 'en'] as const)('speaks %s when the municipality does', (language) => {
    const mail = renderPartyRequestMail(data({ language }), kortrijk);
    expect(mail.html).toContain(`<html lang="${language}">`);
    expect(mail.subject).toContain('ZWVL-2027-000042');
  });
});
