import type { MailProfile } from '../default-mail-profile';
import type { MailLanguage } from '../notification-kind';
import { momentInWords } from './deadline-words';
import type { MailBlock, MailContent, MailFrame, RenderedMail } from './mail-content';
import { excerpt } from './mail-data';
import { renderMail } from './render-mail';

/** The two SLA clocks of a ticket (history `sla_breached`, data.clock). */
export type SlaClock = 'response' | 'resolution';

/**
 * What the team's escalation mail says, in the municipality's language. Nothing of the reporter
 * (no name, address or phone) and no citizen link: the console link is for staff, behind login.
 */
export interface EscalationMailData {
  language: MailLanguage;
  reference: string;
  municipalityName: string;
  categoryName: string;
  priority: string;
  subject: string;
  description: string;
  clock: SlaClock;
  dueAt: Date;
  timeZone: string;
  /** The ticket in the agents' console. */
  consoleUrl: string;
  now: Date;
}

const TEXT: Record<
  MailLanguage,
  {
    subject: Record<SlaClock, string>;
    intro: (clock: SlaClock, reference: string, municipality: string, when: string) => string;
    action: Record<SlaClock, string>;
    labels: {
      reference: string;
      municipality: string;
      category: string;
      priority: string;
      clock: string;
      dueAt: string;
      subject: string;
      description: string;
    };
    clock: Record<SlaClock, string>;
    open: string;
    greeting: string;
    signOff: string;
    signature: string;
    footer: (municipality: string) => string;
  }
> = {
  nl: {
    subject: {
      response: 'Termijn eerste reactie overschreden',
      resolution: 'Termijn afhandeling overschreden',
    },
    intro: (clock, reference, municipality, when) =>
      `Voor ticket ${reference} (${municipality}) is de termijn voor ${clock === 'response' ? 'de eerste reactie' : 'de afhandeling'} verstreken op ${when}.`,
    action: {
      response: 'Bekijk het ticket en zorg dat iemand het zo snel mogelijk opneemt.',
      resolution: 'Bekijk het ticket en zorg dat het zo snel mogelijk wordt afgehandeld.',
    },
    labels: {
      reference: 'Referentie',
      municipality: 'Gemeente',
      category: 'Categorie',
      priority: 'Prioriteit',
      clock: 'Termijn',
      dueAt: 'Verstreken op',
      subject: 'Onderwerp',
      description: 'Beschrijving',
    },
    clock: { response: 'Eerste reactie', resolution: 'Afhandeling' },
    open: 'Open het ticket in de console',
    greeting: 'Beste collega’s,',
    signOff: 'Met vriendelijke groeten,',
    signature: 'Het meldpunt (automatisch bericht)',
    footer: (municipality) =>
      `Je krijgt deze e-mail omdat dit adres het escalatieadres van ${municipality} is in het meldpunt. Een beheerder kan het wijzigen in het mailprofiel van de gemeente.`,
  },
  fr: {
    subject: { response: 'Délai de première réponse dépassé', resolution: 'Délai de traitement dépassé' },
    intro: (clock, reference, municipality, when) =>
      `Pour le ticket ${reference} (${municipality}), le délai de ${clock === 'response' ? 'première réponse' : 'traitement'} a expiré le ${when}.`,
    action: {
      response: 'Consultez le ticket et veillez à ce que quelqu’un le prenne en charge au plus vite.',
      resolution: 'Consultez le ticket et veillez à ce qu’il soit traité au plus vite.',
    },
    labels: {
      reference: 'Référence',
      municipality: 'Commune',
      category: 'Catégorie',
      priority: 'Priorité',
      clock: 'Délai',
      dueAt: 'Expiré le',
      subject: 'Objet',
      description: 'Description',
    },
    clock: { response: 'Première réponse', resolution: 'Traitement' },
    open: 'Ouvrir le ticket dans la console',
    greeting: 'Chers collègues,',
    signOff: 'Bien cordialement,',
    signature: 'Le point de contact (message automatique)',
    footer: (municipality) =>
      `Vous recevez cet e-mail parce que cette adresse est l’adresse d’escalade de ${municipality} dans le point de contact. Un administrateur peut la modifier dans le profil e-mail de la commune.`,
  },
  en: {
    subject: { response: 'First response deadline missed', resolution: 'Resolution deadline missed' },
    intro: (clock, reference, municipality, when) =>
      `For ticket ${reference} (${municipality}), the ${clock === 'response' ? 'first response' : 'resolution'} deadline passed on ${when}.`,
    action: {
      response: 'Please look at the ticket and make sure someone picks it up as soon as possible.',
      resolution: 'Please look at the ticket and make sure it is resolved as soon as possible.',
    },
    labels: {
      reference: 'Reference',
      municipality: 'Municipality',
      category: 'Category',
      priority: 'Priority',
      clock: 'Deadline',
      dueAt: 'Passed on',
      subject: 'Subject',
      description: 'Description',
    },
    clock: { response: 'First response', resolution: 'Resolution' },
    open: 'Open the ticket in the console',
    greeting: 'Dear colleagues,',
    signOff: 'Kind regards,',
    signature: 'The contact centre (automated message)',
    footer: (municipality) =>
      `You are receiving this e-mail because this address is the escalation address of ${municipality} in the contact centre. An administrator can change it in the municipality’s mail profile.`,
  },
};

/** The escalation: which clock ran out and when, the ticket's key facts, and the way into the console. */
export function escalationMail(data: EscalationMailData): MailContent {
  const text = TEXT[data.language];
  const when = momentInWords(data.dueAt, data.language, data.timeZone, data.now);
  const intro = text.intro(data.clock, data.reference, data.municipalityName, when);
  const facts: Extract<MailBlock, { type: 'facts' }>['items'] = [
    { label: text.labels.reference, value: data.reference },
    { label: text.labels.municipality, value: data.municipalityName },
    { label: text.labels.category, value: data.categoryName },
    { label: text.labels.priority, value: data.priority },
    { label: text.labels.clock, value: text.clock[data.clock] },
    { label: text.labels.dueAt, value: when },
  ];
  if (data.subject.trim()) facts.push({ label: text.labels.subject, value: excerpt(data.subject, 200) });
  facts.push({ label: text.labels.description, value: excerpt(data.description) });
  return {
    subject: `${text.subject[data.clock]} (${data.reference})`,
    preheader: intro,
    blocks: [
      { type: 'paragraph', text: intro },
      { type: 'paragraph', text: text.action[data.clock] },
      { type: 'facts', items: facts },
      { type: 'button', label: text.open, url: data.consoleUrl },
    ],
  };
}

/** Renders the escalation in the same layout as the citizen mails, addressed to the team. */
export function renderEscalationMail(data: EscalationMailData, profile: MailProfile): RenderedMail {
  const text = TEXT[data.language];
  const content = escalationMail(data);
  const frame: MailFrame = {
    language: data.language,
    municipalityName: data.municipalityName,
    logoUrl: profile.logoUrl,
    greeting: text.greeting,
    signOff: text.signOff,
    signature: text.signature,
    footer: text.footer(data.municipalityName),
  };
  return renderMail(content, frame);
}
