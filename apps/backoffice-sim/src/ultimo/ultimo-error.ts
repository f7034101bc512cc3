import type { SimResponse } from '../sim-http';

/**
 * Ultimo's error body, `{ message, type, code }` (e.g. `{"message": "Job cannot be created.\r\nCause:
 * Equipment '397722' cannot be found.", "type": 3, "code": "3399"}`). The codes here are ours.
 */
export function ultimoError(
  status: number,
  message: string,
  code: string,
  headers?: Record<string, string>,
): SimResponse {
  return { status, body: { message, type: 3, code }, headers };
}
