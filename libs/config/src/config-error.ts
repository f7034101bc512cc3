/** A setting that is missing or wrong. Its message is one line naming the variable and what it expects. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    expected: string,
    got?: string,
  ) {
    super(`${variable} ${expected}${got === undefined ? '' : ` (got '${got.slice(0, 60)}')`}`);
    this.name = 'ConfigError';
  }
}
