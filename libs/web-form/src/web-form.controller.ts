import { Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import multer from 'multer';
import { AppConfig } from '@meldpunt/config';
import { Public } from '@meldpunt/identity';
import { setHtmlPageHeaders } from '@meldpunt/notifications';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_MAX_COUNT,
  checkAttachment,
  type NewAttachment,
} from '@meldpunt/tickets';
import { LOCATE_SCRIPT_HASH, renderThanks, renderWebForm } from './web-form.html';
import { formValues, type FormValues } from './web-form-submission';
import { WEB_FORM_TEXTS, type FormField, type FormLanguage } from './web-form.texts';
import { WebFormService } from './web-form.service';

const language = (value: unknown): FormLanguage => (value === 'fr' || value === 'en' ? value : 'nl');

const upload = multer({
  storage: multer.memoryStorage(),
  limits: {
    fileSize: ATTACHMENT_MAX_BYTES,
    files: ATTACHMENTS_MAX_COUNT,
    fields: 30,
    fieldSize: 20_000,
    parts: 40,
  },
}).array('photos', ATTACHMENTS_MAX_COUNT);

/**
 * GET /melden: the citizens' web form, at a public URL (`?gemeente=kortrijk` for a municipality's
 * own page, `&embed=1` inside a frame on its website, `lang=fr|en`). It posts to itself as
 * multipart (photos included) and needs no script. A filed report goes on to the citizen's own
 * status page (303); a form with mistakes comes back with the values kept and each error next to
 * its field (422). Robots: a honeypot field, a signed token with the time the form was served
 * (too fast: asked again), the public rate limit per address; no third party.
 */
@ApiExcludeController()
@Controller('melden')
@Public()
export class WebFormController {
  constructor(
    private readonly forms: WebFormService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async form(
    @Res() res: Response,
    @Query('lang') lang?: string,
    @Query('gemeente') gemeente?: string,
    @Query('embed') embed?: string,
  ): Promise<void> {
    const page = await this.forms.page(language(lang), {}, {}, { gemeente, embed: embed === '1' });
    this.send(res, 200, renderWebForm(page), page.query.embed);
  }

  @Post()
  async submit(
    @Req() req: Request,
    @Res() res: Response,
    @Query('lang') lang?: string,
    @Query('gemeente') gemeente?: string,
    @Query('embed') embed?: string,
  ): Promise<void> {
    const lng = language(lang);
    const t = WEB_FORM_TEXTS[lng];
    const query = { gemeente, embed: embed === '1' };
    const uploadError = await new Promise<unknown>((resolve) => upload(req, res, resolve));
    const values = formValues(req.body);
    const fileErrors: Partial<Record<FormField, string>> = {};
    if (uploadError instanceof multer.MulterError) {
      fileErrors.photos =
        uploadError.code === 'LIMIT_FILE_SIZE'
          ? t.errors.photoSize(ATTACHMENT_MAX_BYTES / 1024 / 1024)
          : uploadError.code === 'LIMIT_FILE_COUNT' || uploadError.code === 'LIMIT_UNEXPECTED_FILE'
            ? t.errors.photoCount(ATTACHMENTS_MAX_COUNT)
            : t.errors.tooLong(20_000);
    } else if (uploadError) {
      throw uploadError instanceof Error ? uploadError : new Error('the upload failed');
    }
    // A person never fills in a field they cannot see; a robot gets a thank-you and nothing is filed.
    if (values.website) {
      return this.send(res, 200, renderThanks(lng, await this.forms.heading(lng, gemeente)), query.embed);
    }
    const files = (req.files as Express.Multer.File[] | undefined) ?? [];
    const attachments: NewAttachment[] = [];
    for (const file of files) {
      const checked = checkAttachment(file);
      if ('attachment' in checked) attachments.push(checked.attachment);
      else fileErrors.photos ??= checked.problem === 'type' ? t.errors.photoType : t.errors.photoSize(8);
    }
    const token = this.forms.tokens.check(values.form_token, this.config.webFormMinFillSeconds);
    if (!token.ok) {
      const formError = token.problem === 'expired' ? t.errors.expired : t.errors.tooFast;
      return this.again(res, lng, values, { form: formError, ...fileErrors }, query, files.length > 0);
    }
    const outcome = await this.forms.submit(lng, values, token.nonce, attachments, fileErrors);
    if (!outcome.filed) return this.again(res, lng, values, outcome.errors, query, files.length > 0);
    res.redirect(303, `/status/${encodeURIComponent(outcome.statusToken)}?lang=${lng}&done=report`);
  }

  private async again(
    res: Response,
    lng: FormLanguage,
    values: FormValues,
    errors: Partial<Record<FormField, string>>,
    query: { gemeente?: string; embed: boolean },
    hadFiles: boolean,
  ): Promise<void> {
    const kept = { ...errors };
    if (hadFiles) kept.photos ??= WEB_FORM_TEXTS[lng].errors.photosAgain;
    const { form_token: _old, website: _trap, ...shown } = values;
    const page = await this.forms.page(lng, shown, kept, query);
    this.send(res, 422, renderWebForm(page), query.embed);
  }

  private send(res: Response, status: number, html: string, embed: boolean | undefined): void {
    setHtmlPageHeaders(res, {
      frameAncestors: embed ? this.config.webFormEmbedOrigins : [],
      scriptSrc: LOCATE_SCRIPT_HASH,
    });
    res.status(status).send(html);
  }
}
