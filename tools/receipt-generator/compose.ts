/**
 * One receipt page: a payment drawn in a style, its HTML, its screenshot in Chromium and the
 * damage WhatsApp does. Shared by the fixture renderer and the tool that cuts the recogniser's
 * training crops; the order in which they draw from the seeded generator is part of the output.
 */
import { chromium, type Browser } from 'playwright-core';
import sharp from 'sharp';
import { randomPayment } from './data';
import { page as pageHtml, type ReceiptStyle, type StyleOutput, type Theme } from './page';
import { int, pick, type Rng } from './random';

export interface Composed {
  html: string;
  widthCss: number;
  dpr: number;
  out: StyleOutput;
}

export function composeReceipt(rng: Rng, style: ReceiptStyle, theme: Theme, font: string, fontCss: string): Composed {
  const p = randomPayment(rng, style.currency);
  if (style.bank) {
    p.payerBank = style.bank;
    p.payerAccount = `${style.bank}${p.payerAccount.slice(4)}`;
  }
  // Phone styles draw width and density in this order (the committed fixtures depend on it).
  const viewport = style.viewport?.(rng);
  const widthCss = viewport?.widthCss ?? pick(rng, [360, 375, 390, 412]);
  const dpr = viewport?.dpr ?? pick(rng, [2, 2.625, 3]);
  const out = style.render({ p, theme, rng });
  const statusTime = `${int(rng, 1, 12)}:${String(int(rng, 0, 59)).padStart(2, '0')}`;
  const html = pageHtml({ ...out, css: `${fontCss}\n${out.css}` }, theme, font, statusTime, int(rng, 5, 100), widthCss, style.statusBar ?? true);
  return { html, widthCss, dpr, out };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A printed word and its box in screenshot pixels. */
export interface WordBox {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Whether the text before it in the same text node ends in white space (false: first in its node). */
  spaceBefore: boolean;
  /** Index of its text node, in document order. */
  node: number;
}

// Runs in the page (a string: this project's Node code is compiled without the DOM's types).
const WORD_BOXES = `(() => {
  const screen = document.getElementById('screen');
  const origin = screen.getBoundingClientRect();
  const walker = document.createTreeWalker(screen, NodeFilter.SHOW_TEXT);
  const words = [];
  let node = 0;
  for (let t = walker.nextNode(); t; t = walker.nextNode(), node++) {
    const text = t.textContent;
    for (const m of text.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(t, m.index);
      range.setEnd(t, m.index + m[0].length);
      const r = range.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const spaceBefore = m.index > 0 && /\\s/.test(text[m.index - 1]);
      words.push({ text: m[0], x0: r.left - origin.left, y0: r.top - origin.top, x1: r.right - origin.left, y1: r.bottom - origin.top, spaceBefore, node });
    }
  }
  return words;
})()`;

/** The screen as a PNG, after its web fonts have loaded, and where each printed word lies on it. */
export async function screenshot(browser: Browser, c: Composed): Promise<{ png: Buffer; words: WordBox[] }> {
  const context = await browser.newContext({ viewport: { width: c.widthCss, height: 800 }, deviceScaleFactor: c.dpr });
  try {
    const tab = await context.newPage();
    await tab.setContent(c.html, { waitUntil: 'load' });
    // Screenshots wait for the web fonts: a fallback font would make the truth's font a lie.
    await tab.evaluate('document.fonts.ready.then(() => true)');
    const png = await tab.locator('#screen').screenshot({ type: 'png' });
    const css = (await tab.evaluate(WORD_BOXES)) as WordBox[];
    const words = css.map((w) => ({ ...w, x0: w.x0 * c.dpr, y0: w.y0 * c.dpr, x1: w.x1 * c.dpr, y1: w.y1 * c.dpr }));
    return { png, words };
  } finally {
    await context.close();
  }
}

export interface Degrade {
  label: string;
  /** Output width in pixels, or null to keep the rendered size. */
  width: number | null;
  /** JPEG quality, or null for a lossless PNG. */
  quality: number | null;
}

export function chooseDegrade(rng: Rng): Degrade {
  const roll = rng();
  if (roll < 0.15) return { label: 'png', width: null, quality: null };
  if (roll < 0.55) return { label: 'whatsapp', width: null, quality: int(rng, 60, 85) };
  if (roll < 0.9) return { label: 'whatsapp-downscaled', width: pick(rng, [720, 600, 540, 480]), quality: int(rng, 55, 80) };
  return { label: 'whatsapp-thumbnail', width: pick(rng, [360, 320]), quality: int(rng, 55, 70) };
}

export async function degrade(png: Buffer, d: Degrade): Promise<{ bytes: Buffer; ext: string }> {
  let img = sharp(png);
  if (d.width) img = img.resize({ width: d.width, kernel: 'lanczos3' });
  if (d.quality === null) return { bytes: await img.png().toBuffer(), ext: 'png' };
  return { bytes: await img.jpeg({ quality: d.quality, chromaSubsampling: '4:2:0', mozjpeg: false }).toBuffer(), ext: 'jpg' };
}
