/** What every style shares: the phone frame, status bar, theme colours and escaping. */
import type { FieldName } from '../../src-shared/receipt/fields';
import type { Payment } from './data';
import type { Rng } from './random';

export type Theme = 'light' | 'dark';

interface StyleInput {
  p: Payment;
  theme: Theme;
  rng: Rng;
}

export interface StyleOutput {
  /** Inner HTML of the screen, below the status bar. */
  body: string;
  css: string;
  /** Canonical values of the fields this receipt shows. */
  truth: Partial<Record<FieldName | 'currency', string>>;
  /** Text a reader sees, one visual row per entry (labels and values as printed). */
  lines: string[];
  /** The reference and the amount's number exactly as printed, to check what OCR reads. */
  printed: { referencia: string; monto: string };
}

export interface ReceiptStyle {
  id: string;
  layout: string;
  currency: 'VES' | 'USD';
  /** Payer bank the app belongs to, when the app is a bank's. */
  bank?: string;
  render(input: StyleInput): StyleOutput;
  /** Window size in CSS pixels and device pixel ratio; a phone's when absent. */
  viewport?: (rng: Rng) => { widthCss: number; dpr: number };
  /** Whether the phone's status bar tops the page (not on desktop pages and chats that draw their own). */
  statusBar?: boolean;
  /** Photographed off a screen after rendering (tilt, perspective, moiré, blur). */
  photo?: boolean;
}

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const COLORS: Record<Theme, { bg: string; fg: string; muted: string; card: string; line: string }> = {
  light: { bg: '#ffffff', fg: '#1d1d1f', muted: '#6e6e73', card: '#f2f3f5', line: '#e3e4e8' },
  dark: { bg: '#121417', fg: '#f2f2f7', muted: '#9a9aa2', card: '#1f2227', line: '#30343b' },
};

/** A check mark drawn as a shape: icons are not text, and the OCR must learn to ignore them. */
export const CHECK_ICON = '<svg width="44" height="44" viewBox="0 0 44 44"><circle cx="22" cy="22" r="21" fill="#1fa463"/><path d="M12 23l7 7 13-15" stroke="#fff" stroke-width="4" fill="none"/></svg>';

export function page(style: StyleOutput, theme: Theme, font: string, statusTime: string, battery: number, widthCss: number, statusBar = true): string {
  const c = COLORS[theme];
  return `<!doctype html><html><head><meta charset="utf-8"><style>
  * { box-sizing: border-box; margin: 0; padding: 0; }
  body { background: ${c.bg}; color: ${c.fg}; font-family: '${font}', sans-serif; width: ${widthCss}px; }
  #screen { width: ${widthCss}px; background: ${c.bg}; padding-bottom: 28px; }
  .status { display: flex; justify-content: space-between; align-items: center; padding: 8px 18px 6px; font-size: 13px; font-weight: 600; }
  .status .icons { display: flex; gap: 5px; align-items: center; }
  .bars { display: inline-block; width: 16px; height: 10px; background: linear-gradient(to right, ${c.fg} 20%, transparent 20% 27%, ${c.fg} 27% 47%, transparent 47% 54%, ${c.fg} 54% 74%, transparent 74% 81%, ${c.fg} 81%); clip-path: polygon(0 100%, 100% 0, 100% 100%); }
  .muted { color: ${c.muted}; }
  ${style.css}
  </style></head><body><div id="screen">
  ${statusBar ? `<div class="status"><span>${esc(statusTime)}</span><span class="icons"><span class="bars"></span><span>${battery}%</span></span></div>` : ''}
  ${style.body}
  </div></body></html>`;
}
