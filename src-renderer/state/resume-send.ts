/**
 * Which files of a drop to send, and into which batch: when the drop holds files an interrupted
 * send was still waiting for, it completes that send (the files that already arrived are not
 * sent again); otherwise it is a send of its own. Files are matched by name and size, as the
 * window announced them.
 */
import type { Res } from '../../src-shared/ipc/contract';

type Send = Res<'intake:interrupted'>['sends'][number];

const key = (f: { name: string; size: number }) => `${f.size}:${f.name}`;

export function planSend<F extends { name: string; size: number }>(files: readonly F[], interrupted: readonly Send[]): { resume: number | null; send: F[] } {
  for (const s of interrupted) {
    const waiting = new Map<string, number>();
    for (const f of s.files) if (!f.arrived) waiting.set(key(f), (waiting.get(key(f)) ?? 0) + 1);
    if (!files.some((f) => waiting.has(key(f)))) continue;
    const arrived = new Map<string, number>();
    for (const f of s.files) if (f.arrived) arrived.set(key(f), (arrived.get(key(f)) ?? 0) + 1);
    // Each arrived file skips one dropped file of its name and size; everything else is sent.
    const send = files.filter((f) => {
      const left = arrived.get(key(f)) ?? 0;
      if (left === 0) return true;
      arrived.set(key(f), left - 1);
      return false;
    });
    return { resume: s.batchId, send };
  }
  return { resume: null, send: [...files] };
}
