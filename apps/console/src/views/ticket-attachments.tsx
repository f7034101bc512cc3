import { useEffect, useState } from 'react';
import type { Attachment } from '../api/contract';
import { useI18n } from '../i18n/i18n';
import { useWorkspace } from '../state/workspace';

interface Loaded extends Attachment {
  /** An object URL of the file, fetched with the agent's token (a plain link would carry none). */
  href: string | null;
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

/** The photos and documents that came with the ticket: photos as thumbnails, each one to open or save. */
export function TicketAttachments({ ticketId }: { ticketId: string }) {
  const { t } = useI18n();
  const { api } = useWorkspace();
  const [files, setFiles] = useState<Loaded[] | null>(null);

  useEffect(() => {
    let alive = true;
    const urls: string[] = [];
    void (async () => {
      const list = await api.get<Attachment[]>(`/api/v1/tickets/${ticketId}/attachments`).catch(() => []);
      if (!alive) return;
      setFiles(list.map((a) => ({ ...a, href: null })));
      for (const a of list) {
        const blob = await api.blob(a.url).catch(() => null);
        if (!alive || !blob) continue;
        const href = URL.createObjectURL(blob);
        urls.push(href);
        setFiles((current) => current?.map((f) => (f.id === a.id ? { ...f, href } : f)) ?? null);
      }
    })();
    return () => {
      alive = false;
      urls.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [api, ticketId]);

  if (!files?.length) return null;
  return (
    <section aria-labelledby="attachments-title" className="attachments">
      <h2 id="attachments-title">{t('detail.attachments', { count: files.length })}</h2>
      <ul>
        {files.map((f) => (
          <li key={f.id} data-testid="attachment">
            {f.href && f.contentType.startsWith('image/') && f.contentType !== 'image/heic' ? (
              <img src={f.href} alt={f.filename} />
            ) : null}
            {f.href ? (
              <a href={f.href} download={f.filename}>
                {f.filename}
              </a>
            ) : (
              <span>{f.filename}</span>
            )}{' '}
            <span className="muted">({size(f.size)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
