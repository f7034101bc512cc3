import type { MailLanguage } from '../notification-kind';
import type { MailContent } from './mail-content';
import { excerpt, type MailData } from './mail-data';
import { promiseSentence, WORDS } from './mail-words';

type Kind = MailData['ticketKind'];

const TEXT: Record<
  MailLanguage,
  {
    subject: (noun: string, reference: string) => string;
    thanks: (noun: string, reference: string) => string;
    understood: string;
    labels: { category: string; place: string; description: string };
    next: string;
    nextStep: Record<Kind, string>;
    moreInfo: string;
  }
> = {
  nl: {
    subject: (noun, reference) => `We hebben je ${noun} goed ontvangen (${reference})`,
    thanks: (noun, reference) =>
      `Bedankt om ons te contacteren. Je ${noun} heeft het referentienummer ${reference}. Vermeld het gerust als je ons belt of mailt.`,
    understood: 'Dit hebben we begrepen',
    labels: { category: 'Onderwerp', place: 'Plaats', description: 'Je bericht' },
    next: 'Hoe gaat het nu verder?',
    nextStep: {
      question: 'Onze medewerkers zoeken het antwoord op je vraag.',
      report: 'Onze medewerkers bekijken je melding en zorgen dat de juiste dienst ermee aan de slag gaat.',
      complaint: 'Onze medewerkers bekijken je klacht zorgvuldig.',
    },
    moreInfo: 'Hebben we nog iets van je nodig, dan laten we het je weten.',
  },
  fr: {
    subject: (noun, reference) => `Nous avons bien reçu votre ${noun} (${reference})`,
    thanks: (noun, reference) =>
      `Merci de nous avoir contactés. Votre ${noun} porte la référence ${reference}. N'hésitez pas à la mentionner si vous nous appelez ou nous écrivez.`,
    understood: 'Ce que nous avons compris',
    labels: { category: 'Sujet', place: 'Lieu', description: 'Votre message' },
    next: 'Et maintenant\u00a0?',
    nextStep: {
      question: 'Notre équipe recherche la réponse à votre question.',
      report: 'Notre équipe examine votre signalement et veille à ce que le service compétent s’en occupe.',
      complaint: 'Notre équipe examine votre plainte avec attention.',
    },
    moreInfo: 'Si nous avons besoin d’informations complémentaires, nous vous le ferons savoir.',
  },
  en: {
    subject: (noun, reference) => `We have received your ${noun} (${reference})`,
    thanks: (noun, reference) =>
      `Thank you for contacting us. Your ${noun} has reference number ${reference}; please mention it if you call or write to us.`,
    understood: 'What we understood',
    labels: { category: 'Subject', place: 'Place', description: 'Your message' },
    next: 'What happens next?',
    nextStep: {
      question: 'Our team is looking for the answer to your question.',
      report: 'Our team will look at your report and make sure the right department deals with it.',
      complaint: 'Our team will look into your complaint carefully.',
    },
    moreInfo: 'If we need anything else from you, we will let you know.',
  },
};

/** The ontvangstmelding: reference, what we understood, what happens next and by when, the private link. */
export function acknowledgementMail(data: MailData): MailContent {
  const text = TEXT[data.language];
  const words = WORDS[data.language];
  const noun = words.noun[data.ticketKind];
  const facts = [{ label: text.labels.category, value: data.categoryName }];
  if (data.place) facts.push({ label: text.labels.place, value: data.place });
  facts.push({ label: text.labels.description, value: excerpt(data.description) });
  return {
    subject: text.subject(noun, data.reference),
    preheader: promiseSentence(data),
    blocks: [
      { type: 'paragraph', text: text.thanks(noun, data.reference) },
      { type: 'heading', text: text.understood },
      { type: 'facts', items: facts },
      { type: 'heading', text: text.next },
      { type: 'paragraph', text: `${text.nextStep[data.ticketKind]} ${promiseSentence(data)}` },
      { type: 'paragraph', text: text.moreInfo },
      { type: 'button', label: words.follow(noun), url: data.statusUrl },
      { type: 'paragraph', text: words.personalLink },
    ],
  };
}
