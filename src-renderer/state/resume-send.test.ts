import { describe, expect, it } from 'vitest';
import { planSend } from './resume-send';

const f = (name: string, size = 100) => ({ name, size });
const send = (batchId: number, files: [string, number, boolean][]) => ({
  batchId, startedAt: '2026-12-07T10:00:00.000Z', expected: files.length, arrived: files.filter((x) => x[2]).length,
  files: files.map(([name, size, arrived]) => ({ name, size, arrived })),
});

describe('which files a drop sends', () => {
  it('with no interrupted send: all of them, in a send of its own', () => {
    expect(planSend([f('a.png'), f('b.png')], [])).toEqual({ resume: null, send: [f('a.png'), f('b.png')] });
  });

  it('the same files again: completes the interrupted send, without what already arrived', () => {
    const cut = send(7, [['a.png', 100, true], ['b.png', 100, true], ['c.png', 100, false], ['d.png', 100, false]]);
    expect(planSend([f('a.png'), f('b.png'), f('c.png'), f('d.png')], [cut])).toEqual({ resume: 7, send: [f('c.png'), f('d.png')] });
  });

  it('matches by name and size, and counts repeated names', () => {
    const cut = send(3, [['x.png', 10, true], ['x.png', 10, false], ['y.png', 20, false]]);
    // The other x.png (another size) is another file: sent.
    expect(planSend([f('x.png', 10), f('x.png', 10), f('x.png', 99)], [cut])).toEqual({ resume: 3, send: [f('x.png', 10), f('x.png', 99)] });
  });

  it('a drop holding none of the missing files is a send of its own', () => {
    const cut = send(5, [['a.png', 100, true], ['b.png', 100, false]]);
    expect(planSend([f('a.png'), f('z.png')], [cut])).toEqual({ resume: null, send: [f('a.png'), f('z.png')] });
  });
});
