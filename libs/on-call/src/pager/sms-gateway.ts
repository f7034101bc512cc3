import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@meldpunt/config';

export interface SmsMessage {
  to: string;
  text: string;
}

/** The SMS provider said no, or could not be reached: `retryable` says whether trying again may help. */
export class SmsError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/**
 * The port to an SMS provider. SMS_URL names one that takes `POST {SMS_URL}` with a JSON body
 * `{ to, text }` and `Authorization: Bearer {SMS_TOKEN}` (the simulator in apps/backoffice-sim, or
 * an adapter in front of a provider such as a Belgian operator's A2P gateway). Without SMS_URL the
 * messages stay in memory (`sent`), so a laptop run pages by e-mail and shows what would have gone.
 */
@Injectable()
export class SmsGateway {
  private readonly logger = new Logger(SmsGateway.name);
  /** Without a provider: what would have been sent, newest last (bounded). */
  readonly sent: SmsMessage[] = [];

  constructor(private readonly config: AppConfig) {}

  get configured(): boolean {
    return this.config.smsUrl !== undefined;
  }

  async send(message: SmsMessage): Promise<void> {
    if (!this.config.smsUrl) {
      this.sent.push(message);
      if (this.sent.length > 500) this.sent.shift();
      return;
    }
    let response: Response;
    try {
      response = await fetch(this.config.smsUrl, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(this.config.smsToken ? { Authorization: `Bearer ${this.config.smsToken}` } : {}),
        },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new SmsError(`SMS provider unreachable: ${(error as Error).message}`, true);
    }
    if (!response.ok) {
      // No number or text in the log: both are personal data.
      this.logger.warn(`SMS provider answered ${response.status}`);
      throw new SmsError(
        `SMS provider answered ${response.status}`,
        response.status >= 500 || response.status === 429,
      );
    }
  }
}
