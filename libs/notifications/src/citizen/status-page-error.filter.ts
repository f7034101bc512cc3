import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, loggableErrorText } from '@meldpunt/api-errors';
import { escapeHtml } from '../templates/escape-html';
import { setHtmlPageHeaders } from './html-page-headers';

// We may not know the citizen's language here (the token may be unknown): say it in all three.
const MESSAGES: Record<number, [string, string, string]> = {
  400: [
    'Dat lukte niet: controleer wat je invulde.',
    'Cela n’a pas fonctionné\u00a0: vérifiez votre saisie.',
    'That did not work: please check what you entered.',
  ],
  404: [
    'Deze link werkt niet (meer).',
    'Ce lien ne fonctionne pas (ou plus).',
    'This link does not work (any more).',
  ],
  409: [
    'Dat kan niet meer voor dit dossier.',
    'Ce n’est plus possible pour ce dossier.',
    'That is no longer possible for this case.',
  ],
  500: [
    'Er ging bij ons iets mis. Probeer het later opnieuw.',
    'Un problème est survenu chez nous. Réessayez plus tard.',
    'Something went wrong on our side. Please try again later.',
  ],
};

/** The status page answers errors as a small HTML page, not as the API's JSON. */
@Catch()
export class StatusPageErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('StatusPage');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const status =
      exception instanceof DomainError
        ? exception.statusCode
        : exception instanceof HttpException
          ? exception.getStatus()
          : 500;
    if (status >= 500) this.logger.error(loggableErrorText(exception));
    const [nl, fr, en] = MESSAGES[status] ?? MESSAGES[status >= 500 ? 500 : 400];
    setHtmlPageHeaders(res);
    res
      .status(status)
      .send(
        `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${status}</title></head>` +
          `<body style="font:17px/1.5 system-ui,Arial,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem">` +
          `<h1>${escapeHtml(nl)}</h1><p lang="fr">${escapeHtml(fr)}</p><p lang="en">${escapeHtml(en)}</p></body></html>`,
      );
  }
}
