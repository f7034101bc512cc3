import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JwtService } from '@nestjs/jwt';

/** Ways the provider can misbehave, to prove each check on our side. */
export type Tampering =
  'wrong-nonce' | 'wrong-audience' | 'wrong-issuer' | 'expired' | 'foreign-key' | 'hs256';

export interface OidcTestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who "logs in" at the next /authorize (auto-consent): the ID token's claims. */
  loginAs(claims: Record<string, unknown>): void;
  tamper(how: Tampering | null): void;
  /** The authorisation requests seen (for PKCE and nonce assertions). */
  requests: URLSearchParams[];
  close(): Promise<void>;
}

const sign = (key: string, claims: object, keyid: string, algorithm: 'RS256' | 'HS256' = 'RS256') =>
  new JwtService().sign(
    claims,
    algorithm === 'RS256' ? { privateKey: key, algorithm, keyid } : { secret: key, algorithm },
  );

/**
 * A minimal OpenID Connect provider for tests: discovery, JWKS, an auto-consenting /authorize and
 * a /token endpoint that checks client credentials, the redirect URI and PKCE (S256), and signs
 * RS256 ID tokens.
 */
export async function startOidcProvider(
  clientId = 'meldpunt',
  clientSecret = 'provider-secret',
): Promise<OidcTestProvider> {
  const key = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const foreign = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = (k: typeof key.privateKey) => k.export({ type: 'pkcs8', format: 'pem' }).toString();
  const kid = 'test-key-1';
  const codes = new Map<
    string,
    { redirectUri: string; nonce: string; challenge: string; claims: Record<string, unknown> }
  >();
  const requests: URLSearchParams[] = [];
  let claims: Record<string, unknown> = {};
  let tampering: Tampering | null = null;
  let issuer = '';

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', issuer);
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (url.pathname === '/jwks') {
      return json(res, 200, {
        keys: [{ ...key.publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }],
      });
    }
    if (url.pathname === '/authorize') {
      const q = url.searchParams;
      requests.push(q);
      if (
        q.get('client_id') !== clientId ||
        q.get('code_challenge_method') !== 'S256' ||
        !q.get('code_challenge')
      ) {
        return json(res, 400, { error: 'invalid_request' });
      }
      const code = randomBytes(16).toString('base64url');
      codes.set(code, {
        redirectUri: q.get('redirect_uri') ?? '',
        nonce: q.get('nonce') ?? '',
        challenge: q.get('code_challenge') ?? '',
        claims,
      });
      const back = new URL(q.get('redirect_uri') ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state') ?? '');
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += String(chunk);
      const form = new URLSearchParams(body);
      const basic = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
      if (req.headers.authorization !== basic) return json(res, 401, { error: 'invalid_client' });
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      if (
        !grant ||
        grant.redirectUri !== form.get('redirect_uri') ||
        createHash('sha256').update(verifier).digest('base64url') !== grant.challenge
      ) {
        return json(res, 400, { error: 'invalid_grant' });
      }
      const now = Math.floor(Date.now() / 1000);
      const idClaims = {
        iss: tampering === 'wrong-issuer' ? 'http://127.0.0.1:1/elsewhere' : issuer,
        sub: typeof grant.claims.sub === 'string' ? grant.claims.sub : 'subject-1',
        aud: tampering === 'wrong-audience' ? 'another-client' : clientId,
        iat: now - (tampering === 'expired' ? 7200 : 0),
        exp: now + (tampering === 'expired' ? -3600 : 300),
        nonce: tampering === 'wrong-nonce' ? 'not-the-nonce' : grant.nonce,
        ...grant.claims,
      };
      const idToken =
        tampering === 'foreign-key'
          ? sign(pem(foreign.privateKey), idClaims, kid)
          : tampering === 'hs256'
            ? sign(clientSecret, idClaims, kid, 'HS256')
            : sign(pem(key.privateKey), idClaims, kid);
      return json(res, 200, {
        access_token: 'unused',
        token_type: 'Bearer',
        expires_in: 300,
        id_token: idToken,
      });
    }
    return json(res, 404, { error: 'not_found' });
  };

  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    clientId,
    clientSecret,
    requests,
    loginAs: (next) => (claims = next),
    tamper: (how) => (tampering = how),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
