import { ApiProperty } from '@nestjs/swagger';

/** A back-office call that exhausted its retries (or could never succeed). */
export class IntegrationFailureView {
  @ApiProperty({ example: '42' }) id: string;
  @ApiProperty() ticketId: string;
  @ApiProperty({ example: 'ZWVL-2026-000042' }) reference: string;
  @ApiProperty({ example: 'kortrijk' }) municipalityCode: string;
  @ApiProperty({ example: 'topdesk' }) system: string;
  @ApiProperty({ enum: ['create', 'note', 'hold', 'resume', 'reopen'] }) operation: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, example: 'POST /incidents: HTTP 503: Service unavailable' }) error:
    string | null;
  @ApiProperty() failedAt: string;
  @ApiProperty() createdAt: string;
}
