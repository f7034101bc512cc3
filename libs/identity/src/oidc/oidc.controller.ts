import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { InvalidInputError } from '@meldpunt/api-errors';
import { Public } from '../access.decorators';
import { clientOf } from '../client';
import type { LoginResult } from '../sessions/staff-sessions';
import { OidcLogin } from './oidc-login';

const OPAQUE = /^[\w.~-]{1,2048}$/;

/** OpenID Connect login; answers 404 unless OIDC_ISSUER is configured. */
@ApiTags('auth')
@Controller('api/v1/auth/oidc')
@Public()
export class OidcController {
  constructor(private readonly oidc: OidcLogin) {}

  @Get('login')
  @ApiFoundResponse({ description: 'Redirect to the identity provider (authorisation code flow with PKCE)' })
  async login(@Res() res: Response): Promise<void> {
    res.redirect(302, await this.oidc.start());
  }

  @Get('callback')
  @ApiOkResponse({
    description:
      'The same answer as POST /api/v1/auth/login. OIDC_REDIRECT_URL points here, or at a console page ' +
      'that forwards `code` and `state` to here.',
  })
  @ApiUnauthorizedResponse({ description: 'Unknown state, invalid ID token, or no active staff account' })
  callback(
    @Req() req: Request,
    @Query('code') code?: string,
    @Query('state') state?: string,
    @Query('error') error?: string,
  ): Promise<LoginResult> {
    if (error || !code || !state || !OPAQUE.test(code) || !OPAQUE.test(state)) {
      throw new InvalidInputError([
        {
          field: error ? 'error' : 'code',
          rule: 'isAuthorizationResponse',
          message: error
            ? `the identity provider answered ${String(error).slice(0, 60)}`
            : 'code and state from the identity provider are required',
        },
      ]);
    }
    return this.oidc.finish(code, state, clientOf(req));
  }
}
