/**
 * Every schema change, numbered from 1, in order. A migration is SQL (or, where SQL alone cannot
 * say it, a function of the connection) run in one transaction with the `user_version` bump;
 * never edit one that has shipped: add the next.
 */
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-settled-at';
import { migration0003 } from './0003-history-indexes';
import { migration0004 } from './0004-name-search';
import { migration0005 } from './0005-read-warnings';
import { migration0006 } from './0006-cancelled-state';
import { migration0007 } from './0007-batch-sends';
import { migration0008 } from './0008-any-part-search';
import { migration0009 } from './0009-name-order';
import { migration0010 } from './0010-statements';
import { migration0011 } from './0011-statement-mappings';
import type { Db } from '../open';

export type Migration = string | ((db: Db) => void);

export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011];
