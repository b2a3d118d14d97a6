/** One colour per field, the same on its source box over the image and beside its value. */
import { FIELD_NAMES, type FieldName } from '../../src-shared/receipt/fields';

const PALETTE = ['#d9480f', '#1971c2', '#2f9e44', '#9c36b5', '#e8590c', '#0c8599', '#c2255c', '#5f3dc4', '#66a80f', '#1098ad', '#f08c00', '#364fc7', '#a61e4d', '#087f5b', '#862e9c', '#495057'];

export const FIELD_COLORS = Object.fromEntries(FIELD_NAMES.map((f, i) => [f, PALETTE[i % PALETTE.length]!])) as Record<FieldName, string>;
