import { describe, expect, it } from 'vitest';
import type { Quad } from '../../../../../src-shared/ocr/types';
import { medianTextHeight, refinedDetectorSide } from './detect';

const box = (y: number, h: number): { quad: Quad; score: number } => ({
  quad: [{ x: 0, y }, { x: 100, y }, { x: 100, y: y + h }, { x: 0, y: y + h }],
  score: 0.9,
});

describe('text-sized detection', () => {
  it('measures the median box height in detector pixels', () => {
    expect(medianTextHeight([box(0, 20), box(30, 40), box(80, 30)], 0.5)).toBe(15);
    expect(medianTextHeight([], 1)).toBeNull();
  });

  it('keeps the first pass when the text is large enough', () => {
    expect(refinedDetectorSide(480, 19, 16, 22, 960)).toBeNull();
    expect(refinedDetectorSide(480, null, 16, 22, 960)).toBeNull();
  });

  it('enlarges small text towards the target height, within the profile limit', () => {
    expect(refinedDetectorSide(480, 11, 16, 22, 960)).toBe(960);
    expect(refinedDetectorSide(480, 14, 16, 22, 960)).toBe(754);
    expect(refinedDetectorSide(480, 5, 16, 22, 736)).toBe(736);
  });

  it('does not bother with a second pass that would be barely larger', () => {
    expect(refinedDetectorSide(480, 15.5, 16, 16, 960)).toBeNull();
  });
});
