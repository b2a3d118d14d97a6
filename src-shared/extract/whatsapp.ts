/**
 * WhatsApp metadata in the intake file name (../shared/docs/domain.md, legacy seed 000 §2.3.1):
 *   {fechasorteo}-{numerosorteo}--{idWhatsapp}_{nombre}_{horamin}[_{anything}].{ext}
 *   20250711-A--123456@lid_Juan_14-30.png
 * Values are corrected where the convention allows (a digit 1-9 becomes the letter A-I,
 * DD/MM/YYYY and DD-MM-YYYY become YYYYMMDD, @c.us becomes @lid, HH:MM becomes HH-MM, the first
 * letter of the name is capitalised), and every correction is reported: nothing silently. The
 * top-level values are the corrected ones; `validation.corrections` keeps what the name said.
 */
import * as z from 'zod';

export const METADATA_FIELDS = ['numerosorteo', 'fechasorteo', 'idWhatsapp', 'nombre', 'horamin'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

const Issue = z.object({ field: z.enum(METADATA_FIELDS), code: z.string(), message: z.string() });
export const WhatsappMetadataSchema = z.object({
  numerosorteo: z.string(),
  fechasorteo: z.string(),
  idWhatsapp: z.string(),
  nombre: z.string(),
  horamin: z.string(),
  validation: z.object({
    valid: z.boolean(),
    errors: z.array(Issue),
    warnings: z.array(Issue),
    /** Each automatic correction: what the file name said, and what it now reads. */
    corrections: z.partialRecord(z.enum(METADATA_FIELDS), z.object({ from: z.string(), to: z.string() })),
    /** The five values after the corrections (the legacy `metadata_corregido`; also the values above). */
    corrected: z.object(Object.fromEntries(METADATA_FIELDS.map((f) => [f, z.string()])) as Record<MetadataField, z.ZodString>),
  }),
});
export type WhatsappMetadata = z.infer<typeof WhatsappMetadataSchema>;
type MetadataIssue = z.infer<typeof Issue>;

/** The five parts of a name that follows the convention, or null. */
export function splitIntakeName(fileName: string): Record<MetadataField, string> | null {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const anchor = base.indexOf('--');
  if (anchor < 0) return null;
  const left = base.slice(0, anchor);
  const dash = left.lastIndexOf('-');
  if (dash <= 0) return null;
  const parts = base.slice(anchor + 2).split('_');
  // The time closes the name: names with underscores keep them until the HH-MM (or HH:MM) part.
  const timeAt = parts.findIndex((p, i) => i >= 2 && /^\d{1,2}[-:]\d{2}$/.test(p));
  const end = timeAt >= 0 ? timeAt : 2;
  if (parts.length < 3 || !parts[0] || end < 2) return null;
  return {
    fechasorteo: left.slice(0, dash),
    numerosorteo: left.slice(dash + 1),
    idWhatsapp: parts[0],
    nombre: parts.slice(1, end).join(' '),
    horamin: parts[end]!,
  };
}

const isRealDate = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();

export function validateMetadata(raw: Record<MetadataField, string>): WhatsappMetadata {
  const errors: MetadataIssue[] = [];
  const warnings: MetadataIssue[] = [];
  const corrections: WhatsappMetadata['validation']['corrections'] = {};
  const values = { ...raw };
  const correct = (field: MetadataField, to: string, message: string) => {
    corrections[field] = { from: values[field], to };
    warnings.push({ field, code: 'corrected', message });
    values[field] = to;
  };

  const n = values.numerosorteo.trim();
  if (/^[1-9]$/.test(n)) correct('numerosorteo', String.fromCharCode(64 + Number(n)), `numerosorteo "${n}" corregido a "${String.fromCharCode(64 + Number(n))}"`);
  else if (!/^[A-Z]$/.test(n) && !/^(0[1-9]|[1-9]\d)$/.test(n)) errors.push({ field: 'numerosorteo', code: 'format', message: `numerosorteo "${n}" debe ser A-Z o 01-99` });

  const f = values.fechasorteo.trim();
  const dmy = f.match(/^(\d{2})[/-](\d{2})[/-](\d{4})$/);
  if (dmy) correct('fechasorteo', `${dmy[3]}${dmy[2]}${dmy[1]}`, `fechasorteo "${f}" corregida a "${dmy[3]}${dmy[2]}${dmy[1]}"`);
  const ymd = values.fechasorteo.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (!ymd) errors.push({ field: 'fechasorteo', code: 'format', message: `fechasorteo "${f}" debe tener el formato AAAAMMDD` });
  else if (!isRealDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]))) errors.push({ field: 'fechasorteo', code: 'range', message: `fechasorteo "${values.fechasorteo}" no es una fecha real` });

  const id = values.idWhatsapp.trim();
  if (id.endsWith('@c.us')) correct('idWhatsapp', id.replace(/@c\.us$/, '@lid'), 'idWhatsapp corregido de "@c.us" a "@lid"');
  else if (!id.includes('@')) correct('idWhatsapp', `${id}@lid`, `idWhatsapp "${id}" corregido a "${id}@lid"`);
  else if (!id.endsWith('@lid')) warnings.push({ field: 'idWhatsapp', code: 'suffix', message: `idWhatsapp "${id}" debería terminar en @lid` });

  const h = values.horamin.trim();
  if (/^\d{1,2}:\d{2}$/.test(h)) correct('horamin', h.replace(':', '-').padStart(5, '0'), `horamin "${h}" corregida a "${h.replace(':', '-').padStart(5, '0')}"`);
  else if (/^\d-\d{2}$/.test(h)) correct('horamin', `0${h}`, `horamin "${h}" corregida a "0${h}"`);
  const hm = values.horamin.match(/^(\d{2})-(\d{2})$/);
  if (!hm) errors.push({ field: 'horamin', code: 'format', message: `horamin "${values.horamin}" debe tener el formato HH-MM` });
  else if (Number(hm[1]) > 23 || Number(hm[2]) > 59) errors.push({ field: 'horamin', code: 'range', message: `horamin "${values.horamin}" está fuera de rango` });

  const name = values.nombre.trim();
  if (name.length < 2) warnings.push({ field: 'nombre', code: 'short', message: `nombre "${name}" es muy corto` });
  else if (name.length > 50) warnings.push({ field: 'nombre', code: 'long', message: `nombre "${name}" es muy largo` });
  const first = name.charAt(0);
  if (first && first !== first.toUpperCase()) correct('nombre', first.toUpperCase() + name.slice(1), `nombre capitalizado: "${name}" → "${first.toUpperCase() + name.slice(1)}"`);

  return { ...values, validation: { valid: errors.length === 0, errors, warnings, corrections, corrected: { ...values } } };
}

/** Metadata of an intake file name, or {} when the name does not follow the convention. */
export function whatsappMetadata(fileName: string): WhatsappMetadata | Record<string, never> {
  const parts = splitIntakeName(fileName);
  return parts ? validateMetadata(parts) : {};
}
