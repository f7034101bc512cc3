import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { InvalidInputError } from '@meldpunt/api-errors';
import { AppConfig } from '@meldpunt/config';
import { InboundMailboxes } from './inbound-mailboxes';
import { InboundMailService } from './inbound-mail.service';

const MAX_RECIPIENTS = 20;

/** An SMTP reply: the code and enhanced status the sending relay acts on (retry on 4xx, bounce on 5xx). */
function smtpError(code: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode: code });
}

/**
 * The inbound SMTP endpoint the mail relay delivers the municipalities' mailboxes to. It answers
 * 250 only once the mail is a ticket or a message in PostgreSQL (committed), so a mail is never
 * lost: anything failing on our side answers 451 and the relay delivers again later, which the
 * mail's key makes harmless. Unknown mailboxes are refused at RCPT TO (550), before the data.
 * Spam and sender checks (SPF, DKIM, DMARC) are the relay's: this endpoint listens on loopback by
 * default and takes no AUTH.
 */
@Injectable()
export class InboundSmtpServer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('MailIntake');
  private server: SMTPServer | null = null;
  /** The port listened on (the one chosen when MAIL_INTAKE_PORT is 0); null when off. */
  port: number | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly mailboxes: InboundMailboxes,
    private readonly mail: InboundMailService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.mailIntakePort === undefined) return;
    const server = new SMTPServer({
      name: 'meldpunt',
      banner: 'meldpunt mail intake',
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      size: this.config.mailIntakeMaxBytes,
      maxClients: 100,
      closeTimeout: Math.floor(this.config.shutdownTimeoutMs / 3),
      onRcptTo: (address, session, callback) => {
        this.recipient(address.address, session).then(
          () => callback(),
          (error: Error) => callback(error),
        );
      },
      onData: (stream, session, callback) => {
        this.data(stream, session).then(
          (reply) => callback(null, reply),
          (error: Error) => callback(error),
        );
      },
    });
    server.on('error', (error) => this.logger.warn(`SMTP connection error: ${error.message}`));
    try {
      await new Promise<void>((resolve, reject) => {
        server.server.once('error', reject);
        server.listen(this.config.mailIntakePort, this.config.mailIntakeHost, () => resolve());
      });
    } catch (error) {
      const message = `cannot listen on ${this.config.mailIntakeHost}:${this.config.mailIntakePort}: ${(error as Error).message}`;
      // The embedded default is a convenience: a taken port leaves the rest of the service running.
      if (this.config.embedded) {
        this.logger.warn(`mail intake off: ${message}`);
        return;
      }
      throw new Error(`mail intake ${message}`);
    }
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
    this.logger.log(`mail intake on ${this.config.mailIntakeHost}:${this.port}`);
  }

  async onModuleDestroy(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async recipient(address: string, session: SMTPServerSession): Promise<void> {
    if (session.envelope.rcptTo.length >= MAX_RECIPIENTS) {
      throw smtpError(452, '4.5.3 Too many recipients');
    }
    if (!(await this.mailboxes.municipalityOf(address))) {
      throw smtpError(550, `5.1.1 <${address}>: no mailbox of the contact centre`);
    }
  }

  /** The text of the 250 reply: what became of the mail, for the relay's log. */
  private async data(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    if (stream.sizeExceeded) {
      throw smtpError(552, `5.3.4 Message larger than ${this.config.mailIntakeMaxBytes} bytes`);
    }
    // One ticket per mail: the first of our mailboxes it was sent to decides the municipality.
    const municipalityCode = await this.mailboxes.municipalityOf(session.envelope.rcptTo[0].address);
    if (!municipalityCode) throw smtpError(550, '5.1.1 No mailbox of the contact centre');
    const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address || null : null;
    try {
      const filed = await this.mail.receive(Buffer.concat(chunks), { mailFrom, municipalityCode });
      return 'reference' in filed
        ? `2.0.0 Filed as ${filed.outcome} ${filed.reference}`
        : `2.0.0 Accepted, not filed (${filed.reason})`;
    } catch (error) {
      if (error instanceof InvalidInputError) {
        throw smtpError(550, `5.6.0 Message not accepted: ${error.message}`);
      }
      this.logger.error(`mail not taken in, the relay will retry: ${(error as Error).message}`);
      throw smtpError(451, '4.3.0 Temporary failure, try again later');
    }
  }
}
