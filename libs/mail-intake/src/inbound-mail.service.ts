import { Injectable, Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { ConflictError, InvalidInputError, NotFoundError, toFieldErrors } from '@meldpunt/api-errors';
import { RequestContext } from '@meldpunt/identity';
import { MunicipalityDirectory } from '@meldpunt/municipalities';
import {
  ATTACHMENTS_MAX_COUNT,
  checkAttachment,
  CitizenTicketService,
  CreateTicketDto,
  TicketIntakeService,
  type NewAttachment,
} from '@meldpunt/tickets';
import { automaticMailReason, type AutomaticMailReason } from './automatic-mail';
import { guessLanguage } from './guess-language';
import { InboundMailboxes } from './inbound-mailboxes';
import { mailKey, referencedMessageIds } from './mail-thread';
import { MailThreads } from './mail-threads';
import { replyText } from './reply-text';

export interface Envelope {
  /** MAIL FROM; null for the null return path `<>` (bounces). */
  mailFrom: string | null;
  /** The municipality whose mailbox the mail was delivered to (checked at RCPT TO). */
  municipalityCode: string;
}

export type InboundOutcome =
  | { outcome: 'ticket'; reference: string; replayed: boolean }
  | { outcome: 'reply'; reference: string }
  | { outcome: 'ignored'; reason: AutomaticMailReason | 'no-sender' | 'empty' };

const DESCRIPTION_MAX = 10_000;
const SUBJECT_MAX = 200;
// An e-mail says nothing of kind or category: it comes in as a question, agents classify it.
const EMAIL_CATEGORY = 'general-question';

/**
 * One e-mail to a municipality's mailbox: a reply to one of our mails (or to the citizen's own
 * earlier mail) becomes a message on that ticket, and answers the open question as a reply through
 * the private link does; any other becomes a ticket of channel `email` with the sender as reporter.
 * Automatic mail is dropped. The mail's key (a hash of its Message-ID) is stored with the ticket or
 * the message in the same transaction, so a mail delivered twice is one ticket or one message.
 */
@Injectable()
export class InboundMailService {
  private readonly logger = new Logger('MailIntake');

  constructor(
    private readonly mailboxes: InboundMailboxes,
    private readonly threads: MailThreads,
    private readonly intake: TicketIntakeService,
    private readonly citizenTickets: CitizenTicketService,
    private readonly directory: MunicipalityDirectory,
  ) {}

  async receive(raw: Buffer, envelope: Envelope): Promise<InboundOutcome> {
    const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
    const sender = senderOf(mail);
    const own = new Set<string>();
    for (const address of [sender?.address, envelope.mailFrom]) {
      if (address && (await this.mailboxes.municipalityOf(address))) own.add(address.toLowerCase());
    }
    const automatic = automaticMailReason(mail.headers, envelope.mailFrom, sender?.address ?? null, (a) =>
      own.has(a.toLowerCase()),
    );
    const outcome = automatic
      ? ({ outcome: 'ignored', reason: automatic } as const)
      : await this.file(mail, raw, envelope, sender);
    // No addresses, names or text in the log: the reference and what was done.
    this.logger.log(
      `mail to ${envelope.municipalityCode}: ${outcome.outcome}${
        'reference' in outcome
          ? ` ${outcome.reference}${'replayed' in outcome && outcome.replayed ? ' (again)' : ''}`
          : ` (${outcome.reason})`
      }`,
    );
    return outcome;
  }

  private async file(
    mail: ParsedMail,
    raw: Buffer,
    envelope: Envelope,
    sender: { address: string; name: string } | null,
  ): Promise<InboundOutcome> {
    if (!sender) return { outcome: 'ignored', reason: 'no-sender' };
    const key = mailKey(mail.messageId, raw);
    const text = (mail.text ?? '').trim();
    const thread = await this.threads.find(
      referencedMessageIds(mail.inReplyTo, mail.references),
      mail.subject,
      sender.address,
    );
    if (thread) {
      const body = limit(replyText(text) || subjectOf(mail) || '', DESCRIPTION_MAX);
      if (!body) return { outcome: 'ignored', reason: 'empty' };
      const ctx = citizen(sender.name, thread.municipalityCode);
      try {
        const row = await this.citizenTickets.reply(ctx, thread.ticketId, body, {
          via: 'email',
          onceKey: key,
        });
        return { outcome: 'reply', reference: row.reference };
      } catch (error) {
        // Closed, cancelled or resolved long ago (or erased): the citizen writes about something new.
        if (!(error instanceof ConflictError || error instanceof NotFoundError)) throw error;
      }
    }
    return this.newTicket(mail, key, envelope, sender, text);
  }

  private async newTicket(
    mail: ParsedMail,
    key: string,
    envelope: Envelope,
    sender: { address: string; name: string },
    text: string,
  ): Promise<InboundOutcome> {
    const subject = subjectOf(mail);
    const description = limit(text || subject || '', DESCRIPTION_MAX);
    if (!description) return { outcome: 'ignored', reason: 'empty' };
    const language = guessLanguage(`${subject ?? ''}\n${text}`);
    const plain = {
      kind: 'question',
      channel: 'email',
      categoryCode: await this.category(envelope.municipalityCode),
      municipalityCode: envelope.municipalityCode,
      ...(subject ? { subject: limit(subject, SUBJECT_MAX) } : {}),
      description,
      reporter: {
        ...(sender.name ? { name: limit(sender.name, 200) } : {}),
        email: sender.address,
        // Who writes to the municipality by e-mail asks to be answered by e-mail.
        consent: true,
        ...(language ? { language } : {}),
      },
    };
    const dto = plainToInstance(CreateTicketDto, plain);
    const invalid = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (invalid.length) throw new InvalidInputError(toFieldErrors(invalid));
    const ctx = citizen(sender.name, envelope.municipalityCode);
    try {
      const { row, replayed } = await this.intake.create(ctx, dto, plain, key, photosOf(mail));
      return { outcome: 'ticket', reference: row.reference, replayed };
    } catch (error) {
      // The same mail delivered again to another of our mailboxes: it has its ticket already.
      const existing = error instanceof ConflictError ? await this.threads.ticketOf(key) : null;
      if (existing) return { outcome: 'ticket', reference: existing, replayed: true };
      throw error;
    }
  }

  /** General questions where the mailbox's municipality offers them, else its first question category. */
  private async category(municipalityCode: string): Promise<string> {
    const offered = (await this.directory.categoriesOf(municipalityCode)).filter((c) => c.enabled);
    const fallback = offered.find((c) => c.kinds.includes('question')) ?? offered[0];
    return (offered.find((c) => c.code === EMAIL_CATEGORY) ?? fallback)?.code ?? EMAIL_CATEGORY;
  }
}

function citizen(name: string, municipalityCode: string): RequestContext {
  return new RequestContext({ type: 'citizen', id: null, name: name || 'Melder' }, [], [municipalityCode]);
}

/** Whom an answer goes to: the Reply-To a web form sets for the citizen, else the From. */
function senderOf(mail: ParsedMail): { address: string; name: string } | null {
  const first = (field: AddressObject | AddressObject[] | undefined) =>
    (Array.isArray(field) ? field[0] : field)?.value.find((a) => a.address);
  const address = first(mail.replyTo) ?? first(mail.from);
  return address?.address
    ? { address: address.address.toLowerCase(), name: address.name?.trim() ?? '' }
    : null;
}

/** The subject without the RE:/FW:/AW:/TR: that mail programs put before it. */
function subjectOf(mail: ParsedMail): string | undefined {
  const subject = mail.subject
    ?.replace(/^\s*((re|fw|fwd|aw|wg|tr|antw|doorst)\s*(\[\d+\])?\s*:\s*)+/i, '')
    .trim();
  return subject || undefined;
}

/**
 * The photos and PDFs sent with the mail, checked by their bytes as the web form's are; others
 * (signature logos inline, .docx, over 8 MB) are left out: the mail is taken, not refused.
 */
function photosOf(mail: ParsedMail): NewAttachment[] {
  return mail.attachments
    .filter((a) => a.contentDisposition !== 'inline' || !a.related)
    .map((a) => checkAttachment({ originalname: a.filename, buffer: a.content }))
    .flatMap((checked) => ('attachment' in checked ? [checked.attachment] : []))
    .slice(0, ATTACHMENTS_MAX_COUNT);
}

function limit(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
