import type { MailLanguage } from '../notification-kind';

/**
 * A mail as a list of plain-text blocks: templates say what to write, the renderers decide how
 * it looks in HTML and in plain text, and escape everything on the way.
 */
export type MailBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'quote'; text: string }
  | { type: 'facts'; items: { label: string; value: string }[] }
  | { type: 'button'; label: string; url: string }
  | { type: 'scale'; items: { label: string; url: string }[] };

export interface MailContent {
  subject: string;
  /** The line mail clients show after the subject. */
  preheader: string;
  blocks: MailBlock[];
}

/** The parts around the content: the municipality's name and logo, greeting, signature, footer. */
export interface MailFrame {
  language: MailLanguage;
  municipalityName: string;
  logoUrl: string | null;
  greeting: string;
  signOff: string;
  signature: string;
  footer: string;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}
