import { createPublicKey, JsonWebKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { UnauthenticatedError } from '@meldpunt/api-errors';
import type { OidcConfig } from '@meldpunt/config';

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  token_endpoint_auth_methods_supported?: string[];
}

export interface IdTokenClaims {
  iss: string;
  sub: string;
  aud: string | string[];
  exp: number;
  nonce?: string;
  azp?: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  [claim: string]: unknown;
}

const TIMEOUT_MS = 5000;
// A kid we do not know may be a key the provider just rotated in; refetch, but not more often.
const JWKS_REFETCH_MS = 60_000;

/**
 * What we need from an OpenID Connect provider: its discovery document, the authorisation URL, the
 * code-for-token exchange and the verification of the ID token against its published keys.
 */
@Injectable()
export class OidcProvider {
  private discovery: Promise<Discovery> | null = null;
  /** kid -> PEM of the provider's signing keys. */
  private keys = new Map<string, string>();
  private keysFetchedAt = 0;
  private readonly jwt = new JwtService();

  async authorizationUrl(
    config: OidcConfig,
    request: { state: string; nonce: string; codeChallenge: string },
  ): Promise<string> {
    const url = new URL((await this.discover(config)).authorization_endpoint);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: config.clientId,
      redirect_uri: config.redirectUrl,
      scope: config.scopes,
      state: request.state,
      nonce: request.nonce,
      code_challenge: request.codeChallenge,
      code_challenge_method: 'S256',
    }).toString();
    return url.toString();
  }

  /** Exchanges the authorisation code (with the PKCE verifier) for the ID token. */
  async exchange(config: OidcConfig, code: string, codeVerifier: string): Promise<string> {
    const discovery = await this.discover(config);
    const form = new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: config.redirectUrl,
      code_verifier: codeVerifier,
      client_id: config.clientId,
    });
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (config.clientSecret) {
      const methods = discovery.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
      if (methods.includes('client_secret_basic')) {
        const user = encodeURIComponent(config.clientId);
        const secret = encodeURIComponent(config.clientSecret);
        headers.authorization = `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;
      } else {
        form.set('client_secret', config.clientSecret);
      }
    }
    const response = await fetch(discovery.token_endpoint, {
      method: 'POST',
      headers,
      body: form,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const body = (await response.json().catch(() => ({}))) as { id_token?: unknown };
    if (!response.ok || typeof body.id_token !== 'string') {
      throw new UnauthenticatedError(`The identity provider refused the login code (${response.status})`);
    }
    return body.id_token;
  }

  /** Signature (RS256, the provider's published keys), issuer, audience, expiry and nonce. */
  async verifyIdToken(config: OidcConfig, idToken: string, nonce: string): Promise<IdTokenClaims> {
    const header = decodeHeader(idToken);
    if (header?.alg !== 'RS256') throw new UnauthenticatedError('The ID token is not signed with RS256');
    const key = await this.key(config, header.kid);
    let claims: IdTokenClaims;
    try {
      claims = this.jwt.verify<IdTokenClaims>(idToken, {
        publicKey: key,
        algorithms: ['RS256'],
        issuer: config.issuer,
        audience: config.clientId,
        clockTolerance: 30,
      });
    } catch (error) {
      throw new UnauthenticatedError(`The ID token is not valid: ${(error as Error).message}`);
    }
    if (claims.nonce !== nonce)
      throw new UnauthenticatedError('The ID token is not the answer to this login');
    if (Array.isArray(claims.aud) && claims.aud.length > 1 && claims.azp !== config.clientId) {
      throw new UnauthenticatedError('The ID token was issued to another client');
    }
    return claims;
  }

  private discover(config: OidcConfig): Promise<Discovery> {
    this.discovery ??= this.fetchJson<Discovery>(`${config.issuer}/.well-known/openid-configuration`).then(
      (document) => {
        // The document must speak for the issuer we trust, or tokens from elsewhere would pass.
        if (document.issuer.replace(/\/$/, '') !== config.issuer) {
          throw new Error(`OIDC discovery names issuer ${document.issuer}, expected ${config.issuer}`);
        }
        return document;
      },
    );
    // A failed discovery is retried on the next login instead of being remembered.
    this.discovery.catch(() => (this.discovery = null));
    return this.discovery;
  }

  private async key(config: OidcConfig, kid: string | undefined): Promise<string> {
    const find = () =>
      kid ? this.keys.get(kid) : this.keys.size === 1 ? [...this.keys.values()][0] : undefined;
    if (!find() && Date.now() - this.keysFetchedAt > JWKS_REFETCH_MS) {
      const { keys } = await this.fetchJson<{ keys: (JsonWebKey & { kid?: string; use?: string })[] }>(
        (await this.discover(config)).jwks_uri,
      );
      this.keys = new Map(
        keys
          .filter((k) => k.kty === 'RSA' && (k.use === undefined || k.use === 'sig'))
          .map((k, i) => [
            k.kid ?? `#${i}`,
            createPublicKey({ key: k, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString(),
          ]),
      );
      this.keysFetchedAt = Date.now();
    }
    const key = find();
    if (!key)
      throw new UnauthenticatedError('The ID token is signed with a key the provider does not publish');
    return key;
  }

  private async fetchJson<T>(url: string): Promise<T> {
    const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) throw new Error(`OIDC provider answered ${response.status} for ${url}`);
    return (await response.json()) as T;
  }
}

function decodeHeader(token: string): { alg?: string; kid?: string } | null {
  try {
    return JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8')) as {
      alg?: string;
      kid?: string;
    };
  } catch {
    return null;
  }
}
