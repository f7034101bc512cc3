import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { errorText } from './error-text';

export interface Notice {
  ok: boolean;
  text: string;
}

/** How the last change on a settings page went: read out politely, or as an alert. */
export function PageNotice({ notice }: { notice: Notice | null }) {
  if (!notice) return null;
  return (
    <p role={notice.ok ? 'status' : 'alert'} className={notice.ok ? 'ok' : 'form-error'}>
      {notice.text}
    </p>
  );
}

/**
 * A settings page's changes: `run` does one, says how it went and reads the page again (after a
 * refusal too, so the page shows what is stored). `onDone` clears the form after a success.
 */
export function usePageChanges(reload: () => Promise<void>, onDone: () => void) {
  const { t } = useI18n();
  const [notice, setNotice] = useState<Notice | null>(null);
  const run = async (action: () => Promise<unknown>, done: string) => {
    setNotice(null);
    try {
      await action();
      onDone();
      setNotice({ ok: true, text: done });
    } catch (error) {
      setNotice({ ok: false, text: errorText(t, error) });
    }
    await reload();
  };
  return { notice, setNotice, run };
}
