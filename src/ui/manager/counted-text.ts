// Counted words in the page's plural form ("1 selected", "1,000 selected").
import { counted, type Substitution } from '../../core/user-error.ts';
import { render } from '../i18n.ts';
import type { MessageKey } from '../message-keys.ts';

const number = new Intl.NumberFormat();

export function countedText(count: number, one: MessageKey, other: MessageKey, ...rest: Substitution[]): string {
  const m = counted(count, one, other, ...rest);
  return render({ ...m, substitutions: [number.format(count), ...rest] });
}
