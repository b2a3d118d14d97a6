/** The files this session dropped that the core refused, each with its reason, until dismissed. */
import { errorText } from '../i18n';
import { useStore } from '../state/context';

export function RefusedFiles() {
  const refused = useStore((s) => s.refused);
  const dismiss = useStore((s) => s.dismissRefused);
  if (refused.length === 0) return null;
  return (
    <section className="refused" aria-label="Archivos no agregados">
      <header>
        <strong>{refused.length} archivo(s) no agregados</strong>
        <button type="button" className="link" onClick={dismiss}>
          Descartar
        </button>
      </header>
      <ul>
        {refused.map((f) => (
          <li key={f.key} className="refused-file" data-testid="refused-file" data-state="refused">
            <span className="name">{f.name}</span>
            <span className="error" title={f.error.message}>
              {errorText(f.error)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
