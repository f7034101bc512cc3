import { ApiProperty } from '@nestjs/swagger';
import type { TicketForwardEntity } from '../entities/ticket-forward.entity';

export class ForwardView {
  @ApiProperty() id: string;
  @ApiProperty() ticketId: string;
  @ApiProperty() partyName: string;
  @ApiProperty() partyEmail: string;
  @ApiProperty() question: string;
  @ApiProperty({ enum: ['open', 'answered'] }) status: string;
  @ApiProperty({ description: 'How many answers came through the link' }) answerCount: number;
  @ApiProperty({ nullable: true, type: String }) answeredAt: string | null;
  @ApiProperty({ description: 'Who sent it' }) sentBy: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ description: 'The link works until then' }) expiresAt: string;

  static of(row: TicketForwardEntity): ForwardView {
    return {
      id: row.id,
      ticketId: row.ticketId,
      partyName: row.partyName,
      partyEmail: row.partyEmail,
      question: row.question,
      status: row.status,
      answerCount: row.answerCount,
      answeredAt: row.answeredAt ? row.answeredAt.toISOString() : null,
      sentBy: row.sentBy.name,
      createdAt: row.createdAt.toISOString(),
      expiresAt: row.expiresAt.toISOString(),
    };
  }
}
