import type { MailLanguage } from '../notification-kind';
import type { MailContent } from './mail-content';
import type { MailData } from './mail-data';
import { WORDS } from './mail-words';

const TEXT: Record<
  MailLanguage,
  { subject: (noun: string, reference: string) => string; intro: (noun: string) => string }
> = {
  nl: {
    subject: (noun, reference) => `Je ${noun} wordt samen met een gelijke melding opgevolgd (${reference})`,
    intro: (noun) =>
      `Hetzelfde werd ons al gemeld: we hebben je ${noun} samengevoegd met die melding, zodat ze samen worden opgevolgd. Je hoort van ons zodra het opgelost is.`,
  },
  fr: {
    // Worded without a past participle: question and plainte are feminine, signalement is not.
    subject: (noun, reference) =>
      `Suivi commun de votre ${noun} et d’un signalement identique (${reference})`,
    intro: () =>
      `Le même problème nous avait déjà été signalé : nous avons regroupé les deux dossiers pour les traiter ensemble. Nous vous informerons dès que le problème sera résolu.`,
  },
  en: {
    subject: (noun, reference) => `Your ${noun} is followed up with an identical report (${reference})`,
    intro: (noun) =>
      `The same thing had already been reported to us: we have merged your ${noun} with that report so they are handled together. We will let you know as soon as it is resolved.`,
  },
};

/**
 * The ticket was merged into another report of the same thing: the citizen's reference and link
 * stay theirs, and the resolution of the other reaches them. Nothing of the other report (or its
 * reporter) is named.
 */
export function mergedMail(data: MailData): MailContent {
  const text = TEXT[data.language];
  const words = WORDS[data.language];
  const noun = words.noun[data.ticketKind];
  const intro = text.intro(noun);
  return {
    subject: text.subject(noun, data.reference),
    preheader: intro,
    blocks: [
      { type: 'paragraph', text: intro },
      { type: 'button', label: words.follow(noun), url: data.statusUrl },
      { type: 'paragraph', text: words.personalLink },
    ],
  };
}
