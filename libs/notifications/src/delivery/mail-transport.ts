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

/** SMTP_URL, or the built-in sink when it is not set. One connection per e-mail: no idle sockets. */
@Injectable()
export class MailTransport implements OnModuleInit, OnModuleDestroy {
  private transporter: Promise<Transporter> | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly sink: MailSink,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.ready();
  }

  /** Resolves with the server's answer; rejects with its answer (or the connection error). */
  async send(mail: OutgoingMail): Promise<{ response: string }> {
    const transporter = await this.ready();
    const info = (await transporter.sendMail(mail)) as { response?: string };
    return { response: info.response ?? '' };
  }

  async onModuleDestroy(): Promise<void> {
    (await this.transporter)?.close();
  }

  private ready(): Promise<Transporter> {
    this.transporter ??= (async () =>
      createTransport({
        url: this.config.smtpUrl ?? (await this.sink.start()),
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      }))();
    return this.transporter;
  }
}
