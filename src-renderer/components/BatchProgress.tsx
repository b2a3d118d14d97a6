/**
 * This session's intake: the files being sent, then the batch being read, with the time left at
 * the pace seen so far, and pause / resume / cancel (cancelling fails only what is still waiting;
 * a receipt being read finishes).
 */
import { useT } from '../i18n';
import { useEffect, useState } from 'react';
import { useStore } from '../state/context';
import { runProgress, secondsLeft } from '../state/intake-slice';

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const m = Math.round(seconds / 60);
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function BatchProgress() {
  const run = useStore((s) => s.run);
  const sending = useStore((s) => s.sending);
  const controlRun = useStore((s) => s.controlRun);
  const t = useT().intake;
  // The time left is an estimate that moves with the clock, not only with events.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  if (sending) {
    return (
      <div className="progress" aria-live="polite">
        <progress max={sending.total} value={sending.done} aria-label={t.sendingLabel} />
        <span>{t.sending(sending.done, sending.total)}</span>
      </div>
    );
  }
  if (!run || run.batches.length === 0) return null;
  const { total, settled, failed, finished } = runProgress(run);
  const paused = run.batches.some((b) => b.state === 'paused');
  const cancelled = run.batches.every((b) => b.state === 'cancelled');
  const left = finished || paused ? null : secondsLeft(run, settled, total, now);
  return (
    <div className="progress" aria-live="polite" data-testid="batch-progress">
      <progress max={total} value={settled} aria-label={t.batchLabel} />
      <span>
        {t.batch(settled, total)}
        {failed > 0 ? t.batchFailed(failed) : ''}
        {paused ? t.paused : cancelled ? t.cancelled : left !== null ? t.left(formatDuration(left)) : ''}
      </span>
      {!finished && !cancelled ? (
        <>
          <button type="button" onClick={() => void controlRun(paused ? 'resume' : 'pause')}>
            {paused ? t.resume : t.pause}
          </button>
          <button type="button" onClick={() => void controlRun('cancel')} title={t.cancelTitle}>
            {t.cancel}
          </button>
        </>
      ) : null}
    </div>
  );
}
