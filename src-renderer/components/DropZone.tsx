/**
 * Files arrive by drop anywhere on the window (folders too), by the "Agregar" picker, or pasted
 * with Ctrl+V. Dropping a file on a browser page would open it: the window cancels that and
 * takes the files in instead.
 */
import { useT } from '../i18n';
import { useEffect, useRef, useState } from 'react';
import { pastedName } from '../state/read-files';
import { isTextEntry } from './typing';

/** What a drop carries: its files, and its entries (to walk folders where there are no paths). */
export interface Dropped {
  files: File[];
  entries: FileSystemEntry[];
}

const IMAGE_TYPES = 'image/png,image/jpeg,image/webp,image/gif,image/tiff,image/avif,.jfif,.heic';

export function useWindowDrop(onDrop: (dropped: Dropped) => void): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overHandler = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      // Entries must be taken now: the drop's data is gone once the handler returns.
      const entries = Array.from(e.dataTransfer?.items ?? []).flatMap((i) => (i.kind === 'file' ? [i.webkitGetAsEntry()] : [])).filter((x): x is FileSystemEntry => x !== null);
      onDrop({ files: Array.from(e.dataTransfer?.files ?? []), entries });
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overHandler);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overHandler);
      window.removeEventListener('drop', drop);
    };
  }, [onDrop]);
  return over;
}

/** Ctrl+V with an image (a screenshot copied from WhatsApp Web, say) adds it, unless typing. */
export function usePaste(onFiles: (files: File[]) => void): void {
  useEffect(() => {
    const paste = (e: ClipboardEvent) => {
      if (isTextEntry(e.target)) return;
      const images = Array.from(e.clipboardData?.files ?? []).filter((f) => f.type.startsWith('image/'));
      if (images.length === 0) return;
      e.preventDefault();
      const at = new Date();
      onFiles(images.map((f, i) => new File([f], pastedName(f, at, i), { type: f.type })));
    };
    window.addEventListener('paste', paste);
    return () => window.removeEventListener('paste', paste);
  }, [onFiles]);
}

export function AddFilesButton({ onFiles }: { onFiles: (files: File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const t = useT().intake;
  return (
    <>
      <button type="button" className="primary" onClick={() => input.current?.click()} title={t.addTitle}>
        {t.add}
      </button>
      <input
        ref={input}
        data-testid="file-input"
        type="file"
        multiple
        accept={IMAGE_TYPES}
        hidden
        onChange={(e) => {
          onFiles(Array.from(e.currentTarget.files ?? []));
          e.currentTarget.value = '';
        }}
      />
    </>
  );
}

export function DropOverlay({ visible }: { visible: boolean }) {
  const t = useT().intake;
  return visible ? (
    <div className="drop-overlay" role="presentation">
      <p>{t.dropHere}</p>
    </div>
  ) : null;
}
