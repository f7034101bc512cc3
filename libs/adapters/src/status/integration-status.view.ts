import { ApiProperty } from '@nestjs/swagger';

export type IntegrationHealth = 'ok' | 'degraded' | 'failing';

/** How one municipality's back-office connection is doing, from what the sync has recorded. */
export class IntegrationStatusView {
  @ApiProperty({ example: 'kortrijk' }) municipalityCode: string;
  @ApiProperty({ enum: ['topdesk', 'ultimo', '3p', 'webhook'] }) system: string;
  @ApiProperty({
    enum: ['ok', 'degraded', 'failing'],
    description:
      'failing: the last poll failed, or a sync task has waited over 15 minutes; degraded: failure ' +
      'records wait for a person (GET /api/v1/integrations/failures); ok otherwise',
  })
  status: IntegrationHealth;
  @ApiProperty({ nullable: true, description: 'Seconds between polls; null for a webhook tool (it pushes)' })
  pollSeconds: number | null;
  @ApiProperty({ nullable: true }) lastPolledAt: string | null;
  @ApiProperty({ nullable: true }) lastPollSuccessAt: string | null;
  @ApiProperty({ nullable: true, example: 'GET /incidents: HTTP 503: Service unavailable' })
  pollError: string | null;
  @ApiProperty({ description: 'Sync tasks still to do (being tried or waiting for a retry)' })
  pendingTasks: number;
  @ApiProperty({ nullable: true, description: 'When the oldest of those was filed' })
  oldestPendingSince: string | null;
  @ApiProperty({ description: 'Failure records: tasks that exhausted their retries' })
  failedTasks: number;
}
