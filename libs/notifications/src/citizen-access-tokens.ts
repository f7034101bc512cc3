import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThan, Repository } from 'typeorm';
import { CitizenAccessTokenEntity } from './entities/citizen-access-token.entity';

// A link keeps working for a year after its e-mail: long enough to follow up and give feedback,
// short enough that old mailboxes do not open tickets forever.
const LIFETIME_DAYS = 365;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export interface CitizenAccess {
  ticketId: string;
  municipalityCode: string;
}

/** A new link before it is stored: the token goes into the e-mail, only its hash into the database. */
export interface MintedToken {
  token: string;
  tokenHash: string;
  expiresAt: Date;
}

/** The private links in citizens' e-mails: 256 random bits, stored only as a SHA-256 hash. */
@Injectable()
export class CitizenAccessTokens {
  constructor(
    @InjectRepository(CitizenAccessTokenEntity) private readonly tokens: Repository<CitizenAccessTokenEntity>,
  ) {}

  /**
   * A new token for one e-mail, not stored yet: the delivery stores its hash in the statement that
   * reads the notification (NotificationRecords.claim), one round trip less per e-mail.
   */
  mint(): MintedToken {
    const token = randomBytes(32).toString('base64url');
    return { token, tokenHash: hash(token), expiresAt: new Date(Date.now() + LIFETIME_DAYS * 86_400_000) };
  }

  /** A new token for one e-mail, stored; the caller puts it in the link and forgets it. */
  async issue(access: CitizenAccess, notificationId: string | null): Promise<string> {
    const minted = this.mint();
    await this.tokens.insert({
      tokenHash: minted.tokenHash,
      ...access,
      notificationId,
      expiresAt: minted.expiresAt,
    });
    return minted.token;
  }

  /** The ticket a token opens, or null for anything unknown, expired or malformed. */
  async resolve(token: string): Promise<CitizenAccess | null> {
    if (!TOKEN_SHAPE.test(token)) return null;
    const row = await this.tokens.findOneBy({ tokenHash: hash(token), expiresAt: MoreThan(new Date()) });
    return row ? { ticketId: row.ticketId, municipalityCode: row.municipalityCode } : null;
  }
}

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
