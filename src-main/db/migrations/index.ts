/**
 * Every schema change, numbered from 1, in order. A migration is SQL run in one transaction
 * with the `user_version` bump; never edit one that has shipped: add the next.
 */
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-settled-at';
import { migration0003 } from './0003-history-indexes';
import { migration0004 } from './0004-name-search';
import { migration0005 } from './0005-read-warnings';

export const MIGRATIONS: readonly string[] = [migration0001, migration0002, migration0003, migration0004, migration0005];
