/**
 * The 16 receipt fields, named as the legacy system named them so existing consumers keep
 * working (../shared/docs/domain.md). Order is the export order.
 */
export const FIELD_NAMES = [
  'monto',
  'referencia',
  'fecha',
  'hora_operacion',
  'telefono',
  'cedula',
  'banco_origen',
  'banco_destino',
  'cuenta_origen',
  'cuenta_destino',
  'concepto',
  'beneficiario',
  'tipo_transaccion',
  'identificador_fiscal',
  'comprobante',
  'canal_pago',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];
