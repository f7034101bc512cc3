import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '@meldpunt/config';
import { MailSink } from './mail-sink';

export interface OutgoingMail {
  from: { name: string; address: string };
  to: { name: string; address: string };
  subject: string;
  html: string;
  text: string;
  /** Stable per notification, so a receiving system can recognise a repeat. */
  messageId: string;
  headers: Record<string, string>;
}

const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
// How long the shutdown waits for mails already handed to the pool (a connection and a greeting
// timeout); the process's own stop deadline may end it sooner.
const DRAIN_MS = 20_000;

/**
 * SMTP_URL, or the built-in sink when it is not set, over a pool of at most SMTP_MAX_CONNECTIONS
 * connections, each reused for SMTP_MAX_MESSAGES mails: a new connection per mail (TCP, greeting,
 * EHLO, and TLS and AUTH at a real relay) cost more than the mail itself.
 *
 * Repeats stay as safe as with one connection per mail. The pool sends a mail again over another
 * connection only when not a byte of it was written (the relay closed an idle connection, or
 * restarted); any other failure, including one after the data went out, is the job's to retry,
 * with the same Message-ID. A dropped or refused connection leaves the pool and the next mail
 * opens a new one, so a relay that restarts costs the mails of that moment one retry.
 */
@Injectable()
export class MailTransport implements OnModuleInit, OnModuleDestroy {
  private url: Promise<string> | null = null;
  private pool: Transporter | null = null;
  private closing = false;

  constructor(
    private readonly config: AppConfig,
    private readonly sink: MailSink,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.transporter();
  }

  /** Resolves with the server's answer; rejects with its answer (or the connection error). */
  async send(mail: OutgoingMail): Promise<{ response: string }> {
    const transporter = await this.transporter();
    const info = (await transporter.sendMail(mail)) as { response?: string };
    return { response: info.response ?? '' };
  }

  /**
   * Lets the mails already handed to the pool finish, then closes its connections. The queue's
   * workers close after this hook, so a job that still sends meanwhile gets a connection of its
   * own, as every mail did before the pool.
   */
  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    const pool = this.pool;
    this.pool = null;
    if (!pool) return;
    const until = Date.now() + DRAIN_MS;
    while (pendingCount(pool) > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    pool.close();
  }

  private async transporter(): Promise<Transporter> {
    this.url ??= this.config.smtpUrl ? Promise.resolve(this.config.smtpUrl) : this.sink.start();
    const url = await this.url;
    if (this.closing) return createTransport({ url, ...TIMEOUTS });
    this.pool ??= createTransport({
      url,
      pool: true,
      maxConnections: this.config.smtpMaxConnections,
      maxMessages: this.config.smtpMaxMessages,
      ...TIMEOUTS,
    });
    return this.pool;
  }
}

/** Mails queued in the pool or on a connection right now (nodemailer's SMTPPool.pendingCount). */
function pendingCount(pool: Transporter): number {
  const transport = pool.transporter as { pendingCount?: () => number };
  return transport.pendingCount?.() ?? 0;
}
