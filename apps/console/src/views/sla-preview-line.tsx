import { useEffect, useState } from 'react';
import type { Priority, SlaPreview, TicketKind } from '../api/contract';
import { useI18n } from '../i18n/i18n';
import { useWorkspace } from '../state/workspace';

interface Props {
  municipalityCode: string;
  categoryCode: string;
  priority: Priority | '';
  kind: TicketKind;
}

/** What the agent can promise the caller: the deadlines a ticket received now would get. */
export function SlaPreviewLine({ municipalityCode, categoryCode, priority, kind }: Props) {
  const { t, dateTime } = useI18n();
  const { api } = useWorkspace();
  const [preview, setPreview] = useState<SlaPreview | null>(null);

  useEffect(() => {
    setPreview(null);
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const body = {
        municipalityCode,
        categoryCode,
        kind,
        receivedAt: new Date().toISOString(),
        ...(priority ? { priority } : {}),
      };
      api
        .post<SlaPreview>('/api/v1/sla/preview', body, { signal: controller.signal })
        .then(setPreview)
        .catch(() => undefined);
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, municipalityCode, categoryCode, priority, kind]);

  if (!preview) return null;
  return (
    <p className="sla-preview" aria-live="polite" data-testid="sla-preview">
      {t('intake.expect', {
        response: dateTime(preview.responseDueAt),
        resolution: dateTime(preview.resolutionDueAt),
      })}
    </p>
  );
}
