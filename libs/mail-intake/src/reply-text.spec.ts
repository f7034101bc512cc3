import { replyText } from './reply-text';

describe('replyText', () => {
  it.each([
    [
      'Dutch',
      'Het is de lamp aan nr. 12.\n\nOp ma 7 dec. 2026 om 10:02 schreef Stad Kortrijk <meldpunt@kortrijk.be>:\n> Welke lamp?',
    ],
    [
      'French',
      'Le lampadaire devant le 12.\r\n\r\nLe lun. 7 déc. 2026 à 10:02, Ville de Courtrai <m@k.be> a écrit :\r\n> Quel lampadaire ?',
    ],
    ['English', 'The lamp at number 12.\nOn Mon, 7 Dec 2026 at 10:02, City <m@k.be> wrote:\n> Which lamp?'],
    ['Outlook', 'De lamp aan nr. 12.\n\n-----Original Message-----\nFrom: Stad Kortrijk\nWelke lamp?'],
    [
      'Outlook without separator',
      'De lamp aan nr. 12.\n\nVan: Stad Kortrijk <m@k.be>\nVerzonden: maandag 7 december 2026\nWelke lamp?',
    ],
  ])('keeps only what the citizen wrote above a %s quote', (_case, text) => {
    expect(replyText(text)).toMatch(
      /^(Het is de lamp aan nr\. 12\.|Le lampadaire devant le 12\.|The lamp at number 12\.|De lamp aan nr\. 12\.)$/,
    );
  });

  it('drops inline quote lines and the signature, keeps the answers between them', () => {
    expect(
      replyText('> Welke lamp?\nNr. 12\n> Sinds wanneer?\nEen week\n-- \nAn Peeters\n0470 12 34 56'),
    ).toBe('Nr. 12\nEen week');
  });

  it('keeps the whole text when nothing but quotes is left', () => {
    expect(replyText('> Welke lamp?')).toBe('> Welke lamp?');
  });
});
