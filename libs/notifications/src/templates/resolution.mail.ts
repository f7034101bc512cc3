import { REOPEN_WINDOW_DAYS } from '@meldpunt/tickets';
import type { MailLanguage } from '../notification-kind';
import type { MailContent } from './mail-content';
import type { MailData } from './mail-data';
import { WORDS } from './mail-words';

type Kind = MailData['ticketKind'];

const TEXT: Record<
  MailLanguage,
  {
    subject: Record<Kind, string>;
    done: Record<Kind, string>;
    whatWeDid: string;
    howDidWeDo: string;
    oneClick: string;
    notSolved: (noun: string, days: number) => string;
    view: (noun: string) => string;
  }
> = {
  nl: {
    subject: {
      question: 'Je vraag is beantwoord',
      report: 'Je melding is afgehandeld',
      complaint: 'Je klacht is behandeld',
    },
    done: {
      question: 'We hebben je vraag beantwoord. Bedankt om ons te contacteren.',
      report: 'We hebben je melding afgehandeld. Bedankt om het ons te laten weten.',
      complaint: 'We hebben je klacht behandeld. Bedankt om ons te laten weten wat er misliep.',
    },
    whatWeDid: 'Wat we gedaan hebben',
    howDidWeDo: 'Hoe tevreden ben je?',
    oneClick:
      'Klik op een cijfer: zo help je ons beter te worden. Daarna kan je, als je wil, nog iets toevoegen.',
    notSolved: (noun, days) =>
      `Is het toch niet in orde? Laat het ons binnen ${days} dagen weten via je persoonlijke link, dan nemen we je ${noun} opnieuw op.`,
    view: (noun) => `Bekijk je ${noun}`,
  },
  fr: {
    subject: {
      question: 'Nous avons répondu à votre question',
      report: 'Votre signalement a été traité',
      complaint: 'Votre plainte a été traitée',
    },
    done: {
      question: 'Nous avons répondu à votre question. Merci de nous avoir contactés.',
      report: 'Nous avons traité votre signalement. Merci de nous l’avoir signalé.',
      complaint: 'Nous avons traité votre plainte. Merci de nous avoir fait part de ce qui n’allait pas.',
    },
    whatWeDid: 'Ce que nous avons fait',
    howDidWeDo: 'Votre avis nous intéresse',
    oneClick:
      'Cliquez sur un chiffre\u00a0: vous nous aidez ainsi à nous améliorer. Vous pourrez ensuite ajouter un commentaire si vous le souhaitez.',
    notSolved: (noun, days) =>
      `Ce n’est pas réglé\u00a0? Faites-le-nous savoir dans les ${days} jours via votre lien personnel et nous rouvrirons votre ${noun}.`,
    view: (noun) => `Voir votre ${noun}`,
  },
  en: {
    subject: {
      question: 'Your question has been answered',
      report: 'Your report has been resolved',
      complaint: 'Your complaint has been dealt with',
    },
    done: {
      question: 'We have answered your question. Thank you for contacting us.',
      report: 'We have dealt with your report. Thank you for letting us know.',
      complaint: 'We have dealt with your complaint. Thank you for telling us what went wrong.',
    },
    whatWeDid: 'What we did',
    howDidWeDo: 'How did we do?',
    oneClick: 'Click a number: it helps us get better. Afterwards you can add a comment if you like.',
    notSolved: (noun, days) =>
      `Not sorted after all? Let us know within ${days} days through your personal link and we will reopen your ${noun}.`,
    view: (noun) => `View your ${noun}`,
  },
};

/** The bericht bij uitvoering: what was done, a satisfaction score in one click, and how to reopen. */
export function resolutionMail(data: MailData): MailContent {
  const text = TEXT[data.language];
  const noun = WORDS[data.language].noun[data.ticketKind];
  return {
    subject: `${text.subject[data.ticketKind]} (${data.reference})`,
    preheader: text.done[data.ticketKind],
    blocks: [
      { type: 'paragraph', text: text.done[data.ticketKind] },
      ...(data.text
        ? [
            { type: 'heading' as const, text: text.whatWeDid },
            { type: 'quote' as const, text: data.text },
          ]
        : []),
      { type: 'heading', text: text.howDidWeDo },
      { type: 'paragraph', text: text.oneClick },
      {
        type: 'scale',
        items: WORDS[data.language].scale.map((label, i) => ({
          label,
          url: `${data.statusUrl}?score=${i + 1}#feedback`,
        })),
      },
      { type: 'paragraph', text: text.notSolved(noun, REOPEN_WINDOW_DAYS) },
      { type: 'button', label: text.view(noun), url: data.statusUrl },
    ],
  };
}
