/**
 * The 16 fields of the open receipt: the value (the operator's correction where there is one),
 * a confidence marker, what the OCR read when it was corrected, and the core's reason when a
 * typed value is refused. Enter or leaving the field saves; Escape puts the value back.
 */
import { useEffect, useRef, useState } from 'react';
import type { ReceiptDetail } from '../../src-shared/ipc/contract';
import { FIELD_NAMES, type FieldName } from '../../src-shared/receipt/fields';
import { useT } from '../i18n';
import { useStore } from '../state/context';
import { FIELD_COLORS } from './field-colors';
import { MetadataPanel } from './MetadataPanel';

const LOW_CONFIDENCE = 0.8;

function FieldRow({ name, detail }: { name: FieldName; detail: ReceiptDetail }) {
  const t = useT();
  const read = detail.fields[name];
  const corrected = detail.corrected[name];
  const current = corrected ?? read?.value ?? '';
  const [draft, setDraft] = useState(current);
  const [saving, setSaving] = useState(false);
  const error = useStore((s) => s.fieldErrors[name]);
  const correct = useStore((s) => s.correct);
  const approveAndNext = useStore((s) => s.approveAndNext);
  const undoCorrection = useStore((s) => s.undoCorrection);
  const setActiveField = useStore((s) => s.setActiveField);
  const picked = useStore((s) => (s.picked?.field === name ? s.picked : null));
  const input = useRef<HTMLInputElement>(null);
  // What the field held before words were clicked into it, until the operator types: Ctrl+Z
  // takes the click back. The browser's own undo knows nothing of a value set from a click and
  // would undo the last typing elsewhere instead (the search box, emptying the filter).
  const beforePick = useRef<string | null>(null);
  useEffect(() => {
    setDraft(current);
    beforePick.current = null;
  }, [current, detail.sha256]);
  // A word clicked on the image: its text in this field (Shift+click adds it after a space),
  // the cursor kept here so Enter saves it.
  useEffect(() => {
    if (!picked) return;
    setDraft((d) => {
      beforePick.current ??= d;
      return picked.append && d.trim() ? `${d.trim()} ${picked.text}` : picked.text;
    });
    input.current?.focus();
  }, [picked]);

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
        {t.fields[name]}
      </label>
      <input
        ref={input}
        id={id}
        value={draft}
        onFocus={() => setActiveField(name)}
        disabled={saving}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          beforePick.current = null;
          setDraft(e.currentTarget.value);
        }}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          const unchanged = draft.trim() === current;
          // Enter saves a changed value; on an unchanged one it approves the receipt and moves on.
          if (e.key === 'Enter') void (unchanged ? approveAndNext() : commit());
          else if (e.key === 'Escape') setDraft(current);
          else if (e.key.toLowerCase() === 'z' && (e.ctrlKey || e.metaKey) && !e.shiftKey && beforePick.current !== null) {
            // Recibo's undo owns Ctrl+Z after a box click: the field goes back to what it held.
            e.preventDefault();
            setDraft(beforePick.current);
            beforePick.current = null;
          } else if (e.key.toLowerCase() === 'z' && (e.ctrlKey || e.metaKey) && unchanged) {
            // The input's own undo has nothing to undo: take back the last saved correction.
            e.preventDefault();
            void undoCorrection();
          }
        }}
      />
      <span className="confidence" title={t.receipt.confidence}>
        {read && corrected === undefined ? `${Math.round(read.confidence * 100)} %` : ''}
      </span>
      {corrected !== undefined ? <small className="hint">{t.receipt.corrected(read?.raw ?? '—')}</small> : null}
      {read?.note && corrected === undefined ? <small className="hint">{read.note}</small> : null}
      {read && corrected === undefined ? (
        <small className="source" data-testid={`source-${name}`}>
          {t.receipt.source(read.source.via, read.source.label, read.source.from ? t.fields[read.source.from as FieldName] ?? read.source.from : undefined)}
        </small>
      ) : null}
      <LearnOffer name={name} />
      {error ? (
        <small className="error" id={`${id}-error`} role="alert">
          {error}
        </small>
      ) : null}
    </div>
  );
}

