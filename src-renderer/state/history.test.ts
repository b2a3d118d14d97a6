import { describe, expect, it } from 'vitest';
import { INVOKE } from '../../src-shared/ipc/contract';
import { EMPTY_QUERY, expiresIn, listRequest, pagesOf } from './history';

describe('the history query', () => {
  it('becomes a request the contract accepts, page by page', () => {
    expect(listRequest(EMPTY_QUERY, 3)).toEqual({ limit: 100, offset: 300 });
    const req = listRequest({ text: ' 0412 ', status: 'flagged', bank: '0134', day: '2026-11-23', duplicatesOnly: true }, 0);
    expect(req).toMatchObject({ text: '0412', state: 'done', review: 'flagged', bank: '0134', duplicatesOnly: true });
    // One local day: 24 hours apart, starting at local midnight.
    expect(Date.parse(req.receivedBefore!) - Date.parse(req.receivedFrom!)).toBe(24 * 3_600_000);
    expect(new Date(req.receivedFrom!).getHours()).toBe(0);
    expect(INVOKE['receipts:list'].req.safeParse(req).success).toBe(true);
    expect(listRequest({ ...EMPTY_QUERY, status: 'failed' }, 0)).toEqual({ limit: 100, offset: 0, state: 'failed' });
  });

  it('covers the rows on screen with whole pages', () => {
    expect(pagesOf(0, 30)).toEqual([0]);
    expect(pagesOf(95, 130)).toEqual([0, 1]);
    expect(pagesOf(250, 250)).toEqual([]);
  });

  it('says when a receipt expires', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(expiresIn('2026-11-24T09:31:00Z', now).text).toBe('caduca en 24 h');
    expect(expiresIn('2026-11-23T10:20:00Z', now).text).toBe('caduca en 20 min');
    expect(expiresIn('2026-11-23T09:00:00Z', now).text).toBe('caducado');
  });
});
