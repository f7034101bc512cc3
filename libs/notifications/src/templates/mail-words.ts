import type { MailLanguage } from '../notification-kind';
import { deadlineInWords } from './deadline-words';
import type { MailData } from './mail-data';

type TicketKind = MailData['ticketKind'];

interface Words {
  /** "melding", "signalement", "report". */
  noun: Record<TicketKind, string>;
  /** To handle it, as in "to be able to handle your report": "je melding afhandelen", "traiter votre signalement". */
  handle: Record<TicketKind, string>;
  greeting: (name: string | null) => string;
  signOff: string;
  footer: (noun: string, reference: string) => string;
  /** When we will have handled it, with or without a deadline. */
  promise: (kind: TicketKind, deadline: string | null) => string;
  follow: (noun: string) => string;
  personalLink: string;
  /** The satisfaction scale, 1 to 5. */
  scale: [string, string, string, string, string];
}

export const NL_HANDLE: Record<TicketKind, [string, string]> = {
  question: ['je vraag', 'beantwoorden'],
  report: ['je melding', 'afhandelen'],
  complaint: ['je klacht', 'behandelen'],
};

export const WORDS: Record<MailLanguage, Words> = {
  nl: {
    noun: { question: 'vraag', report: 'melding', complaint: 'klacht' },
    handle: {
      question: 'je vraag beantwoorden',
      report: 'je melding afhandelen',
      complaint: 'je klacht behandelen',
    },
    greeting: (name) => (name ? `Beste ${name},` : 'Beste,'),
    signOff: 'Met vriendelijke groeten,',
    footer: (noun, reference) =>
      `Je krijgt deze e-mail omdat je ons de toestemming gaf om je per e-mail op de hoogte te houden over je ${noun} ${reference}.`,
    // Dutch puts the time before the verb: "je melding uiterlijk op dinsdag 6 april afhandelen".
    promise: (kind, deadline) => {
      const [object, verb] = NL_HANDLE[kind];
      return `We willen ${object} ${deadline ?? 'zo snel mogelijk'} ${verb}.`;
    },
    follow: (noun) => `Volg je ${noun}`,
    personalLink:
      'Via die link zie je altijd hoe ver we staan. Hij is persoonlijk: deel hem niet met anderen.',
    scale: ['Heel ontevreden', 'Ontevreden', 'Neutraal', 'Tevreden', 'Heel tevreden'],
  },
  fr: {
    noun: { question: 'question', report: 'signalement', complaint: 'plainte' },
    handle: {
      question: 'répondre à votre question',
      report: 'traiter votre signalement',
      complaint: 'traiter votre plainte',
    },
    greeting: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
    signOff: 'Bien cordialement,',
    footer: (noun, reference) =>
      `Vous recevez cet e-mail parce que vous nous avez autorisés à vous tenir informé par e-mail au sujet de votre ${noun} ${reference}.`,
    promise: (kind, deadline) =>
      deadline
        ? `Nous nous engageons à ${WORDS.fr.handle[kind]} ${deadline}.`
        : `Nous ferons de notre mieux pour ${WORDS.fr.handle[kind]} au plus vite.`,
    follow: (noun) => `Suivre votre ${noun}`,
    personalLink:
      'Ce lien vous permet de voir à tout moment où en est votre dossier. Il vous est personnel\u00a0: ne le partagez pas.',
    scale: ['Très insatisfaisant', 'Insatisfaisant', 'Neutre', 'Satisfaisant', 'Très satisfaisant'],
  },
  en: {
    noun: { question: 'question', report: 'report', complaint: 'complaint' },
    handle: {
      question: 'answer your question',
      report: 'deal with your report',
      complaint: 'deal with your complaint',
    },
    greeting: (name) => (name ? `Dear ${name},` : 'Hello,'),
    signOff: 'Kind regards,',
    footer: (noun, reference) =>
      `You are receiving this e-mail because you agreed to be kept informed by e-mail about your ${noun} ${reference}.`,
    promise: (kind, deadline) =>
      deadline
        ? `We aim to ${WORDS.en.handle[kind]} ${deadline}.`
        : `We will ${WORDS.en.handle[kind]} as soon as we can.`,
    follow: (noun) => `Follow your ${noun}`,
    personalLink: 'This link always shows how far we are. It is personal: please do not share it.',
    scale: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
  },
};

/** "We willen je melding uiterlijk op dinsdag 6 april afhandelen." (as soon as we can without a deadline). */
export function promiseSentence(data: MailData): string {
  const deadline = data.resolutionDueAt
    ? deadlineInWords(data.resolutionDueAt, data.language, data.timeZone, data.now)
    : null;
  return WORDS[data.language].promise(data.ticketKind, deadline);
}
