import { DomainError } from '@meldpunt/api-errors';

/** One answer for every token that opens nothing: unknown, expired or malformed look the same. */
export class UnknownLinkError extends DomainError {
  readonly statusCode = 404;
  constructor() {
    super('This link is unknown or has expired');
  }
}
