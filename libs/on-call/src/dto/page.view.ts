import { ApiProperty } from '@nestjs/swagger';
import type { OnCallPageEntity } from '../entities/on-call-page.entity';

export class PageView {
  @ApiProperty() id: string;
  @ApiProperty({ description: '0: the first person on watch, 1: the next, ...' }) step: number;
  @ApiProperty({ nullable: true, type: String, description: 'Null: nobody (left) on watch' })
  name: string | null;
  @ApiProperty({ example: ['sms', 'email'] }) channels: string[];
  @ApiProperty({ enum: ['paged', 'acknowledged', 'unanswered'] }) status: string;
  @ApiProperty() pagedAt: string;
  @ApiProperty({ nullable: true, type: String }) deliveredAt: string | null;
  @ApiProperty({ description: 'Unacknowledged by then, the next person is paged' }) escalateAt: string;
  @ApiProperty({ nullable: true, type: String }) acknowledgedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) acknowledgedBy: string | null;

  static of(row: OnCallPageEntity): PageView {
    const iso = (d: Date | null) => (d ? d.toISOString() : null);
    return {
      id: row.id,
      step: row.step,
      name: row.userName,
      channels: row.channels,
      status: row.status,
      pagedAt: row.pagedAt.toISOString(),
      deliveredAt: iso(row.deliveredAt),
      escalateAt: row.escalateAt.toISOString(),
      acknowledgedAt: iso(row.acknowledgedAt),
      acknowledgedBy: row.acknowledgedBy,
    };
  }
}
