import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { InvalidInputError, toFieldErrors, UnprocessableError } from '@meldpunt/api-errors';
import { AppConfig } from '@meldpunt/config';
import { RequestContext } from '@meldpunt/identity';
import { MunicipalityDirectory } from '@meldpunt/municipalities';
import { CitizenAccessTokens, MailProfiles } from '@meldpunt/notifications';
import { CreateTicketDto, TicketIntakeService, type NewAttachment } from '@meldpunt/tickets';
import { FormTokens } from './form-token';
import type { FormOption, WebFormPage } from './web-form.html';
import { formErrors, toCreateTicket, type FormValues } from './web-form-submission';
import { WEB_FORM_TEXTS, type FormField, type FormLanguage } from './web-form.texts';

const REGION = 'Meldpunt Zuid-West-Vlaanderen';

export type Submission =
  { filed: true; statusToken: string } | { filed: false; errors: Partial<Record<FormField, string>> };

/** The web form's data (categories, municipalities in the page's language) and its submission. */
@Injectable()
export class WebFormService {
  readonly tokens: FormTokens;

  constructor(
    private readonly config: AppConfig,
    private readonly directory: MunicipalityDirectory,
    private readonly profiles: MailProfiles,
    private readonly intake: TicketIntakeService,
    private readonly citizenLinks: CitizenAccessTokens,
  ) {
    // A key of its own, derived from the token secret every api process shares.
    this.tokens = new FormTokens(
      createHmac('sha256', config.jwtSecret ?? '')
        .update('web-form')
        .digest(),
    );
  }

  async page(
    language: FormLanguage,
    values: FormValues,
    errors: Partial<Record<FormField, string>>,
    query: WebFormPage['query'],
  ): Promise<WebFormPage> {
    const byLabel = (a: FormOption, b: FormOption) => a.label.localeCompare(b.label, language);
    const municipalities: FormOption[] = [];
    for (const m of await this.directory.allMunicipalities()) {
      municipalities.push({ value: m.code, label: (await this.profiles.for(m.code)).displayName[language] });
    }
    municipalities.sort(byLabel);
    const chosen = municipalities.find((m) => m.value === query.gemeente);
    // A municipality's own form offers its categories under its names; the regional one the region's.
    const categories = (
      chosen
        ? (await this.directory.categoriesOf(chosen.value)).filter((c) => c.enabled)
        : (await this.directory.allCategories()).filter((c) => c.active)
    )
      .map((c) => ({ value: c.code, label: c.name[language] ?? c.name.nl }))
      .sort(byLabel);
    return {
      language,
      heading: chosen?.label ?? REGION,
      categories,
      municipalities,
      values: {
        ...(chosen && values.municipality === undefined ? { municipality: chosen.value } : {}),
        ...values,
      },
      errors,
      token: this.tokens.issue(),
      query: { gemeente: chosen?.value, embed: query.embed },
    };
  }

  async heading(language: FormLanguage, gemeente: string | undefined): Promise<string> {
    if (!gemeente || !(await this.directory.municipality(gemeente))) return REGION;
    return (await this.profiles.for(gemeente)).displayName[language];
  }

  /** Files the report once per served form (its nonce), with its attachments, or says what to fix. */
  async submit(
    language: FormLanguage,
    values: FormValues,
    nonce: string,
    attachments: NewAttachment[],
    fileErrors: Partial<Record<FormField, string>>,
  ): Promise<Submission> {
    const t = WEB_FORM_TEXTS[language];
    const category = values.category ? await this.directory.category(values.category) : undefined;
    const { plain, errors, unlocated } = toCreateTicket(values, category, language, t);
    const dto = plainToInstance(CreateTicketDto, plain);
    const invalid = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    const all = { ...formErrors(toFieldErrors(invalid), t), ...errors, ...fileErrors };
    if (unlocated) all.address ??= t.errors.located;
    if (values.category && !category?.active) all.category ??= t.errors.required;
    if (Object.keys(all).length) return { filed: false, errors: all };
    const ctx = new RequestContext(
      { type: 'citizen', id: null, name: values.name?.trim() || 'Melder' },
      [],
      'all',
    );
    try {
      const { row } = await this.intake.create(ctx, dto, plain, `web:${nonce}`, attachments);
      const statusToken = await this.citizenLinks.issue(
        { ticketId: row.id, municipalityCode: row.municipality_code },
        null,
      );
      return { filed: true, statusToken };
    } catch (error) {
      if (error instanceof InvalidInputError) return { filed: false, errors: formErrors(error.errors, t) };
      if (error instanceof UnprocessableError) {
        return { filed: false, errors: formErrors(error.errors ?? [], t) };
      }
      throw error;
    }
  }
}
