import type {
  BackOfficeAdapter,
  BackOfficeConnection,
  CaseDraft,
} from '../../libs/adapters/src/port/back-office-adapter';

/**
 * Every connector's answer to credentials the tool refuses: the create fails for good (retrying
 * cannot fix a 401, so it becomes a failure record at once) and the health check says why.
 */
export async function expectCredentialsRefused(
  adapter: BackOfficeAdapter,
  conn: BackOfficeConnection,
  draft: CaseDraft,
): Promise<void> {
  await expect(adapter.createCase(conn, draft)).rejects.toMatchObject({ retryable: false, httpStatus: 401 });
  await expect(adapter.health(conn)).resolves.toMatchObject({
    ok: false,
    detail: expect.stringContaining('401'),
  });
}