/** The offer to learn the clicked value's label, and the undo once it is learned. */
function LearnOffer({ name }: { name: FieldName }) {
  const t = useT();
  const offer = useStore((s) => (s.learnOffer?.field === name ? s.learnOffer : null));
  const learned = useStore((s) => (s.learned?.field === name ? s.learned : null));
  const learnLabel = useStore((s) => s.learnLabel);
  const dismissLabel = useStore((s) => s.dismissLabel);
  const undoLearn = useStore((s) => s.undoLearn);
  if (offer) {
    return (
      <span className="learn" data-testid="learn-offer">
        <button type="button" className="link" onClick={() => void learnLabel()}>
          {t.receipt.learnOffer(offer.label, t.fields[name])}
        </button>
        <button type="button" className="link" aria-label="✕" onClick={dismissLabel}>
          ✕
        </button>
      </span>
    );
  }
  if (!learned) return null;
  return (
    <span className="learn" role="status" data-testid="learned">
      {t.receipt.learned(learned.label, t.fields[name])}{' '}
      <button type="button" className="link" onClick={() => void undoLearn()}>
        {t.receipt.learnUndo}
      </button>
    </span>
  );
}

/** Why this reading is first in the review queue: what it could not vouch for. */
function WarningsBanner({ detail }: { detail: ReceiptDetail }) {
  const t = useT().receipt;
  if (detail.warnings.length === 0) return null;
  return (
    <div className="warnings-banner" role="alert" data-testid="warnings">
      <strong>{t.warningsTitle}</strong>
      <ul>
        {detail.warnings.map((w) => (
          <li key={w.code} title={w.message} data-code={w.code}>
            {t.warnings[w.code]}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ReviewBar({ detail }: { detail: ReceiptDetail }) {
  const review = useStore((s) => s.review);
  const approveAndNext = useStore((s) => s.approveAndNext);
  const t = useT();
  return (
    <div className="review-bar">
      <span className={`badge ${detail.review}`} data-testid="review-state">
        {t.review[detail.review]}
      </span>
      <button type="button" className="primary" onClick={() => void approveAndNext()} title={t.receipt.approveTitle}>
        {t.receipt.approve} <kbd>Enter</kbd>
      </button>
      <button type="button" onClick={() => void review(detail.review === 'flagged' ? 'pending' : 'flagged')} title={t.receipt.flagTitle}>
        {detail.review === 'flagged' ? t.receipt.unflag : t.receipt.flag} <kbd>F</kbd>
      </button>
    </div>
  );
}

function DuplicateBanner({ of, file }: { of: string; file: string | null }) {
  const select = useStore((s) => s.select);
  const t = useT().receipt;
  return (
    <p className="duplicate-banner" role="alert" data-testid="duplicate-banner">
      <strong>{t.duplicateTitle}</strong> {t.duplicateOf(file)}{' '}
      <button type="button" className="link" onClick={() => void select(of)}>
        {t.openFirst}
      </button>
    </p>
  );
}

export function FieldsPanel({ detail }: { detail: ReceiptDetail }) {
  const t = useT();
  return (
    <section className="fields" aria-label={t.receipt.fieldsLabel}>
      {detail.duplicateOf ? <DuplicateBanner of={detail.duplicateOf} file={detail.duplicateOfFile} /> : null}
      <WarningsBanner detail={detail} />
      {detail.payment ? (
        <p className={`badge payment ${detail.payment}`} data-testid="review-payment">
          {t.statements.payment[detail.payment]}
        </p>
      ) : null}
      <ReviewBar detail={detail} />
      {FIELD_NAMES.map((name) => (
        <FieldRow key={name} name={name} detail={detail} />
      ))}
      <MetadataPanel metadata={detail.metadata} />
    </section>
  );
}
