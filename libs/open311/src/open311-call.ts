import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { NotFoundError } from '@meldpunt/api-errors';
import { Open311Format, parseFormat } from './open311-format';
import type { Query311 } from './open311-query';
import { languageOf } from './open311-request.mapper';
import type { Lang } from './open311-views';

/** What every GeoReport route reads from its request, whatever the resource. */
export interface Open311Call {
  /** From the path's extension (`services.xml`); an unknown one is a 404 in JSON. */
  format: Open311Format;
  /** `locale`, else Accept-Language, else Dutch. */
  lang: Lang;
  /** The language the caller asked for (`locale` or Accept-Language), if any of ours. */
  asked: Lang | undefined;
  query: Query311;
  /** The `api_key` query parameter or the X-Api-Key header (POST bodies carry their own too). */
  apiKey: string | undefined;
  ip: string;
}

export function open311CallOf(req: Request): Open311Call {
  const extension = (req.params as Record<string, string | undefined>).format;
  const format = parseFormat(extension);
  if (!format) throw new NotFoundError('Format', String(extension));
  const query = req.query as Query311;
  const header = req.headers['x-api-key'];
  const accept = req.headers['accept-language'];
  const asked = languageOf(query.locale) ?? languageOf(accept);
  return {
    format,
    lang: asked ?? 'nl',
    asked,
    query,
    apiKey:
      typeof query.api_key === 'string' ? query.api_key : typeof header === 'string' ? header : undefined,
    ip: req.ip ?? 'unknown',
  };
}

/** The Open311Call of this request. */
export const Call = createParamDecorator((_data: unknown, host: ExecutionContext): Open311Call =>
  open311CallOf(host.switchToHttp().getRequest<Request>()),
);
