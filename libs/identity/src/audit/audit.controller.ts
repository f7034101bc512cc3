import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../access.decorators';
import { AuditEventView, AuditLog } from './audit-log';
import { AuditQuery } from './audit.query';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditLog) {}

  @Get()
  @Roles('admin')
  @ApiOkResponse({
    description:
      '{ items: [{ id, at, actor, action, ticketIds, municipalityCodes, details, requestId }], nextCursor }, newest first. ' +
      'Reads (ticket.read, ticket.list, ticket.history), every ticket change (ticket.<history type>), logins, ' +
      'account and API key management, GDPR exports and erasures. Append-only.',
  })
  list(@Query() query: AuditQuery): Promise<{ items: AuditEventView[]; nextCursor: string | null }> {
    return this.audit.query({
      ticketId: query.ticketId,
      actorId: query.actorId,
      action: query.action,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      before: query.cursor,
      limit: query.limit ?? 100,
    });
  }
}
