import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, UnauthenticatedError } from '@meldpunt/api-errors';
import { Access, ACCESS_KEY } from './access.decorators';
import { RequestContext } from './request-context';
import { TokenService } from './token.service';

/**
 * The one place where HTTP routes are authorised. Deny by default: a route that declares
 * neither @Public() nor @Roles(...) is refused (and a test walks every route to catch that).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  canActivate(host: ExecutionContext): boolean {
    if (host.getType() !== 'http') return true;
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [
      host.getHandler(),
      host.getClass(),
    ]);
    if (access && 'public' in access) return true;
    const request = host
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; context?: RequestContext }>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const context = match ? this.tokens.verify(match[1]) : null;
    if (!context)
      throw new UnauthenticatedError('A valid access token is required (Authorization: Bearer <token>)');
    if (!access) throw new ForbiddenError('This route declares no access rule');
    if (!context.hasRole(...access.roles)) {
      throw new ForbiddenError(`This action needs one of the roles: ${access.roles.join(', ')}`);
    }
    request.context = context;
    return true;
  }
}
