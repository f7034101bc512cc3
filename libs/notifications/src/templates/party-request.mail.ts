import type { MailProfile } from '../default-mail-profile';
import type { MailLanguage } from '../notification-kind';
import type { MailFrame, MailContent, RenderedMail } from './mail-content';
import { excerpt } from './mail-data';
import { renderMail } from './render-mail';

/**
 * What a party outside the municipality is asked (a utility, a police zone): the question, the
 * ticket's reference, category, place and description, and the link to answer. Nothing of the
 * reporter: the party does not need to know who reported it.
 */
export interface PartyRequestMailData {
  language: MailLanguage;
  reference: string;
  municipalityName: string;
  partyName: string;
  question: string;
  categoryName: string;
  place: string | null;
  description: string;
  answerUrl: string;
}

const TEXT: Record<
  MailLanguage,
  {
    subject: (municipality: string, reference: string) => string;
    intro: (municipality: string) => string;
    labels: { reference: string; category: string; place: string; description: string };
    answer: string;
    how: string;
    greeting: (party: string) => string;
    signOff: string;
    footer: (municipality: string) => string;
  }
> = {
  nl: {
    subject: (municipality, reference) => `Vraag van ${municipality} over melding ${reference}`,
    intro: (municipality) => `${municipality} kreeg een melding waarvoor we jullie hulp vragen:`,
    labels: { reference: 'Referentie', category: 'Onderwerp', place: 'Plaats', description: 'Melding' },
    answer: 'Antwoorden',
    how: 'Antwoord via de knop hieronder: je antwoord komt rechtstreeks bij de medewerker die de melding opvolgt. De link werkt 60 dagen en is alleen voor jullie bedoeld.',
    greeting: (party) => `Beste ${party},`,
    signOff: 'Met vriendelijke groeten,',
    footer: (municipality) =>
      `Je krijgt deze e-mail omdat een medewerker van ${municipality} deze vraag aan dit adres stuurde.`,
  },
  fr: {
    subject: (municipality, reference) => `Question de ${municipality} sur le signalement ${reference}`,
    intro: (municipality) =>
      `${municipality} a reçu un signalement pour lequel nous sollicitons votre aide\u00a0:`,
    labels: { reference: 'Référence', category: 'Objet', place: 'Lieu', description: 'Signalement' },
    answer: 'Répondre',
    how: 'Répondez via le bouton ci-dessous\u00a0: votre réponse parvient directement à l’agent qui suit le signalement. Le lien est valable 60 jours et vous est réservé.',
    greeting: (party) => `Madame, Monsieur (${party}),`,
    signOff: 'Cordialement,',
    footer: (municipality) =>
      `Vous recevez cet e-mail parce qu’un agent de ${municipality} a envoyé cette question à cette adresse.`,
  },
  en: {
    subject: (municipality, reference) => `Question from ${municipality} about report ${reference}`,
    intro: (municipality) => `${municipality} received a report for which we ask for your help:`,
    labels: { reference: 'Reference', category: 'Subject', place: 'Place', description: 'Report' },
    answer: 'Answer',
    how: 'Answer with the button below: your answer goes straight to the officer handling the report. The link works for 60 days and is meant for you only.',
    greeting: (party) => `Dear ${party},`,
    signOff: 'Kind regards,',
    footer: (municipality) =>
      `You are receiving this e-mail because an officer of ${municipality} sent this question to this address.`,
  },
};

export function partyRequestMail(data: PartyRequestMailData): MailContent {
  const text = TEXT[data.language];
  const facts = [
    { label: text.labels.reference, value: data.reference },
    { label: text.labels.category, value: data.categoryName },
    ...(data.place ? [{ label: text.labels.place, value: data.place }] : []),
    { label: text.labels.description, value: excerpt(data.description) },
  ];
  return {
    subject: text.subject(data.municipalityName, data.reference),
    preheader: excerpt(data.question, 140),
    blocks: [
      { type: 'paragraph', text: text.intro(data.municipalityName) },
      { type: 'quote', text: data.question },
      { type: 'facts', items: facts },
      { type: 'paragraph', text: text.how },
      { type: 'button', label: text.answer, url: data.answerUrl },
    ],
  };
}

/** Renders the request in the citizen mails' layout, signed by the municipality. */
export function renderPartyRequestMail(data: PartyRequestMailData, profile: MailProfile): RenderedMail {
  const text = TEXT[data.language];
  const content = partyRequestMail(data);
  const frame: MailFrame = {
    language: data.language,
    municipalityName: data.municipalityName,
    logoUrl: profile.logoUrl,
    greeting: text.greeting(data.partyName),
    signOff: text.signOff,
    signature: profile.signature[data.language],
    footer: text.footer(data.municipalityName),
  };
  return renderMail(content, frame);
}
