import type { Localised } from './entities/mail-profile.entity';
import type { MailLanguage } from './notification-kind';

/** What an e-mail to a citizen of one municipality is signed with, and where its team's escalations go. */
export interface MailProfile {
  municipalityCode: string;
  displayName: Localised;
  senderAddress: string;
  signature: Localised;
  logoUrl: string | null;
  forwardedMail: boolean;
  /** Where SLA breaches are escalated (the municipality's team); null: nowhere, no e-mail. */
  escalationEmail: string | null;
  /** The municipality's official languages, the first being the default for citizens. */
  languages: string[];
  timeZone: string;
}

// The five municipalities of the region that hold the title of city (stad / ville).
const CITIES = new Set(['harelbeke', 'kortrijk', 'menen', 'waregem', 'wervik']);
// French exonyms in common use; the other names are the same in French.
const FRENCH_NAMES: Record<string, string> = {
  kortrijk: 'Courtrai',
  menen: 'Menin',
  wervik: 'Wervicq',
  'spiere-helkijn': 'Espierres-Helchin',
};

export function defaultDisplayName(code: string, name: string): Localised {
  const french = FRENCH_NAMES[code] ?? name;
  const elided = /^[AEIOU]/.test(french) ? `d'${french}` : `de ${french}`;
  return CITIES.has(code)
    ? { nl: `Stad ${name}`, fr: `Ville ${elided}`, en: `City of ${name}` }
    : { nl: `Gemeente ${name}`, fr: `Commune ${elided}`, en: `Municipality of ${name}` };
}

export function defaultMailProfile(
  municipality: { code: string; name: string; languages: string[]; timezone: string },
  fromDomain: string,
): MailProfile {
  const displayName = defaultDisplayName(municipality.code, municipality.name);
  return {
    municipalityCode: municipality.code,
    displayName,
    senderAddress: `meldpunt@${municipality.code}.${fromDomain}`,
    signature: {
      nl: `Het meldpunt\n${displayName.nl}`,
      fr: `Le point de contact\n${displayName.fr}`,
      en: `The contact centre\n${displayName.en}`,
    },
    logoUrl: null,
    forwardedMail: false,
    escalationEmail: null,
    languages: municipality.languages,
    timeZone: municipality.timezone,
  };
}

/** The reporter's language when we write it, else the municipality's first language, else Dutch. */
export function mailLanguage(
  reporterLanguage: string | null | undefined,
  municipalityLanguages: string[],
): MailLanguage {
  const supported = (l: string | null | undefined): l is MailLanguage =>
    l === 'nl' || l === 'fr' || l === 'en';
  if (supported(reporterLanguage)) return reporterLanguage;
  return municipalityLanguages.find(supported) ?? 'nl';
}
