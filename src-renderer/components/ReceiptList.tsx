/**
 * This session's refused files and the stored receipts, newest first: state, amount and
 * reference at a glance, the reason on any that failed (↑/↓ move through it: use-review-keys.ts).
 */
import { errorText, REVIEW_LABELS, STATE_LABELS } from '../i18n';
import { useStore } from '../state/context';

export function ReceiptList() {
  const receipts = useStore((s) => s.receipts);
  const refused = useStore((s) => s.refused);
  const selected = useStore((s) => s.selected);
  const select = useStore((s) => s.select);

  if (receipts.length === 0 && refused.length === 0) {
    return (
      <aside className="list empty">
        <p>Suelte aquí las capturas de los comprobantes, o use «Agregar comprobantes…».</p>
      </aside>
    );
  }
  return (
    <aside className="list">
      <ul role="listbox" aria-label="Comprobantes">
        {refused.map((f) => (
          <li key={f.key} className="row refused" data-testid="receipt-row" data-state="refused">
            <span className="name">{f.name}</span>
            <span className="badge failed">No agregado</span>
            <span className="error" title={f.error.message}>
              {errorText(f.error)}
            </span>
          </li>
        ))}
        {receipts.map((r) => (
          <li
            key={r.sha256}
            role="option"
            aria-selected={r.sha256 === selected}
            className={`row${r.sha256 === selected ? ' selected' : ''}`}
            data-testid="receipt-row"
            data-state={r.state}
            onClick={() => void select(r.sha256)}
          >
            <span className="name" title={r.file}>
              {r.file}
            </span>
            <span className={`badge ${r.state}`}>{STATE_LABELS[r.state]}</span>
            {r.review !== 'pending' ? <span className={`badge ${r.review}`}>{REVIEW_LABELS[r.review]}</span> : null}
            {r.duplicateOf ? <span className="badge duplicate">Posible duplicado</span> : null}
            {r.state === 'done' ? (
              <span className="summary">
                {r.values.monto ?? '—'} · Ref. {r.values.referencia ?? '—'}
              </span>
            ) : null}
            {r.error ? (
              <span className="error" title={r.error.message}>
                {errorText(r.error)}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </aside>
  );
}
