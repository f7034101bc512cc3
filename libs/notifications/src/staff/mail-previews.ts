import { Injectable } from '@nestjs/common';
import { AppConfig } from '@meldpunt/config';
import { MunicipalityDirectory } from '@meldpunt/municipalities';
import { MailProfiles } from '../mail-profiles';
import { isStaffMail, type MailLanguage, type NotificationKind } from '../notification-kind';
import { renderEscalationMail } from '../templates/escalation.mail';
import { renderNotificationMail } from '../templates/mail-catalogue';
import { renderPartyRequestMail } from '../templates/party-request.mail';
import type { RenderedMail } from '../templates/mail-content';
import { sampleEscalationData, sampleMailData } from './sample-mail-data';

/** Renders any template with sample data, signed as the chosen municipality signs today. */
@Injectable()
export class MailPreviews {
  constructor(
    private readonly profiles: MailProfiles,
    private readonly directory: MunicipalityDirectory,
    private readonly config: AppConfig,
  ) {}

  async render(
    kind: NotificationKind,
    language: MailLanguage,
    municipalityCode: string,
  ): Promise<RenderedMail> {
    const profile = await this.profiles.for(municipalityCode);
    if (isStaffMail(kind)) {
      const escalation = sampleEscalationData(language, {
        municipalityName: profile.displayName[language],
        timeZone: profile.timeZone,
        baseUrl: this.config.publicBaseUrl,
        now: new Date(),
      });
      return renderEscalationMail(escalation, profile);
    }
    const town = (await this.directory.municipality(municipalityCode))?.name ?? municipalityCode;
    if (kind === 'party_request') {
      return renderPartyRequestMail(
        {
          language,
          reference: 'ZWVL-2026-000042',
          municipalityName: profile.displayName[language],
          partyName: 'Fluvius',
          question: 'Kunnen jullie de gasleiding aan dit adres nakijken?',
          categoryName: 'Openbaar domein',
          place: `Kerkstraat 12, ${town}`,
          description: 'Bewoners ruiken al twee dagen gas in de straat.',
          answerUrl: `${this.config.publicBaseUrl}/extern/voorbeeld`,
        },
        profile,
      );
    }
    const data = sampleMailData(kind, language, {
      municipalityName: profile.displayName[language],
      town,
      timeZone: profile.timeZone,
      baseUrl: this.config.publicBaseUrl,
      now: new Date(),
    });
    return renderNotificationMail(kind, data, profile);
  }
}
