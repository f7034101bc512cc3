import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppConfig } from '@meldpunt/config';
import { ForbiddenError, UnauthenticatedError } from '@meldpunt/api-errors';
import { Access, ACCESS_KEY } from './access.decorators';
import { CallerAuthentication } from './caller-authentication';
import { mayScrapeMetrics } from './metrics-scrape-access';
import { RequestContext } from './request-context';
import { SIGNATURE_HEADER } from './webhooks/webhook-signature';
import { WebhookSecrets } from './webhooks/webhook-secrets';

interface GuardedRequest {
  id?: string | number;
  headers: Record<string, string | string[] | undefined>;
  params: Record<string, string | undefined>;
  rawBody?: Buffer;
  context?: RequestContext;
  socket?: { remoteAddress?: string };
}

/**
 * The one place where HTTP routes are authorised. Deny by default: a route that declares
 * none of @Public(), @Roles(...), @SignedWebhook() or @MetricsScrape() is refused (and a test walks every route to
 * catch that). Which tickets a caller may see is decided in the data layer, from the context set here.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly callers: CallerAuthentication,
    private readonly webhookSecrets: WebhookSecrets,
    private readonly config: AppConfig,
  ) {}

  async canActivate(host: ExecutionContext): Promise<boolean> {
    if (host.getType() !== 'http') return true;
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [
      host.getHandler(),
      host.getClass(),
    ]);
    if (access && 'public' in access) return true;
    const request = host.switchToHttp().getRequest<GuardedRequest>();
    if (access && 'scrape' in access) {
      if (mayScrapeMetrics(request, this.config.metricsToken)) return true;
      throw new UnauthenticatedError('Metrics need Authorization: Bearer <METRICS_TOKEN>');
    }
    const requestId = request.id === undefined ? null : String(request.id);
    if (access && 'webhook' in access) {
      request.context = (await this.webhookCaller(request, access.webhook)).withRequestId(requestId);
      return true;
    }
    const context = await this.callers.authenticate({
      bearer: /^Bearer\s+(\S+)$/i.exec(header(request, 'authorization') ?? '')?.[1],
      apiKey: header(request, 'x-api-key'),
    });
    if (!context) {
      throw new UnauthenticatedError(
        'A valid access token (Authorization: Bearer <token>) or API key (X-Api-Key) is required',
      );
    }
    if (!access) throw new ForbiddenError('This route declares no access rule');
    if (!context.hasRole(...access.roles)) {
      throw new ForbiddenError(`This action needs one of the roles: ${access.roles.join(', ')}`);
    }
    request.context = context.withRequestId(requestId);
    return true;
  }

  private async webhookCaller(request: GuardedRequest, param: string): Promise<RequestContext> {
    const code = request.params[param] ?? '';
    const valid =
      /^[a-z0-9-]{2,40}$/.test(code) &&
      (await this.webhookSecrets.verify(
        code,
        request.rawBody ?? Buffer.alloc(0),
        header(request, SIGNATURE_HEADER),
      ));
    // One answer for an unknown municipality, a missing secret and a wrong signature: no probing.
    if (!valid) throw new UnauthenticatedError('X-Signature is missing or does not match the body');
    return new RequestContext({ type: 'backoffice', id: null, name: `webhook ${code}` }, [], [code]);
  }
}

function header(request: GuardedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
