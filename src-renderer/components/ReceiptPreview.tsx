/**
 * The receipt's image with what was read drawn over it: every recognised word's box (its text
 * and confidence on hover), and each field's source box in the field's colour. Boxes are in the
 * image's pixels; the SVG's viewBox is the image's size, so they follow it at any scale.
 */
import type { ReceiptDetail } from '../../src-shared/ipc/contract';
import type { FieldName } from '../../src-shared/receipt/fields';
import { FIELD_LABELS } from '../i18n';
import { FIELD_COLORS } from './field-colors';

export function ReceiptPreview({ detail, imageUrl }: { detail: ReceiptDetail; imageUrl: string }) {
  const { width, height } = detail;
  const words = detail.lines.flatMap((l) => l.words);
  const fields = Object.entries(detail.fields) as [FieldName, NonNullable<ReceiptDetail['fields'][FieldName]>][];
  return (
    <figure className="preview">
      <div className="canvas">
        <img src={imageUrl} alt={`Captura ${detail.file}`} draggable={false} />
        {width && height ? (
          <svg className="boxes" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" data-testid="word-boxes" aria-label={`${words.length} palabras reconocidas`}>
            {words.map((w, i) => (
              <rect key={i} className="word" data-testid="word-box" x={w.box[0]} y={w.box[1]} width={w.box[2] - w.box[0]} height={w.box[3] - w.box[1]}>
                <title>{`${w.text} (${Math.round(w.confidence * 100)} %)`}</title>
              </rect>
            ))}
            {fields.map(([name, f]) => (
              <rect key={name} className="field" x={f.box[0] - 3} y={f.box[1] - 3} width={f.box[2] - f.box[0] + 6} height={f.box[3] - f.box[1] + 6} stroke={FIELD_COLORS[name]}>
                <title>{`${FIELD_LABELS[name]}: ${f.value}`}</title>
              </rect>
            ))}
          </svg>
        ) : null}
      </div>
      <figcaption>{detail.file}</figcaption>
    </figure>
  );
}
