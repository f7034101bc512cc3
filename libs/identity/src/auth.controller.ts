import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Ctx, Public, Roles } from './access.decorators';
import { AuthService, LoginResult } from './auth.service';
import { clientOf } from './client';
import { LoginDto } from './dto/login.dto';
import { RefreshDto } from './dto/refresh.dto';
import { RequestContext } from './request-context';
import { STAFF_ROLES } from './roles';
import { StaffSessions } from './sessions/staff-sessions';

const LOGIN_ANSWER =
  '{ accessToken, expiresIn, refreshToken, refreshExpiresIn, user: { id, email, name, roles, municipalities } }. ' +
  'refreshToken (extension) works once: POST it to /api/v1/auth/refresh for the next pair.';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: StaffSessions,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ description: LOGIN_ANSWER })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail address or password, or the account is locked' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts for this address and account (Retry-After)' })
  login(@Body() dto: LoginDto, @Req() req: Request): Promise<LoginResult> {
    return this.auth.login(dto.email, dto.password, clientOf(req));
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({
    description: `${LOGIN_ANSWER} The presented refresh token is used up; presenting it again ends the session.`,
  })
  @ApiUnauthorizedResponse({ description: 'Unknown, expired, used or revoked refresh token' })
  refresh(@Body() dto: RefreshDto): Promise<LoginResult> {
    return this.sessions.refresh(dto.refreshToken);
  }

  @Post('logout')
  @Roles(...STAFF_ROLES)
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'The session ends: its access and refresh tokens are refused from now on',
  })
  logout(@Ctx() ctx: RequestContext): Promise<void> {
    return this.sessions.logout(ctx);
  }
}
