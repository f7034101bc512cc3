import type { MailProfile } from '../default-mail-profile';
import type { CitizenMailKind } from '../notification-kind';
import { acknowledgementMail } from './acknowledgement.mail';
import { agentMessageMail } from './agent-message.mail';
import { clarificationMail } from './clarification.mail';
import { forwardedMail } from './forwarded.mail';
import type { MailContent, RenderedMail } from './mail-content';
import type { MailData } from './mail-data';
import { renderMail } from './render-mail';
import { WORDS } from './mail-words';
import { mergedMail } from './merged.mail';
import { reroutedMail } from './rerouted.mail';
import { resolutionMail } from './resolution.mail';

const TEMPLATES: Record<CitizenMailKind, (data: MailData) => MailContent> = {
  acknowledgement: acknowledgementMail,
  clarification: clarificationMail,
  message: agentMessageMail,
  resolution: resolutionMail,
  forwarded: forwardedMail,
  rerouted: reroutedMail,
  merged: mergedMail,
};

/**
 * Renders one e-mail to a citizen, in the data's language, signed by the municipality's profile.
 * The team's escalation mail has its own renderer (escalation.mail.ts).
 */
export function renderNotificationMail(
  kind: CitizenMailKind,
  data: MailData,
  profile: MailProfile,
): RenderedMail {
  const content = TEMPLATES[kind](data);
  const words = WORDS[data.language];
  const frame = {
    language: data.language,
    municipalityName: profile.displayName[data.language],
    logoUrl: profile.logoUrl,
    greeting: words.greeting(data.recipientName),
    signOff: words.signOff,
    signature: profile.signature[data.language],
    footer: words.footer(words.noun[data.ticketKind], data.reference),
  };
  return renderMail(content, frame);
}
