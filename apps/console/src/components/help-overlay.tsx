import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages.nl';

const SECTIONS: { title: MessageKey; keys: [string, MessageKey][] }[] = [
  {
    title: 'help.everywhere',
    keys: [
      ['n', 'help.newIntake'],
      ['?', 'help.help'],
      ['Esc', 'help.back'],
    ],
  },
  {
    title: 'help.queue',
    keys: [
      ['/', 'help.search'],
      ['j', 'help.next'],
      ['k', 'help.previous'],
      ['Enter', 'help.open'],
    ],
  },
  {
    title: 'help.ticket',
    keys: [
      ['r', 'help.reply'],
      ['i', 'help.note'],
      ['s', 'help.status'],
      ['a', 'help.assign'],
      ['c', 'help.claim'],
      ['Ctrl+Enter', 'help.send'],
    ],
  },
  {
    title: 'help.intake',
    keys: [
      ['Tab', 'help.nextField'],
      ['↑ ↓ Enter', 'help.pick'],
      ['Ctrl+Enter', 'help.create'],
    ],
  },
];

/** The `?` overlay: a modal dialog (focus stays inside, Esc closes it). */
export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog ref={dialog} className="help" aria-labelledby="help-title" onClose={onClose} data-testid="help">
      <h2 id="help-title">{t('help.title')}</h2>
      <div className="help-sections">
        {SECTIONS.map((section) => (
          <section key={section.title}>
            <h3>{t(section.title)}</h3>
            <dl>
              {section.keys.map(([key, label]) => (
                <div key={key} className="help-row">
                  <dt>
                    <kbd>{key}</kbd>
                  </dt>
                  <dd>{t(label)}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <form method="dialog">
        <button type="submit" autoFocus>
          {t('help.close')}
        </button>
      </form>
    </dialog>
  );
}
