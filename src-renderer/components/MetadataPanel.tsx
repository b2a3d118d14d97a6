/**
 * What the file name says, when it follows the WhatsApp convention (sorteo date and number,
 * sender id, name, time): each value with its check, and every automatic correction shown with
 * what the file name said, so nothing is changed silently.
 */
import type { ReceiptDetail } from '../../src-shared/ipc/contract';
import { METADATA_FIELDS, type WhatsappMetadata } from '../../src-shared/extract/whatsapp';
import { useT } from '../i18n';

const isWhatsapp = (m: ReceiptDetail['metadata']): m is WhatsappMetadata => 'validation' in m;

export function MetadataPanel({ metadata }: { metadata: ReceiptDetail['metadata'] }) {
  const t = useT().metadata;
  if (!isWhatsapp(metadata)) return null;
  const { errors, corrections } = metadata.validation;
  return (
    <section className="metadata" aria-label={t.label} data-testid="metadata">
      <h3>
        {t.title}{' '}
        <span className={`badge ${errors.length ? 'failed' : 'done'}`}>{errors.length ? t.problems(errors.length) : t.valid}</span>
      </h3>
      <dl>
        {METADATA_FIELDS.map((f) => {
          const error = errors.find((e) => e.field === f);
          const fixed = corrections[f];
          return (
            <div key={f} className={`meta-row${error ? ' invalid' : ''}${fixed ? ' corrected' : ''}`} data-testid={`meta-${f}`}>
              <dt>{t.fields[f]}</dt>
              <dd>
                {metadata[f] || '—'}
                {fixed ? <small className="hint">{t.corrected(fixed.from)}</small> : null}
                {error ? <small className="error"> {error.message}</small> : null}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
