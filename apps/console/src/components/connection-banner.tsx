import { useI18n } from '../i18n/i18n';
import { useConsoleState } from '../state/workspace';

/** A clear, persistent notice while the live connection is down: the screen may be stale. */
export function ConnectionBanner() {
  const { t } = useI18n();
  const { live } = useConsoleState();
  return (
    <div role="status" aria-live="polite" className="banner-slot">
      {live === 'reconnecting' ? (
        <div className="banner banner-offline" data-testid="reconnecting">
          <span className="spinner" aria-hidden="true" />
          {t('live.lost')}
        </div>
      ) : null}
    </div>
  );
}

export function LiveIndicator() {
  const { t } = useI18n();
  const { live } = useConsoleState();
  const label =
    live === 'live' ? t('live.live') : live === 'connecting' ? t('live.connecting') : t('live.reconnecting');
  return (
    <span className={`live live-${live}`} data-live={live}>
      <span className="live-dot" aria-hidden="true" />
      {label}
    </span>
  );
}
