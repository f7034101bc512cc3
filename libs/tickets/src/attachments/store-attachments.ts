import type { EntityManager } from 'typeorm';
import type { NewAttachment } from './attachment-rules';

/** Inside the intake's transaction, so a ticket never exists without the files it came with. */
export async function storeAttachments(
  manager: EntityManager,
  ticket: { id: string; municipality_code: string },
  attachments: NewAttachment[],
): Promise<void> {
  for (const a of attachments) {
    await manager.query(
      `INSERT INTO ticket_attachment (id, ticket_id, municipality_code, filename, content_type, size, sha256, content)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [a.id, ticket.id, ticket.municipality_code, a.filename, a.contentType, a.size, a.sha256, a.content],
    );
  }
}
