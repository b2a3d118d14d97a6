/**
 * What a drop held besides new images, said plainly: files already in the history (not read
 * again) and copies of another file of the same drop. Without it, 300 copies of 20 known images
 * would read «20 de 20 leídos» with 280 files unmentioned.
 */
import { useT } from '../i18n';
import { useStore } from '../state/context';

export function DropSummary() {
  const summary = useStore((s) => s.dropSummary);
  const dismiss = useStore((s) => s.dismissDropSummary);
  const select = useStore((s) => s.select);
  const t = useT().intake;
  if (!summary) return null;
  const parts = [summary.known > 0 ? t.alreadyKnown(summary.known) : null, summary.copies > 0 ? t.copies(summary.copies) : null].filter((p) => p !== null);
  return (
    <section className="refused" role="status" data-testid="drop-summary">
      <header>
        <strong>
          {t.ofFiles(summary.files)} {parts.join('; ')}.
        </strong>
        {summary.firstKnown ? (
          <button type="button" className="link" onClick={() => void select(summary.firstKnown!)}>
            {t.showKnown}
          </button>
        ) : null}
        <button type="button" className="link" onClick={dismiss}>
          {t.dismiss}
        </button>
      </header>
    </section>
  );
}
