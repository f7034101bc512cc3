import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A caught mail as the dev page lists it: the envelope, known without parsing. */
export interface CaughtMailSummary {
  id: number;
  receivedAt: Date;
  from: string;
  to: string[];
  size: number;
}

/** A caught mail, parsed. */
export interface CaughtMail extends CaughtMailSummary {
  subject: string;
  html: string | null;
  text: string | null;
}

interface Caught extends CaughtMailSummary {
  raw: Buffer | null;
  parsed: Promise<CaughtMail> | null;
}

const KEEP = 200;
const KEEP_BYTES = 20 * 1024 * 1024;

/**
 * Without SMTP_URL the service still sends its e-mails, to this SMTP server inside the process,
 * so a newcomer sees what citizens would get (GET /dev/mails). It keeps the last 200 (and at most
 * 20 MB) in memory and listens on loopback only. It runs in the worker's process and answers every
 * mail the worker sends, so it only stores the raw message; parsing waits until someone opens
 * /dev/mails, once per mail.
 */
@Injectable()
export class MailSink implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private server: SMTPServer | null = null;
  private readonly caught: Caught[] = [];
  private bytes = 0;
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
      // The worker's pooled connections are its own: no need to wait for them at shutdown.
      closeTimeout: 1000,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (stream.sizeExceeded) {
            return callback(
              Object.assign(new Error('Message exceeds the size limit'), { responseCode: 552 }),
            );
          }
          const raw = Buffer.concat(chunks);
          this.keep({
            id: this.nextId++,
            receivedAt: new Date(),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            size: raw.length,
            raw,
            parsed: null,
          });
          callback();
        });
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
  mails(): readonly CaughtMailSummary[] {
    return [...this.caught].reverse().map(summaryOf);
  }

  /** The mail parsed (once; later calls get the same result), or undefined when it is not kept. */
  read(id: number): Promise<CaughtMail | undefined> {
    const mail = this.caught.find((m) => m.id === id);
    if (!mail) return Promise.resolve(undefined);
    mail.parsed ??= parse(mail);
    return mail.parsed;
  }

  async onModuleDestroy(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private keep(mail: Caught): void {
    this.caught.push(mail);
    this.bytes += mail.size;
    while (this.caught.length > KEEP || (this.bytes > KEEP_BYTES && this.caught.length > 1)) {
      this.bytes -= this.caught.shift()!.size;
    }
  }
}

function summaryOf(mail: Caught): CaughtMailSummary {
  return { id: mail.id, receivedAt: mail.receivedAt, from: mail.from, to: mail.to, size: mail.size };
}

async function parse(mail: Caught): Promise<CaughtMail> {
  const summary = summaryOf(mail);
  const parsed = await simpleParser(mail.raw ?? Buffer.alloc(0));
  // Parsed once: the text and HTML take the raw message's place.
  mail.raw = null;
  return {
    ...summary,
    subject: parsed.subject ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : null,
    text: parsed.text ?? null,
  };
}
