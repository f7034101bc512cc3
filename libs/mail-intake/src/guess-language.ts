export type Language = 'nl' | 'fr' | 'en';

// Short, frequent words that tell the three languages apart in a few sentences.
const WORDS: Record<Language, Set<string>> = {
  nl: new Set(
    'de het een en van is dat niet op te met voor er zijn al ook maar nog bij mijn ons wij jullie u uw graag geen wordt sinds straat hoe wat waar wanneer dank alvast groeten beste geachte mevrouw meneer'.split(
      ' ',
    ),
  ),
  fr: new Set(
    'le la les un une des et est que qui ne pas pour dans sur avec au aux du ce cette mon notre nous vous votre merci depuis rue comment quand où bonjour madame monsieur cordialement salutations'.split(
      ' ',
    ),
  ),
  en: new Set(
    'the a an and of is that not on to with for there are it this my our we you your please since street how what where when thanks thank regards dear hello kind'.split(
      ' ',
    ),
  ),
};

/**
 * The language of a citizen's mail from its most frequent small words, or null when too few words
 * decide (then the municipality's language is used). No service outside: the text stays here.
 */
export function guessLanguage(text: string): Language | null {
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  const score: Record<Language, number> = { nl: 0, fr: 0, en: 0 };
  for (const word of words.slice(0, 400)) {
    for (const lang of ['nl', 'fr', 'en'] as const) {
      if (WORDS[lang].has(word)) score[lang]++;
    }
  }
  const ranked = (Object.entries(score) as [Language, number][]).sort((a, b) => b[1] - a[1]);
  const [[best, top], [, second]] = ranked;
  return top >= 2 && top >= second * 1.5 ? best : null;
}
