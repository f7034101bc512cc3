import type { MailLanguage } from '../notification-kind';
import type { MailContent } from './mail-content';
import type { MailData } from './mail-data';
import { promiseSentence, WORDS } from './mail-words';

const TEXT: Record<
  MailLanguage,
  {
    subject: (noun: string, municipality: string, reference: string) => string;
    intro: (noun: string, municipality: string) => string;
  }
> = {
  nl: {
    subject: (noun, municipality, reference) => `Je ${noun} gaat naar ${municipality} (${reference})`,
    intro: (noun, municipality) =>
      `Je ${noun} hoort bij ${municipality}: we hebben ze daar doorgegeven, en ${municipality} behandelt ze verder. Je referentie en je persoonlijke link blijven dezelfde.`,
  },
  fr: {
    // Worded without a past participle: question and plainte are feminine, signalement is not.
    subject: (noun, municipality, reference) =>
      `${municipality} prend en charge votre ${noun} (${reference})`,
    intro: (noun, municipality) =>
      `Votre ${noun} relève de ${municipality} : nous avons transmis le dossier à ${municipality}, qui s’en occupe désormais. Votre référence et votre lien personnel restent les mêmes.`,
  },
  en: {
    subject: (noun, municipality, reference) => `Your ${noun} goes to ${municipality} (${reference})`,
    intro: (noun, municipality) =>
      `Your ${noun} belongs with ${municipality}: we have passed it on, and ${municipality} will deal with it from here. Your reference and your personal link stay the same.`,
  },
};

/** The ticket was sent to the municipality it belongs to (the citizen named, or was placed in, another). */
export function reroutedMail(data: MailData): MailContent {
  const text = TEXT[data.language];
  const words = WORDS[data.language];
  const noun = words.noun[data.ticketKind];
  const intro = text.intro(noun, data.municipalityName);
  return {
    subject: text.subject(noun, data.municipalityName, data.reference),
    preheader: intro,
    blocks: [
      { type: 'paragraph', text: `${intro} ${promiseSentence(data)}` },
      { type: 'button', label: words.follow(noun), url: data.statusUrl },
      { type: 'paragraph', text: words.personalLink },
    ],
  };
}
