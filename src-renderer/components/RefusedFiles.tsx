/** The files this session dropped that the core refused, each with its reason, until dismissed. */
import { errorText, useT } from '../i18n';
import { useStore } from '../state/context';

export function RefusedFiles() {
  const refused = useStore((s) => s.refused);
  const dismiss = useStore((s) => s.dismissRefused);
  const t = useT();
  if (refused.length === 0) return null;
  return (
    <section className="refused" aria-label={t.intake.refusedLabel}>
      <header>
        <strong>{t.intake.refused(refused.length)}</strong>
        <button type="button" className="link" onClick={dismiss}>
          {t.intake.dismiss}
        </button>
      </header>
      <ul>
        {refused.map((f) => (
          <li key={f.key} className="refused-file" data-testid="refused-file" data-state="refused">
            <span className="name">{f.name}</span>
            <span className="error" title={f.error.message}>
              {errorText(t, f.error)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
