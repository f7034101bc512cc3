import { useEffect, useRef } from 'react';

export type ShortcutMap = Record<string, (event: KeyboardEvent) => void>;

/** True while the agent types in a field: single-letter shortcuts then stay out of the way. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function isControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && ['BUTTON', 'A', 'SUMMARY'].includes(target.tagName);
}

/**
 * Single keys ("n", "j", "?", "Escape") for the screen that is showing. A screen's own handlers
 * run before the shell's (React runs child effects first) and claim a key with preventDefault.
 * Escape works from inside fields too; letters only when no field has the focus.
 */
export function useShortcuts(handlers: ShortcutMap, active = true): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      // A modal dialog (the help) has the keyboard to itself; it closes on Esc by itself.
      if (document.querySelector('dialog[open]')) return;
      if (event.key !== 'Escape' && isTyping(event.target)) return;
      // Enter on a focused button or link is that control's own: it must not open a ticket.
      if (event.key === 'Enter' && isControl(event.target)) return;
      const handler = ref.current[event.key];
      if (!handler) return;
      event.preventDefault();
      handler(event);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);
}
