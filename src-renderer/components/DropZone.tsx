/**
 * Files arrive by drop anywhere on the window or by the "Agregar" picker. Dropping a file on a
 * browser page would open it: the window cancels that and takes the files in instead.
 */
import { useEffect, useRef, useState } from 'react';

const IMAGE_TYPES = 'image/png,image/jpeg,image/webp,image/gif,image/tiff,image/avif,.jfif,.heic';

export function useWindowDrop(onFiles: (files: File[]) => void): boolean {
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
      onFiles(Array.from(e.dataTransfer?.files ?? []));
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
  }, [onFiles]);
  return over;
}

export function AddFilesButton({ onFiles }: { onFiles: (files: File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="primary" onClick={() => input.current?.click()} title="Agregar capturas (también puede soltarlas en la ventana)">
        Agregar comprobantes…
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
  return visible ? (
    <div className="drop-overlay" role="presentation">
      <p>Suelte las capturas para leerlas</p>
    </div>
  ) : null;
}
