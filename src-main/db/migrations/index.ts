/**
 * Every schema change, numbered from 1, in order. A migration is SQL run in one transaction
 * with the `user_version` bump; never edit one that has shipped: add the next.
 */
import { migration0001 } from './0001-initial';

export const MIGRATIONS: readonly string[] = [migration0001];
