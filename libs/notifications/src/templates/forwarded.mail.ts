import type { MailLanguage } from '../notification-kind';
import type { MailContent } from './mail-content';
import type { MailData } from './mail-data';
import { promiseSentence, WORDS } from './mail-words';

const TEXT: Record<
  MailLanguage,
  { subject: (noun: string, reference: string) => string; intro: (noun: string) => string }
> = {
  nl: {
    subject: (noun, reference) => `Je ${noun} is doorgegeven aan de bevoegde dienst (${reference})`,
    intro: (noun) =>
      `We hebben je ${noun} doorgegeven aan de bevoegde dienst, die er nu mee aan de slag gaat.`,
  },
  fr: {
    subject: (noun, reference) => `Nous avons transmis votre ${noun} au service compétent (${reference})`,
    intro: (noun) => `Nous avons transmis votre ${noun} au service compétent, qui s’en occupe à présent.`,
  },
  en: {
    subject: (noun, reference) => `Your ${noun} has been passed on to the right department (${reference})`,
    intro: (noun) => `We have passed your ${noun} on to the department that will deal with it.`,
  },
};

/** Optional per municipality: the back-office has taken the ticket up. */
export function forwardedMail(data: MailData): MailContent {
  const text = TEXT[data.language];
  const words = WORDS[data.language];
  const noun = words.noun[data.ticketKind];
  return {
    subject: text.subject(noun, data.reference),
    preheader: text.intro(noun),
    blocks: [
      { type: 'paragraph', text: `${text.intro(noun)} ${promiseSentence(data)}` },
      { type: 'button', label: words.follow(noun), url: data.statusUrl },
      { type: 'paragraph', text: words.personalLink },
    ],
  };
}
