import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  id: number;
  receivedAt: Date;
  from: string;
  to: string[];
  subject: string;
  html: string | null;
  text: string | null;
}

const KEEP = 200;

/**
 * Without SMTP_URL the service still sends its e-mails, to this SMTP server inside the process,
 * so a newcomer sees what citizens would get (GET /dev/mails). It keeps the last 200 in memory and
 * listens on loopback only.
 */
@Injectable()
export class MailSink implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private server: SMTPServer | null = null;
  private readonly caught: CaughtMail[] = [];
  private nextId = 1;

  get active(): boolean {
    return this.server !== null;
  }

  /** Starts the sink on a free loopback port and returns its smtp:// URL. */
  async start(): Promise<string> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      size: 5 * 1024 * 1024,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            this.keep({
              id: this.nextId++,
              receivedAt: new Date(),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: parsed.subject ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : null,
              text: parsed.text ?? null,
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    const port = (server.server.address() as AddressInfo).port;
    this.logger.log(`mail: built-in SMTP sink on 127.0.0.1:${port}, see /dev/mails`);
    return `smtp://127.0.0.1:${port}`;
  }

  /** Newest first. */
  mails(): readonly CaughtMail[] {
    return [...this.caught].reverse();
  }

  mail(id: number): CaughtMail | undefined {
    return this.caught.find((m) => m.id === id);
  }

  async onModuleDestroy(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private keep(mail: CaughtMail): void {
    this.caught.push(mail);
    if (this.caught.length > KEEP) this.caught.splice(0, this.caught.length - KEEP);
  }
}
