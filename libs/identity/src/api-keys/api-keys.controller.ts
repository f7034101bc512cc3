import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Ctx, Roles } from '../access.decorators';
import { RequestContext } from '../request-context';
import { ApiKeyView, CreatedApiKeyView, CreateApiKeyDto } from './api-key.dto';
import { ApiKeys } from './api-keys';

@ApiTags('api keys')
@ApiBearerAuth()
@Controller('api/v1/api-keys')
@Roles('admin')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeys) {}

  @Post()
  @ApiCreatedResponse({
    type: CreatedApiKeyView,
    description: 'The key (role integration, bound to one municipality); `key` is shown only in this answer',
  })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyView> {
    return this.apiKeys.create(ctx, dto);
  }

  @Get()
  @ApiOkResponse({ type: [ApiKeyView], description: 'Every key, without secrets; revoked ones last' })
  list(): Promise<ApiKeyView[]> {
    return this.apiKeys.list();
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked: the key is refused from now on (kept in the list)' })
  revoke(@Ctx() ctx: RequestContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.apiKeys.revoke(ctx, id);
  }
}
