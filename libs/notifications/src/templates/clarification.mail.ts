import type { MailLanguage } from '../notification-kind';
import type { MailContent } from './mail-content';
import type { MailData } from './mail-data';
import { NL_HANDLE, WORDS } from './mail-words';

type Kind = MailData['ticketKind'];

const TEXT: Record<
  MailLanguage,
  {
    subject: (noun: string, reference: string) => string;
    intro: (kind: Kind) => string;
    answer: string;
    paused: string;
  }
> = {
  nl: {
    subject: (noun, reference) => `We hebben een vraag over je ${noun} (${reference})`,
    intro: (kind) =>
      `Om ${NL_HANDLE[kind][0]} goed te kunnen ${NL_HANDLE[kind][1]}, hebben we nog wat informatie van je nodig:`,
    answer: 'Beantwoord onze vraag',
    paused: 'Zodra we je antwoord hebben, werken we verder. Tot dan staat de termijn even stil.',
  },
  fr: {
    subject: (noun, reference) => `Une question au sujet de votre ${noun} (${reference})`,
    intro: (kind) =>
      `Pour pouvoir ${WORDS.fr.handle[kind]}, nous avons besoin d’un complément d’information\u00a0:`,
    answer: 'Répondre à notre question',
    paused:
      'Dès que nous aurons votre réponse, nous poursuivrons. D’ici là, le délai de traitement est suspendu.',
  },
  en: {
    subject: (noun, reference) => `A question about your ${noun} (${reference})`,
    intro: (kind) => `To ${WORDS.en.handle[kind]}, we need a little more information from you:`,
    answer: 'Answer our question',
    paused: 'As soon as we have your answer, we will carry on. Until then, the deadline is on hold.',
  },
};

/** The clarification request: the agent's question and where to answer it. */
export function clarificationMail(data: MailData): MailContent {
  const text = TEXT[data.language];
  const noun = WORDS[data.language].noun[data.ticketKind];
  return {
    subject: text.subject(noun, data.reference),
    preheader: text.intro(data.ticketKind),
    blocks: [
      { type: 'paragraph', text: text.intro(data.ticketKind) },
      { type: 'quote', text: data.text ?? '' },
      { type: 'button', label: text.answer, url: `${data.statusUrl}#answer` },
      { type: 'paragraph', text: text.paused },
      { type: 'paragraph', text: WORDS[data.language].personalLink },
    ],
  };
}
