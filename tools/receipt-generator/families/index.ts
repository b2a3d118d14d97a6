/**
 * Every layout family and its side of the split. Rules are written looking only at the tuning
 * families; the held-out families measure what the rules do on layouts nobody tuned them to.
 * A family moves from held-out to tuning only with a note in training/EXPERIMENTS.md, and the
 * held-out figure is then no longer comparable with earlier ones.
 */
import type { ReceiptStyle } from '../page';
import { STYLES } from '../styles';
import { desktopPortal, desktopTable, desktopWeb } from './desktop';
import { feeGrid } from './grid';
import { feeStacked, rolesList, smallTextCard, walletEnglish } from './lists';
import { smsInbox } from './messages';
import { photoOf } from './photo';
import { desktopGrid } from './portal';
import { noticeEn, paidEn, sentenceEn, sentenceEs, smsChat, smsNotice, smsThread } from './prose';
import { sectionsBeside, sectionsStacked } from './sections';
import { tallHistory, tallScroll } from './tall';

export type Split = 'tuning' | 'held-out';

const TUNING_FAMILIES: readonly ReceiptStyle[] = [
  ...STYLES,
  rolesList,
  sectionsBeside,
  feeGrid,
  sentenceEs,
  smsChat,
  walletEnglish,
  noticeEn,
  tallScroll,
  desktopWeb,
  smallTextCard,
  photoOf(rolesList, 'photo-list'),
  paidEn,
  smsNotice,
  desktopTable,
  desktopGrid,
  smsInbox,
];

const HELD_OUT_FAMILIES: readonly ReceiptStyle[] = [
  sectionsStacked,
  feeStacked,
  desktopPortal,
  tallHistory,
  sentenceEn,
  smsThread,
  photoOf(sectionsStacked, 'photo-sections'),
];

export const FAMILIES: readonly { style: ReceiptStyle; split: Split }[] = [
  ...TUNING_FAMILIES.map((style) => ({ style, split: 'tuning' as const })),
  ...HELD_OUT_FAMILIES.map((style) => ({ style, split: 'held-out' as const })),
];
