import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { loggableErrorText, RateLimitedError, toErrorBody } from '@meldpunt/api-errors';
import { parseFormat, sendOpen311 } from './open311-format';
import { open311FieldError } from './open311-request.mapper';

/**
 * Errors of the Open311 routes in GeoReport's shape: `[{ code, description }]` (JSON) or
 * `<errors><error>` (XML), with the HTTP status as code and one entry per failing field, named
 * as the client sent it (service_code, lat, ...). Same statuses as the rest of the API.
 */
@Catch()
export class Open311ExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Open311');

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const body = toErrorBody(exception);
    if (body.statusCode >= 500) this.logger.error(loggableErrorText(exception));
    if (res.headersSent) return;
    if (exception instanceof RateLimitedError && exception.retryAfterSeconds !== undefined) {
      res.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    const errors = body.errors?.length
      ? body.errors
          .map(open311FieldError)
          .map((e) => ({ code: body.statusCode, description: `${e.field}: ${e.message}` }))
      : [{ code: body.statusCode, description: body.message }];
    const format = parseFormat((req.params as Record<string, string> | undefined)?.format) ?? 'json';
    sendOpen311(res, format, body.statusCode, 'errors', errors);
  }
}
