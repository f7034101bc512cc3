import { Injectable } from '@nestjs/common';
import { ApiKeys } from './api-keys/api-keys';
import { RequestContext } from './request-context';
import { TokenService } from './token.service';

export interface Credentials {
  /** The Authorization header (`Bearer <access token>`), or a socket handshake's token. */
  bearer?: string;
  /** The X-Api-Key header. */
  apiKey?: string;
}

/**
 * Turns what a caller presents into its RequestContext: a staff access token (signature, expiry,
 * and its session not revoked; checked in memory) or an integration's API key. One place for HTTP and, later, the
 * console's socket handshake (`auth: { token }`), so both accept exactly the same callers.
 */
@Injectable()
export class CallerAuthentication {
  constructor(
    private readonly tokens: TokenService,
    private readonly apiKeys: ApiKeys,
  ) {}

  async authenticate(credentials: Credentials): Promise<RequestContext | null> {
    // Two credentials at once is a confused or probing client: refuse rather than pick one.
    if (credentials.bearer && credentials.apiKey) return null;
    if (credentials.bearer) return this.tokens.verify(credentials.bearer);
    if (credentials.apiKey) return this.apiKeys.authenticate(credentials.apiKey);
    return null;
  }
}
