/** The statement import's messages (contract.ts): a file with an optional column mapping, and its preview. */
import * as z from 'zod';
import { COLUMN_ROLES, type ColumnMapping, type ColumnRole } from '../reconcile/column-roles';
import { RECORD_FORMATS, STATEMENT_FORMATS } from '../reconcile/statement-formats';
import type { StatementProblem } from '../reconcile/statement-problems';

const Column = z.number().int().min(0).max(500);

/** Which column plays each role. */
const MappingShape = z.object(Object.fromEntries(COLUMN_ROLES.map((role) => [role, Column.optional()])) as Record<ColumnRole, z.ZodOptional<typeof Column>>).strict();

/** The operator's mapping: each role at most one column, no column for two roles. */
const MappingSchema = MappingShape.refine((m) => {
    const used = Object.values(m).filter((c) => c !== undefined);
    return new Set(used).size === used.length;
  }, 'a column plays one role') satisfies z.ZodType<ColumnMapping>;

export const StatementFileSchema = z
  .object({ name: z.string().min(1).max(255), base64: z.string().max(14 * 1024 * 1024), mapping: MappingSchema.optional() })
  .strict();

const RecordFormat = z.enum(RECORD_FORMATS);
const Missing = z.enum(['date', 'money']);

/** Why a file cannot be read (src-shared/reconcile/statement-problems.ts), for the window to word. */
export const StatementProblemSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('empty') }),
  z.object({ code: z.literal('too_large'), mb: z.number(), maxMb: z.number() }),
  z.object({ code: z.literal('excel_97') }),
  z.object({ code: z.literal('not_a_statement') }),
  z.object({ code: z.literal('not_a_zip') }),
  z.object({ code: z.literal('unpacks_too_large'), mb: z.number(), maxMb: z.number() }),
  z.object({ code: z.literal('workbook_unreadable') }),
  z.object({ code: z.literal('no_table') }),
  z.object({ code: z.literal('no_header'), rows: z.number() }),
  z.object({ code: z.literal('header_lacks'), line: z.number(), missing: Missing }),
  z.object({ code: z.literal('chosen_columns_lack'), missing: Missing }),
  z.object({ code: z.literal('not_an_amount'), line: z.number(), text: z.string() }),
  z.object({ code: z.literal('not_a_date'), line: z.number(), text: z.string() }),
  z.object({ code: z.literal('broken_record'), line: z.number(), format: RecordFormat }),
  z.object({ code: z.literal('no_records'), format: RecordFormat }),
  z.object({ code: z.literal('nothing_to_map') }),
]) satisfies z.ZodType<StatementProblem>;

const MovementSchema = z.object({ line: z.number(), date: z.string(), reference: z.string(), description: z.string(), amount: z.string(), direction: z.enum(['credit', 'debit']) });

export const StatementPreviewSchema = z.object({
  format: z.enum(STATEMENT_FORMATS),
  /** A file with these bytes was imported before: importing it again adds nothing. */
  known: z.boolean(),
  movements: z.number(),
  credits: z.number(),
  first: z.array(MovementSchema),
  /** Tables only (CSV, workbooks, web pages). */
  table: z
    .object({
      name: z.string(),
      header: z.array(z.string()),
      headerLine: z.number(),
      mapping: MappingShape,
      mappingFrom: z.enum(['remembered', 'recognised', 'guessed']),
      decimalMark: z.enum([',', '.']),
      dateOrder: z.enum(['dmy', 'mdy', 'ymd']),
      skipped: z.number(),
      sample: z.array(z.object({ line: z.number(), cells: z.array(z.string()) })),
      /** Why no movement can be read with these columns, or null. */
      problem: StatementProblemSchema.nullable(),
    })
    .nullable(),
});
