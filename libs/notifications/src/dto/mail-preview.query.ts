import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import {
  MAIL_LANGUAGES,
  NOTIFICATION_KINDS,
  type MailLanguage,
  type NotificationKind,
} from '../notification-kind';

export class MailPreviewParams {
  @IsIn(NOTIFICATION_KINDS)
  kind: NotificationKind;
}

export class MailPreviewQuery {
  @ApiPropertyOptional({ enum: MAIL_LANGUAGES, default: 'nl' })
  @IsOptional()
  @IsIn(MAIL_LANGUAGES)
  language?: MailLanguage;

  @ApiPropertyOptional({ example: 'kortrijk', default: 'kortrijk' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,40}$/, { message: '$property must be a municipality code' })
  municipality?: string;

  @ApiPropertyOptional({ enum: ['html', 'text', 'json'], default: 'html' })
  @IsOptional()
  @IsIn(['html', 'text', 'json'])
  format?: 'html' | 'text' | 'json';
}
