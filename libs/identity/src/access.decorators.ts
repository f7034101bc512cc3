import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { RequestContext } from './request-context';
import { Role } from './roles';

export const ACCESS_KEY = 'meldpunt:access';

export type Access = { public: true } | { roles: readonly Role[] } | { webhook: string } | { scrape: true };

/** Anyone may call this route (health, login, the citizen's token endpoints). */
export const Public = () => SetMetadata(ACCESS_KEY, { public: true } satisfies Access);

/** Only authenticated callers holding one of these roles may call this route. */
export const Roles = (...roles: Role[]) => SetMetadata(ACCESS_KEY, { roles } satisfies Access);

/**
 * Called by a municipality's back-office tool: no token, but an `X-Signature: sha256=<hex>` HMAC of
 * the raw body with that municipality's webhook secret. `param` names the route parameter that
 * holds the municipality code. The handler's context acts for that municipality only.
 */
export const SignedWebhook = (param = 'municipalityCode') =>
  SetMetadata(ACCESS_KEY, { webhook: param } satisfies Access);

/**
 * Scraped by monitoring (/metrics): with METRICS_TOKEN set, only `Authorization: Bearer <token>`;
 * without it, only a direct connection from this machine (loopback peer, no forwarded headers).
 */
export const MetricsScrape = () => SetMetadata(ACCESS_KEY, { scrape: true } satisfies Access);

/** The caller's RequestContext, set by the AccessGuard. */
export const Ctx = createParamDecorator((_data: unknown, host: ExecutionContext): RequestContext => {
  const request = host.switchToHttp().getRequest<{ context?: RequestContext }>();
  if (!request.context) throw new Error('RequestContext missing: route is public but asks for a context');
  return request.context;
});
