/**
 * The review keys when no field has the focus: Enter approves and opens the next receipt, F
 * flags (or unflags), R reads a failed or cancelled receipt again, Ctrl+Z takes back the last
 * correction, ↑/↓ move through the list. Inside a
 * field, the field handles Enter and Ctrl+Z itself (FieldsPanel).
 */
import { useEffect } from 'react';
import type { AppStore } from '../state/store';
import { isTextEntry } from './typing';

/** Text entry, or a control whose own Enter must not also approve. */
const isTyping = (t: EventTarget | null) => isTextEntry(t) || (t instanceof HTMLElement && ['BUTTON', 'A'].includes(t.tagName));

export function useReviewKeys(store: AppStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || isTyping(e.target)) return;
      const s = store.getState();
      const mod = e.ctrlKey || e.metaKey;
      if (e.key === 'Enter' && !mod) void s.approveAndNext();
      else if (e.key.toLowerCase() === 'f' && !mod && s.detail?.state === 'done') void s.review(s.detail.review === 'flagged' ? 'pending' : 'flagged');
      else if (e.key.toLowerCase() === 'r' && !mod && (s.detail?.state === 'failed' || s.detail?.state === 'cancelled')) void s.rerun(s.detail.sha256);
      else if (e.key.toLowerCase() === 'z' && mod && !e.shiftKey) void s.undoCorrection();
      else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') void s.selectNext(e.key === 'ArrowDown' ? 1 : -1);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
