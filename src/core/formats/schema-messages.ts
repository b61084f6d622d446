// What the JSON formats' schemas say about a value that does not fit, as valibot messages that
// stand for locale messages (see schemaMessage). The place (a JSON path) names the field, so the
// words only say what was expected there.
import { schemaMessage } from './import-error.ts';
import { msg } from '../user-error.ts';

export const EXPECTED = {
  string: schemaMessage(msg('schemaString')),
  number: schemaMessage(msg('schemaNumber')),
  wholeNumber: schemaMessage(msg('schemaWholeNumber')),
  boolean: schemaMessage(msg('schemaBoolean')),
  numberOrDate: schemaMessage(msg('schemaNumberOrDate')),
  stringOrNumber: schemaMessage(msg('schemaStringOrNumber')),
  stringsOrString: schemaMessage(msg('schemaStringsOrString')),
  timestamp: schemaMessage(msg('schemaTimestamp')),
  object: schemaMessage(msg('schemaObject')),
  array: schemaMessage(msg('schemaArray')),
  sessions: schemaMessage(msg('schemaSessions')),
  session: schemaMessage(msg('schemaSession')),
  item: schemaMessage(msg('schemaItem')),
  window: schemaMessage(msg('schemaWindow')),
  tabs: schemaMessage(msg('schemaTabs')),
  tab: schemaMessage(msg('schemaTab')),
  group: schemaMessage(msg('schemaGroup')),
} as const;

export const NOT_A_DATE = schemaMessage(msg('schemaNotDate'));
export const EMPTY = schemaMessage(msg('schemaEmpty'));
export const TOO_LONG = schemaMessage(msg('schemaTooLong'));
export const NEGATIVE = schemaMessage(msg('schemaNegative'));

/** "expected one of normal, popup": the values are the file's own words, not English. */
export function oneOf(values: readonly (string | number)[]): string {
  return schemaMessage(msg('schemaOneOf', values.join(', ')));
}

/** "expected "tabularium"": the one value a field may hold. */
export function exactly(value: string | number): string {
  return schemaMessage(msg('schemaExactly', JSON.stringify(value)));
}
