import { describe, expect, it } from 'vitest';
import { INVOKE } from '../../src-shared/ipc/contract';
import { en } from '../i18n/en';
import { es } from '../i18n/es';
import { EMPTY_QUERY, expiresIn, listRequest, pagesOf } from './history';

describe('the history query', () => {
  it('becomes a request the contract accepts, page by page', () => {
    expect(listRequest(EMPTY_QUERY, 3)).toEqual({ limit: 100, offset: 300 });
    const req = listRequest({ text: ' 0412 ', status: 'flagged', bank: '0134', day: '2026-11-23', duplicatesOnly: true, sort: 'name' }, 0);
    expect(req).toMatchObject({ text: '0412', state: 'done', review: 'flagged', bank: '0134', duplicatesOnly: true, sort: 'name' });
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
    expect(expiresIn('2026-11-24T09:30:30Z', now)).toEqual({ hours: 23.5 + 0.5 / 60, minutes: 1411 });
    expect(expiresIn('2026-11-23T10:19:30Z', now)).toEqual({ hours: 19.5 / 60, minutes: 20 });
    expect(expiresIn('2026-11-23T09:00:00Z', now)).toEqual({ hours: 0, minutes: 0 });
    // As the row reads it, in each language.
    expect(es.history.expiresIn(1411)).toBe('caduca en 24\u00a0h');
    expect(es.history.expiresIn(20)).toBe('caduca en 20\u00a0min');
    expect(en.history.expiresIn(20)).toBe('expires in 20\u00a0min');
  });
});
