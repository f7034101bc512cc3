import type { MailLanguage } from '../notification-kind';
import type { MailContent } from './mail-content';
import type { MailData } from './mail-data';
import { WORDS } from './mail-words';

const TEXT: Record<
  MailLanguage,
  {
    subject: (noun: string, reference: string) => string;
    intro: (noun: string) => string;
    reply: string;
    view: (noun: string) => string;
  }
> = {
  nl: {
    subject: (noun, reference) => `Nieuw bericht over je ${noun} (${reference})`,
    intro: (noun) => `We hebben een bericht voor je over je ${noun}:`,
    reply: 'Wil je reageren? Dat kan via dezelfde link.',
    view: (noun) => `Bekijk je ${noun}`,
  },
  fr: {
    subject: (noun, reference) => `Nouveau message concernant votre ${noun} (${reference})`,
    intro: (noun) => `Nous avons un message pour vous au sujet de votre ${noun}\u00a0:`,
    reply: 'Vous souhaitez réagir\u00a0? Vous pouvez le faire via le même lien.',
    view: (noun) => `Voir votre ${noun}`,
  },
  en: {
    subject: (noun, reference) => `New message about your ${noun} (${reference})`,
    intro: (noun) => `We have a message for you about your ${noun}:`,
    reply: 'Would you like to reply? You can do so through the same link.',
    view: (noun) => `View your ${noun}`,
  },
};

/** A public message an agent (or the back-office) wrote to the citizen. */
export function agentMessageMail(data: MailData): MailContent {
  const text = TEXT[data.language];
  const noun = WORDS[data.language].noun[data.ticketKind];
  return {
    subject: text.subject(noun, data.reference),
    preheader: text.intro(noun),
    blocks: [
      { type: 'paragraph', text: text.intro(noun) },
      { type: 'quote', text: data.text ?? '' },
      { type: 'button', label: text.view(noun), url: data.statusUrl },
      { type: 'paragraph', text: text.reply },
    ],
  };
}
