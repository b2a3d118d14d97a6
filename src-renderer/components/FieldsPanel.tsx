/**
 * The 16 fields of the open receipt: the value (the operator's correction where there is one),
 * a confidence marker, what the OCR read when it was corrected, and the core's reason when a
 * typed value is refused. Enter or leaving the field saves; Escape puts the value back.
 */
import { useEffect, useState } from 'react';
import type { ReceiptDetail } from '../../src-shared/ipc/contract';
import { FIELD_NAMES, type FieldName } from '../../src-shared/receipt/fields';
import { FIELD_LABELS } from '../i18n';
import { useStore } from '../state/context';
import { FIELD_COLORS } from './field-colors';

const LOW_CONFIDENCE = 0.8;

function FieldRow({ name, detail }: { name: FieldName; detail: ReceiptDetail }) {
  const read = detail.fields[name];
  const corrected = detail.corrected[name];
  const current = corrected ?? read?.value ?? '';
  const [draft, setDraft] = useState(current);
  const [saving, setSaving] = useState(false);
  const error = useStore((s) => s.fieldErrors[name]);
  const correct = useStore((s) => s.correct);
  useEffect(() => setDraft(current), [current, detail.sha256]);

  const commit = async () => {
    const typed = draft.trim();
    if (typed === current) return;
    setSaving(true);
    // Refused: the draft stays as typed, with the core's reason under it.
    await correct(name, typed === '' ? null : typed);
    setSaving(false);
  };
  const id = `field-${name}`;
  const low = read && corrected === undefined && read.confidence < LOW_CONFIDENCE;
  return (
    <div className={`field-row${low ? ' low' : ''}${error ? ' invalid' : ''}${corrected !== undefined ? ' corrected' : ''}`} data-testid={`field-${name}`}>
      <label htmlFor={id}>
        <span className="swatch" style={{ background: read ? FIELD_COLORS[name] : 'transparent' }} />
        {FIELD_LABELS[name]}
      </label>
      <input
        id={id}
        value={draft}
        disabled={saving}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void commit();
          if (e.key === 'Escape') setDraft(current);
        }}
      />
      <span className="confidence" title="Confianza de la lectura">
        {read && corrected === undefined ? `${Math.round(read.confidence * 100)} %` : ''}
      </span>
      {corrected !== undefined ? <small className="hint">Corregido · el OCR leyó «{read?.raw ?? '—'}»</small> : null}
      {read?.note && corrected === undefined ? <small className="hint">{read.note}</small> : null}
      {error ? (
        <small className="error" id={`${id}-error`} role="alert">
          {error}
        </small>
      ) : null}
    </div>
  );
}

export function FieldsPanel({ detail }: { detail: ReceiptDetail }) {
  return (
    <section className="fields" aria-label="Campos">
      {detail.duplicateOf ? (
        <p className="duplicate-banner" role="status">
          Posible pago duplicado: coincide con un comprobante anterior.
        </p>
      ) : null}
      {FIELD_NAMES.map((name) => (
        <FieldRow key={name} name={name} detail={detail} />
      ))}
    </section>
  );
}
