/**
 * Drops whose sending stopped half-way (the window was closed, the connection lost): how many
 * files arrived, which did not, and how to complete the send, until the operator completes it
 * or sets the missing files aside.
 */
import { useT } from '../i18n';
import { useStore } from '../state/context';

const SHOWN = 8;

export function InterruptedSends() {
  const sends = useStore((s) => s.interrupted);
  const dismiss = useStore((s) => s.dismissInterrupted);
  const t = useT().intake;
  if (sends.length === 0) return null;
  return (
    <section className="refused" aria-label={t.interruptedLabel}>
      {sends.map((s) => {
        const missing = s.files.filter((f) => !f.arrived);
        return (
          <div key={s.batchId} data-testid="interrupted-send" role="alert">
            <header>
              <strong>{t.interrupted(s.arrived, s.expected)}</strong>
              <button type="button" className="link" onClick={() => void dismiss(s.batchId)}>
                {t.setAside}
              </button>
            </header>
            <p>
              {t.missing(missing.length)} {missing.slice(0, SHOWN).map((f) => f.name).join(', ')}
              {missing.length > SHOWN ? ` ${t.moreMissing(missing.length - SHOWN)}` : ''}
            </p>
            <small>{t.resumeHint}</small>
          </div>
        );
      })}
    </section>
  );
}
