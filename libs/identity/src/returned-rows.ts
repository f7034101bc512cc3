/**
 * The rows of an `UPDATE ... RETURNING` run through TypeORM's `query()`, which answers those with
 * `[rows, affectedCount]` (INSERT and SELECT answer the rows themselves).
 */
export function returnedRows<T>(result: unknown): T[] {
  const answer = result as unknown[];
  return (Array.isArray(answer[0]) ? answer[0] : answer) as T[];
}
