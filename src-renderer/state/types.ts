/**
 * The window's state (zustand), in three parts built in their own files: the history list
 * (history-slice.ts), the open receipt and its review (review-slice.ts), and what this session
 * dropped (intake-slice.ts). Every change goes through the contract.
 */
import type { AppError } from '../../src-shared/ipc/result';
import type { StoreApi } from 'zustand';
import type { ReceiptDetail, ReceiptSummary, Res } from '../../src-shared/ipc/contract';
import type { FieldName } from '../../src-shared/receipt/fields';
import type { Client } from '../ipc/client';
import type { ConnectionState } from '../ipc/websocket-api';
import type { HistoryQuery } from './history';

/** A dropped file the core refused before it became a receipt (empty, not an image...). */
interface RefusedFile {
  key: string;
  name: string;
  error: { code: string; message: string };
}

type BatchStatus = Res<'batches:status'>['batches'][number];

/** This session's intake since the last time it was all read: for the progress bar. */
interface IntakeRun {
  batchIds: number[];
  batches: BatchStatus[];
  startedAt: number;
  /** When the first receipt of the run settled, and how many had then: the rate's origin. */
  firstSettled: { at: number; count: number } | null;
}

export interface HistorySlice {
  query: HistoryQuery;
  /** How many receipts the query matches. */
  total: number;
  /** The loaded rows, by position in the list. */
  rows: ReadonlyMap<number, ReceiptSummary>;
  counts: Res<'receipts:list'>['counts'];
  setQuery(change: Partial<HistoryQuery>): void;
  /** The list shows rows [start, end): their pages are fetched if they are not loaded. */
  showRows(start: number, end: number): Promise<void>;
  /** Reloads the visible pages, the count and the state counts. */
  refresh(): Promise<void>;
  pin(sha256: string, pinned: boolean): Promise<void>;
}

export interface ReviewSlice {
  selected: string | null;
  detail: ReceiptDetail | null;
  /** The core's reason when a typed value was refused, per field of the open receipt. */
  fieldErrors: Partial<Record<FieldName, string>>;
  /** This session's corrections, newest last, with the value each replaced (null: the OCR's). */
  undo: { sha256: string; field: FieldName; before: string | null }[];
  /** The field the operator last put the cursor in: a click on a word box fills it. */
  activeField: FieldName | null;
  /** A word clicked on the image, for the active field to take (`seq` tells two clicks apart). */
  picked: { field: FieldName; text: string; append: boolean; seq: number } | null;
  setActiveField(field: FieldName | null): void;
  /** `wordsBefore`: the words before it on its line (a label the rules may learn). */
  pickWord(text: string, append: boolean, wordsBefore?: readonly string[]): void;
  select(sha256: string | null): Promise<void>;
  selectNext(step: 1 | -1): Promise<void>;
  correct(field: FieldName, value: string | null): Promise<boolean>;
  /** Marks the open receipt approved or flagged (or back to pending). */
  review(status: 'pending' | 'approved' | 'flagged'): Promise<boolean>;
  /** Enter: approve the open receipt and open the next one waiting for review. */
  approveAndNext(): Promise<void>;
  /** Ctrl+Z: the open receipt's last correction taken back (itself recorded in the audit trail). */
  undoCorrection(): Promise<void>;
  rerun(sha256: string): Promise<void>;
}

export interface LearnSlice {
  /** A label the rules do not know, before a word the operator clicked into `field`. */
  learnOffer: { field: FieldName; label: string } | null;
  /** The label just added, with the rules text before it (for undo). */
  learned: { field: FieldName; label: string; previousText: string; wasCustom: boolean } | null;
  offerLabel(field: FieldName, wordsBefore: readonly string[]): Promise<void>;
  dismissLabel(): void;
  learnLabel(): Promise<void>;
  undoLearn(): Promise<void>;
}

export interface IntakeSlice {
  refused: RefusedFile[];
  sending: { done: number; total: number } | null;
  run: IntakeRun | null;
  /**
   * Files dropped, picked or pasted. `expand` lists a drop's files with its folders walked, for
   * when the shell cannot take the drop by path (the browser).
   */
  addFiles(files: readonly File[], expand?: () => Promise<File[]>): Promise<void>;
  refreshRun(): Promise<void>;
  controlRun(action: 'pause' | 'resume' | 'cancel'): Promise<void>;
  dismissRefused(): void;
  /**
   * What the last drop held besides new images: files already in the history (reused, not
   * read again) and copies of another file of the same drop. Null when it held neither.
   */
  dropSummary: { files: number; known: number; copies: number; firstKnown: string | null } | null;
  dismissDropSummary(): void;
  /** Drops whose sending stopped half-way (this window or an earlier one closed), with their files. */
  interrupted: Res<'intake:interrupted'>['sends'];
  loadInterrupted(): Promise<void>;
  /** Sets an interrupted send's missing files aside (its notice goes). */
  dismissInterrupted(batchId: number): Promise<void>;
}

export interface AppState extends HistorySlice, ReviewSlice, IntakeSlice, LearnSlice {
  connection: ConnectionState;
  /** What the window shows: the list and the open receipt, or the dashboard. */
  view: 'review' | 'dashboard';
  setView(view: 'review' | 'dashboard'): void;
  /** Statement files waiting for their preview (the dashboard shows them one at a time). */
  statementFiles: File[];
  /** Dropped or chosen statement files: the dashboard opens, with the first one's preview. */
  openStatements(files: File[]): void;
  /** The preview of the first file is closed (imported or cancelled). */
  statementClosed(): void;
  /** The last failure the operator should see (a call refused, a lost connection). */
  problem: string | null;
  /** A message, or an error from the core (worded in the window's language). */
  fail(problem: string | AppError): void;
  dismissProblem(): void;
  exportAs(req: { format: 'csv' | 'json'; delimiter?: ',' | ';'; sha256?: string[]; states?: ('queued' | 'processing' | 'done' | 'failed' | 'cancelled')[] }): Promise<Res<'export:run'> | null>;
}

export type SliceArgs = [client: Client, set: StoreApi<AppState>['setState'], get: () => AppState];
