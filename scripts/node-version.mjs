// The Node.js versions Recibo states (README), checked where a wrong one would fail obscurely:
// the CLI and `npm start` refuse a Node older than the minimum, in one sentence; `npm start`
// also says when Electron's tools expect a newer one than is running.
export const MINIMUM = '20.19.0';
/** What Electron 45 and its tools (@electron/get, @electron/rebuild) declare. */
export const FOR_ELECTRON = '22.12.0';

const parts = (v) => v.replace(/^v/, '').split('.').map(Number);
export function atLeast(version, min) {
  const [a, b] = [parts(version), parts(min)];
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

/** The sentence to print and stop on, or null when this Node is new enough. */
export function tooOld(version = process.version) {
  return atLeast(version, MINIMUM) ? null : `Recibo needs Node.js ${MINIMUM} or newer; this is ${version}. Install a newer Node.js (https://nodejs.org) and run the command again.`;
}

/** A line for `npm start` on a Node older than Electron's tools expect, or null. */
export function olderThanElectronWants(version = process.version) {
  return atLeast(version, FOR_ELECTRON) ? null : `Note: Electron 45 and its tools are made for Node.js ${FOR_ELECTRON} or newer; this is ${version}. If the desktop app fails to start, use a newer Node.js (npm run dev:web works on this one).`;
}
