/**
 * The receipt's image with what was read drawn over it: every recognised word's box (its text
 * and confidence shown on hover), and each field's source box in the field's colour. Boxes are
 * in the image's pixels; the SVG's viewBox is the image's size, so they follow it at any scale.
 *
 * Zoom: Ctrl+wheel, the buttons, or + / − / 0 outside the fields; pan by dragging (or scrolling).
 * A click on a word puts its text in the field the cursor was in (Shift+click adds it).
 */
import { useEffect, useLayoutEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { ReceiptDetail } from '../../src-shared/ipc/contract';
import type { FieldName } from '../../src-shared/receipt/fields';
import { useT } from '../i18n';
import { useStore } from '../state/context';
import { FIELD_COLORS } from './field-colors';
import { isTextEntry } from './typing';

const ZOOMS = [1, 1.5, 2, 3, 4, 6];

/** The scale at which an image fits its pane whole (never enlarged past its own pixels). */
export function fitScale(pane: { width: number; height: number }, image: { width: number; height: number }): number {
  if (pane.width <= 0 || pane.height <= 0) return 1;
  return Math.min(1, pane.width / image.width, pane.height / image.height);
}

function usePaneSize(ref: React.RefObject<HTMLElement | null>) {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setSize({ width: el.clientWidth - 32, height: el.clientHeight - 72 });
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

export function ReceiptPreview({ detail, imageUrl }: { detail: ReceiptDetail; imageUrl: string }) {
  const { width, height } = detail;
  // Each word with the words before it on its line: a label the rules may learn from the click.
  const words = detail.lines.flatMap((l) => l.words.map((w, i) => ({ ...w, before: l.words.slice(0, i).map((x) => x.text) })));
  const fields = Object.entries(detail.fields) as [FieldName, NonNullable<ReceiptDetail['fields'][FieldName]>][];
  const pickWord = useStore((s) => s.pickWord);
  const t = useT();
  const activeField = useStore((s) => s.activeField);
  const pane = useRef<HTMLDivElement>(null);
  const size = usePaneSize(pane);
  const [zoom, setZoom] = useState(1);
  const [hover, setHover] = useState<number | null>(null);
  // An image the browser cannot draw (damaged, a format it lacks): a placeholder that says so,
  // not the broken-image icon.
  const [broken, setBroken] = useState<string | null>(null);
  const drag = useRef<{ x: number; y: number; left: number; top: number; moved: boolean } | null>(null);

  useEffect(() => setZoom(1), [detail.sha256]);
  const step = (dir: 1 | -1) => setZoom((z) => ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, ZOOMS.indexOf(z) + dir))] ?? 1);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTextEntry(e.target)) return;
      if (e.key === '+' || e.key === '=') step(1);
      else if (e.key === '-') step(-1);
      else if (e.key === '0') setZoom(1);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const el = pane.current;
    if (!el) return;
    // Not a React handler: Ctrl+wheel must be cancelable (React's wheel listeners are passive).
    const wheel = (e: WheelEvent) => {
      if (!e.ctrlKey) return;
      e.preventDefault();
      step(e.deltaY < 0 ? 1 : -1);
    };
    el.addEventListener('wheel', wheel, { passive: false });
    return () => el.removeEventListener('wheel', wheel);
  }, []);

  const scale = width && height ? fitScale(size, { width, height }) * zoom : 1;
  const shown = width && height ? { width: Math.round(width * scale), height: Math.round(height * scale) } : undefined;

  const onPointerDown = (e: ReactPointerEvent) => {
    if (zoom === 1 || !pane.current) return;
    drag.current = { x: e.clientX, y: e.clientY, left: pane.current.scrollLeft, top: pane.current.scrollTop, moved: false };
  };
  const onPointerMove = (e: ReactPointerEvent) => {
    const d = drag.current;
    if (!d || !pane.current) return;
    if (Math.abs(e.clientX - d.x) + Math.abs(e.clientY - d.y) > 4) d.moved = true;
    pane.current.scrollLeft = d.left - (e.clientX - d.x);
    pane.current.scrollTop = d.top - (e.clientY - d.y);
  };
  const hovered = hover === null ? null : words[hover];

  return (
    <figure className="preview">
      <div className="zoom-bar" role="toolbar" aria-label="Zoom">
        <button type="button" onClick={() => step(-1)} disabled={zoom === ZOOMS[0]} aria-label={t.receipt.zoomOut} title={`${t.receipt.zoomOut} (−)`}>
          −
        </button>
        <span data-testid="zoom">{Math.round(zoom * 100)} %</span>
        <button type="button" onClick={() => step(1)} disabled={zoom === ZOOMS.at(-1)} aria-label={t.receipt.zoomIn} title={`${t.receipt.zoomIn} (+)`}>
          +
        </button>
        <button type="button" onClick={() => setZoom(1)} disabled={zoom === 1} title={t.receipt.fitTitle}>
          {t.receipt.fit}
        </button>
      </div>
      <div
        ref={pane}
        className={`pane${zoom > 1 ? ' zoomed' : ''}`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => setTimeout(() => (drag.current = null))}
        onPointerLeave={() => (drag.current = null)}
      >
        <div className="canvas" style={shown}>
          {broken === imageUrl ? (
            <div className="image-missing" role="img" aria-label={t.receipt.cannotShow(detail.file)} data-testid="image-missing">
              <strong>{(detail.file.split('.').pop() ?? '').toUpperCase()}</strong>
              <span>{t.receipt.cannotShow(detail.file)}</span>
            </div>
          ) : (
            <img src={imageUrl} alt={t.receipt.image(detail.file)} draggable={false} style={shown} onError={() => setBroken(imageUrl)} />
          )}
          {width && height ? (
            <svg className="boxes" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" data-testid="word-boxes" aria-label={t.receipt.words(words.length)}>
              {words.map((w, i) => (
                <rect
                  key={i}
                  className={`word${activeField ? ' pickable' : ''}`}
                  data-testid="word-box"
                  x={w.box[0]}
                  y={w.box[1]}
                  width={w.box[2] - w.box[0]}
                  height={w.box[3] - w.box[1]}
                  onMouseEnter={() => setHover(i)}
                  onMouseLeave={() => setHover((h) => (h === i ? null : h))}
                  // Keep the cursor in the field being filled.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={(e) => {
                    if (!drag.current?.moved) pickWord(w.text, e.shiftKey, w.before);
                  }}
                >
                  <title>{`${w.text} (${Math.round(w.confidence * 100)} %)`}</title>
                </rect>
              ))}
              {fields.map(([name, f]) => (
                <rect key={name} className="field" x={f.box[0] - 3} y={f.box[1] - 3} width={f.box[2] - f.box[0] + 6} height={f.box[3] - f.box[1] + 6} stroke={FIELD_COLORS[name]}>
                  <title>{`${t.fields[name]}: ${f.value}`}</title>
                </rect>
              ))}
            </svg>
          ) : null}
        </div>
      </div>
      <figcaption>
        <span className="file">{detail.file}</span>
        <span className="hovered" data-testid="hovered-word" aria-live="off">
          {hovered ? `«${hovered.text}» · ${Math.round(hovered.confidence * 100)} %${activeField ? ` · ${t.receipt.clickTo(t.fields[activeField])}` : ''}` : ''}
        </span>
      </figcaption>
    </figure>
  );
}
