import type { SimResponse } from '../sim-http';
import type { FieldProblem } from './threep-input';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  404: 'Not found',
  405: 'Method not allowed',
  410: 'Gone',
};

/**
 * The contract's error body: RFC 9457 problem details (`type`, `title`, `status`, `detail`, and
 * `errors: [{ field, message }]` for validation), served as `application/problem+json`.
 */
export function threePProblem(
  status: number,
  detail: string,
  errors?: FieldProblem[],
  headers?: Record<string, string>,
): SimResponse {
  const slug = (TITLES[status] ?? 'Error').toLowerCase().replace(/\s+/g, '-');
  return {
    status,
    body: {
      type: `https://meldpunt.example/problems/3p/${errors ? 'validation' : slug}`,
      title: errors ? 'Validation failed' : (TITLES[status] ?? 'Error'),
      status,
      detail,
      ...(errors ? { errors } : {}),
    },
    headers,
  };
}

/** A 400 that names every field in its detail, so the failure record says what to fix. */
export function validationProblem(errors: FieldProblem[]): SimResponse {
  const detail = errors.map((e) => (e.field ? `${e.field} ${e.message}` : e.message)).join('; ');
  return threePProblem(400, detail, errors);
}
