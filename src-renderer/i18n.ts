/**
 * The window's words, in Spanish (the operators' language). One place, so a second language can
 * be added without touching the components.
 */
import type { FieldName } from '../src-shared/receipt/fields';

export const FIELD_LABELS: Record<FieldName, string> = {
  monto: 'Monto',
  referencia: 'Referencia',
  fecha: 'Fecha',
  hora_operacion: 'Hora',
  telefono: 'Teléfono',
  cedula: 'Cédula',
  banco_origen: 'Banco origen',
  banco_destino: 'Banco destino',
  cuenta_origen: 'Cuenta origen',
  cuenta_destino: 'Cuenta destino',
  concepto: 'Concepto',
  beneficiario: 'Beneficiario',
  tipo_transaccion: 'Tipo',
  identificador_fiscal: 'RIF',
  comprobante: 'Comprobante',
  canal_pago: 'Canal',
};

export const REVIEW_LABELS = { pending: 'Por revisar', approved: 'Aprobado', flagged: 'Marcado' } as const;

export const STATE_LABELS = { queued: 'En cola', processing: 'Leyendo', done: 'Leído', failed: 'Error' } as const;


/** What the operator reads for each error code; the core's own words stay in the tooltip. */
const ERROR_TEXT: Record<string, string> = {
  NOT_FOUND: 'El archivo ya no existe.',
  EMPTY_FILE: 'El archivo está vacío.',
  UNSUPPORTED_FORMAT: 'No es una imagen que Recibo pueda leer (PNG, JPEG, WebP, GIF, TIFF o AVIF).',
  CORRUPT_IMAGE: 'La imagen está dañada o incompleta.',
  TOO_LARGE: 'La imagen es demasiado grande (más de 16 MB o 40 megapíxeles).',
  TOO_SMALL: 'La imagen es demasiado pequeña para leerla.',
  WORKER_CRASHED: 'La lectura falló varias veces; puede volver a intentarla.',
  DISCONNECTED: 'Se perdió la conexión con Recibo.',
};

export const errorText = (e: { code: string; message: string }) => ERROR_TEXT[e.code] ?? e.message;
