/**
 * Typed errors the domain throws. The exception filter maps each to its HTTP status and the
 * contract's error body; services never build HTTP responses themselves.
 */
export abstract class DomainError extends Error {
  abstract readonly statusCode: number;
  /** Extra top-level fields of the error body (e.g. `allowed` for a refused transition). */
  readonly extra: Record<string, unknown> = {};
}

export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

/** Input that breaks a rule (400), with one entry per failing field. */
export class InvalidInputError extends DomainError {
  readonly statusCode = 400;
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

export class NotFoundError extends DomainError {
  readonly statusCode = 404;
  constructor(what: string, id: string) {
    super(`${what} ${id} does not exist or is not in your scope`);
  }
}

export class ForbiddenError extends DomainError {
  readonly statusCode = 403;
}

export class UnauthenticatedError extends DomainError {
  readonly statusCode = 401;
}

/** The request conflicts with the current state (409). */
export class ConflictError extends DomainError {
  readonly statusCode = 409;
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message);
    Object.assign(this.extra, extra);
  }
}

/** Valid input that cannot be processed (422), e.g. no municipality fits the location. */
export class UnprocessableError extends DomainError {
  readonly statusCode = 422;
  constructor(
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
  }
}

export class RateLimitedError extends DomainError {
  readonly statusCode = 429;
  constructor(
    message: string,
    /** Sent as the Retry-After header. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}
