import { guessLanguage } from './guess-language';

describe('guessLanguage', () => {
  it.each([
    ['nl', 'Beste, de straatlamp voor mijn deur brandt al een week niet meer. Met vriendelijke groeten, An'],
    [
      'fr',
      'Bonjour, le lampadaire devant ma maison ne fonctionne plus depuis une semaine. Cordialement, Anne',
    ],
    ['en', 'Hello, the street light in front of my house has not worked for a week. Kind regards, Ann'],
  ])('knows %s', (lang, text) => {
    expect(guessLanguage(text)).toBe(lang);
  });

  it('does not guess from too little', () => {
    expect(guessLanguage('Straatlamp 12')).toBeNull();
    expect(guessLanguage('')).toBeNull();
  });
});
