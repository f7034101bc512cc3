/**
 * An error as it may be written to the log: PostgreSQL quotes the offending value in some messages
 * (`invalid input syntax for type uuid: "marieke@example.be"`), and a failed query carries its
 * parameters (names, e-mail addresses, descriptions). Neither may reach the log: the value is cut
 * from the message, the parameters and `detail` (`Key (email)=(...)`) are never read.
 */
export function loggableErrorText(error: unknown): string {
  if (!(error instanceof Error)) return withoutQuotedValues(String(error));
  const code = (error as { code?: unknown }).code;
  const head = `${error.name}${typeof code === 'string' ? ` ${code}` : ''}: ${withoutQuotedValues(error.message)}`;
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return [head, ...frames].join('\n');
}

/** Replaces what follows `: ` in double or single quotes, PostgreSQL's way of quoting an input value. */
export function withoutQuotedValues(message: string): string {
  return message.replace(/: (["'])[\s\S]*$/, ': $1…$1');
}
