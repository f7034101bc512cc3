import type { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, SMTPServerAddress } from 'smtp-server';

export interface CaughtMessage {
  to: string;
  parsed: ParsedMail;
  subject: string;
  html: string;
  text: string;
}

/**
 * A real SMTP server inside the test: it parses what arrives with mailparser. It can be stopped
 * and started again on the same port (an outage), and can refuse chosen recipients (5xx).
 */
export class SmtpCatcher {
  readonly messages: CaughtMessage[] = [];
  /** Recipients answered with `550 5.1.1 No such user` at RCPT TO. */
  readonly unknownRecipients = new Set<string>();
  /**
   * Recipients whose next mail is stored and then the connection cut before the 250 reply: the
   * sender cannot know it arrived (an unknown outcome). Once per address.
   */
  readonly cutAfterData = new Set<string>();
  /** SMTP connections accepted so far (a pooled client opens few). */
  connections = 0;
  private server: SMTPServer | null = null;
  port = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(port = this.port): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onConnect: (_session, callback) => {
        this.connections++;
        callback();
      },
      onRcptTo: (address: SMTPServerAddress, _session, callback) => {
        if (!this.unknownRecipients.has(address.address)) return callback();
        const error = new Error('5.1.1 No such user') as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            const to = session.envelope.rcptTo.map((r) => r.address).join(',');
            this.messages.push({
              to,
              parsed,
              subject: parsed.subject ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              text: parsed.text ?? '',
            });
            if (!this.cutAfterData.delete(to)) return callback();
            for (const connection of server.connections) {
              if (connection.session.id === session.id) connection._socket.destroy();
            }
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /**
   * What a crash or a restart of the mail server does to its clients: it stops listening and every
   * open connection (a pooled client's idle ones too) is cut without a goodbye.
   */
  async drop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const connection of server.connections) connection._socket.destroy();
    await closed;
  }

  to(address: string): CaughtMessage[] {
    return this.messages.filter((m) => m.to === address);
  }

  /** Waits for the `count`-th mail to this address and returns the mails so far. */
  async waitFor(address: string, count = 1, timeoutMs = 10_000): Promise<CaughtMessage[]> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (this.to(address).length >= count) return this.to(address);
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(
      `expected ${count} mail(s) to ${address} within ${timeoutMs} ms, got ${this.to(address).length}`,
    );
  }
}

/** The path and query of the first link in a mail that points into our status pages. */
export function statusLink(mail: CaughtMessage, base: string): { token: string; path: string } {
  const match = new RegExp(
    `${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/status/([A-Za-z0-9_-]+)[^"\\s<>]*)`,
  ).exec(mail.text);
  if (!match) throw new Error(`no status link in mail "${mail.subject}"`);
  return { path: match[1], token: match[2] };
}
