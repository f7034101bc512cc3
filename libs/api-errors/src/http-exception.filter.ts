import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, InvalidInputError, RateLimitedError, UnprocessableError } from './domain-errors';
import { errorBody, ErrorBody } from './error-body';
import { loggableErrorText } from './loggable-error';

interface BodyParserError {
  type?: string;
  status?: number;
  statusCode?: number;
  limit?: number;
}

/**
 * The one place where errors become HTTP answers in the contract's shape. Anything unexpected
 * is logged (without the request body: it may hold personal data) and answered as a 500 that
 * reveals nothing.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = toErrorBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error(loggableErrorText(exception));
    }
    if (response.headersSent) return;
    if (exception instanceof RateLimitedError && exception.retryAfterSeconds !== undefined) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    response.status(body.statusCode).json(body);
  }
}

/** Any thrown value as the contract's error body (status, message, field errors). */
export function toErrorBody(exception: unknown): ErrorBody {
  const parsed = bodyParserErrorBody(exception);
  if (parsed) return parsed;
  if (exception instanceof InvalidInputError) {
    return errorBody(400, 'The request is invalid', exception.errors);
  }
  if (exception instanceof UnprocessableError) {
    return errorBody(422, exception.message, exception.errors);
  }
  if (exception instanceof DomainError) {
    return errorBody(exception.statusCode, exception.message, undefined, exception.extra);
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse() as string | { message?: unknown };
    const inner = typeof response === 'string' ? response : response.message;
    const message =
      typeof inner === 'string' ? inner : Array.isArray(inner) ? inner.join('; ') : exception.message;
    return errorBody(status, message);
  }
  const parserError = exception as BodyParserError;
  const status = parserError?.status ?? parserError?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return errorBody(status, 'The request could not be read');
  }
  return errorBody(500, 'Something went wrong on our side; the request was not processed');
}

/** Errors of the JSON body parser, which Express raises before any route (and filter) runs. */
export function bodyParserErrorBody(exception: unknown): ErrorBody | null {
  const parserError = exception as BodyParserError | undefined;
  if (parserError?.type === 'entity.too.large') {
    return errorBody(413, `The request body is larger than the limit of ${parserError.limit} bytes`);
  }
  if (parserError?.type === 'entity.parse.failed') {
    return errorBody(400, 'The request body is not valid JSON', [
      { field: 'body', rule: 'isJson', message: 'body must be valid JSON' },
    ]);
  }
  return null;
}

/** Express error middleware placed right after the body parser: answers its errors in our shape. */
export function bodyParserErrorMiddleware(
  error: unknown,
  _req: unknown,
  res: Response,
  next: (error?: unknown) => void,
): void {
  const body = bodyParserErrorBody(error);
  if (!body) return next(error);
  res.status(body.statusCode).json(body);
}
