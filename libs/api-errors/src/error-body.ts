import { STATUS_CODES } from 'node:http';
import { FieldError } from './domain-errors';

/** The contract's error body: `{ statusCode, error, message, errors? }` plus any extra fields. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

export function errorBody(
  statusCode: number,
  message: string,
  errors?: FieldError[],
  extra: Record<string, unknown> = {},
): ErrorBody {
  return {
    statusCode,
    error: STATUS_CODES[statusCode] ?? 'Error',
    message,
    ...(errors && errors.length ? { errors } : {}),
    ...extra,
  };
}
