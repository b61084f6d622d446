// The locale keys, typed from the English messages file: a misspelt key does not compile.
import type messages from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;
