import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RequestContext } from '@meldpunt/identity';

/** Stores verified webhook calls for the adapters to process. */
@Injectable()
export class WebhookInbox {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `ctx` is the signed caller: its scope is the one municipality whose secret signed the call. */
  async receive(
    ctx: RequestContext,
    payload: unknown,
  ): Promise<{ id: string; receivedAt: string; municipalityCode: string }> {
    const municipalityCode = ctx.scope === 'all' ? null : ctx.scope[0];
    if (!municipalityCode) throw new Error('A webhook context is bound to one municipality');
    const [row] = await this.dataSource.query<{ id: string; received_at: Date }[]>(
      `INSERT INTO webhook_delivery (id, municipality_code, payload) VALUES ($1, $2, $3)
       RETURNING id, received_at`,
      [randomUUID(), municipalityCode, JSON.stringify(payload ?? null)],
    );
    return { id: row.id, receivedAt: row.received_at.toISOString(), municipalityCode };
  }

  async markProcessed(id: string): Promise<void> {
    await this.dataSource.query('UPDATE webhook_delivery SET processed_at = now() WHERE id = $1', [id]);
  }
}
