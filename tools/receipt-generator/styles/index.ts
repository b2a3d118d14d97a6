import type { ReceiptStyle } from '../page';
import { bdv } from './bdv';
import { beside } from './beside';
import { card } from './card';
import { stacked } from './stacked';
import { usdWallet } from './usd-wallet';
import { webGrid } from './web-grid';

export const STYLES: readonly ReceiptStyle[] = [bdv, stacked, beside, webGrid, usdWallet, card];
