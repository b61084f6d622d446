// The locale keys, typed from the English messages file: `t('typo')` does not compile.
import type messages from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;
