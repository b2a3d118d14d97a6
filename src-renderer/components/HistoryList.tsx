/**
 * The history: every stored receipt matching the filters, newest first, in a virtualised list
 * (only the rows on screen exist in the page; their pages are fetched as they scroll into view).
 * Each row: file, state, amount and reference, when it was received, when it expires under the
 * retention policy, and a pin that keeps it. ↑/↓ move through it (use-review-keys.ts).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { ReceiptSummary } from '../../src-shared/ipc/contract';
import { errorText, useLocale, useT } from '../i18n';
import { useStore } from '../state/context';
import { EMPTY_QUERY, expiresIn, indexOfReceipt, isFiltered } from '../state/history';
import { HistoryFilters } from './HistoryFilters';
import { DropSummary } from './DropSummary';
import { InterruptedSends } from './InterruptedSends';
import { RefusedFiles } from './RefusedFiles';

const ROW_HEIGHT = 72;
// 24-hour time: «07/12, 16:05» leaves the expiry room on the row's last line.
const RECEIVED = { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

function Row({ r, selected, now }: { r: ReceiptSummary; selected: boolean; now: number }) {
  const select = useStore((s) => s.select);
  const pin = useStore((s) => s.pin);
  const t = useT();
  const h = t.history;
  const locale = useLocale();
  const expiry = expiresIn(r.expiresAt, now);
  return (
    <div
      role="option"
      aria-selected={selected}
      className={`row${selected ? ' selected' : ''}`}
      data-testid="receipt-row"
      data-state={r.state}
      onClick={() => void select(r.sha256)}
    >
      <span className="name" title={r.file}>
        {r.file}
      </span>
      <span className="badges">
        {r.payment ? (
          <span className={`badge payment ${r.payment}`} data-testid="payment">
            {t.statements.payment[r.payment]}
          </span>
        ) : null}
        {r.duplicateOf ? <span className="badge duplicate">{h.duplicate}</span> : null}
        {r.warnings.length > 0 ? (
          <span className="badge warned" data-testid="warned" title={r.warnings.map((w) => t.receipt.warnings[w.code]).join('; ')}>
            ⚠ {t.receipt.warnings[r.warnings[0]!.code]}
          </span>
        ) : null}
        {r.review !== 'pending' ? <span className={`badge ${r.review}`}>{t.review[r.review]}</span> : null}
        <span className={`badge ${r.state}`}>{t.state[r.state]}</span>
      </span>
      {r.error ? (
        <span className="error" title={r.error.message}>
          {errorText(t, r.error)}
        </span>
      ) : (
        <span className="summary">{r.state === 'done' ? `${r.values.monto ?? '—'} · ${h.ref} ${r.values.referencia ?? '—'}` : '…'}</span>
      )}
      <span className="when">
        {new Date(r.receivedAt).toLocaleString(locale, RECEIVED)} ·{' '}
        <span className={!r.pinned && expiry.hours < 2 ? 'expiring' : ''}>{r.pinned ? h.pinnedNoExpiry : expiry.minutes <= 0 ? h.expired : h.expiresIn(expiry.minutes)}</span>
      </span>
      <button
        type="button"
        className={`pin${r.pinned ? ' on' : ''}`}
        aria-pressed={r.pinned}
        aria-label={r.pinned ? h.unpin : h.pin}
        title={r.pinned ? h.unpinTitle : h.pinTitle}
        onClick={(e) => {
          e.stopPropagation();
          void pin(r.sha256, !r.pinned);
        }}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path d="M10.5 1.5 14.5 5.5 12 6.5 9.5 9 9.5 12.5 8.5 13.5 5.8 10.8 2.5 14.1 1.9 13.5 5.2 10.2 2.5 7.5 3.5 6.5 7 6.5 9.5 4Z" fill="currentColor" />
        </svg>
      </button>
    </div>
  );
}

export function HistoryList() {
  const total = useStore((s) => s.total);
  const rows = useStore((s) => s.rows);
  const selected = useStore((s) => s.selected);
  const showRows = useStore((s) => s.showRows);
  const t = useT().history;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8, initialRect: { width: 320, height: 600 } });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const now = Date.now();

  useEffect(() => {
    if (total > 0) void showRows(first, last + 1);
  }, [first, last, total, showRows]);

  // Keep the open receipt in view when ↑/↓ or Enter moved to it.
  const selectedIndex = indexOfReceipt(rows, selected);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  return (
    <aside className="list">
      <HistoryFilters />
      <InterruptedSends />
      <DropSummary />
      <RefusedFiles />
      {total === 0 ? <EmptyNote /> : null}
      <div ref={scroller} className="scroller" role="listbox" aria-label={t.listLabel}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const r = rows.get(item.index);
            return (
              <div key={item.index} className="slot" style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
                {r ? <Row r={r} selected={r.sha256 === selected} now={now} /> : <div className="row loading" aria-hidden="true" />}
              </div>
            );
          })}
        </div>
      </div>
    </aside>
  );
}

/**
 * An empty list: with a search or a filter on, nothing matched it (and one click clears them);
 * otherwise the history is empty and the note says how to add receipts.
 */
function EmptyNote() {
  const t = useT().history;
  const query = useStore((s) => s.query);
  const setQuery = useStore((s) => s.setQuery);
  if (!isFiltered(query)) return <p className="empty-note">{t.empty}</p>;
  return (
    <p className="empty-note" role="status" data-testid="no-results">
      {query.text.trim() ? t.noResultsFor(query.text.trim()) : t.noResults}{' '}
      <button type="button" className="link" onClick={() => setQuery({ ...EMPTY_QUERY, sort: query.sort })}>
        {t.clearSearch}
      </button>
    </p>
  );
}
