// One error class for every refused import, so callers catch one thing and can show a person
// which file, where in it, and what is wrong — in the page's language: the problem is a message
// and the place is a JSON path (not words) or a "line N" message.
import type * as v from 'valibot';
import { logText, msg, UserError, type Substitution, type UserMessage } from '../user-error.ts';

/** A JSON path like "$[0].windows.123.456.url", a "line N" message, or '' for the whole file. */
export type Place = string | UserMessage;

export function lineAt(line: number): UserMessage {
  return msg('importPlaceLine', line);
}

export function lineColumnAt(line: number, column: number): UserMessage {
  return msg('importPlaceLineColumn', line, column);
}

export class ImportError extends UserError {
  override readonly name = 'ImportError';
  /** The file's name as given to parseImport (a message when it had none). */
  readonly file: Substitution;
  readonly place: Place;
  /** What is wrong. */
  readonly problem: UserMessage;

  constructor(file: Substitution, place: Place, problem: UserMessage) {
    super('invalid', place ? msg('ieImportErrorAt', file, place, problem) : msg('ieImportErrorFile', file, problem));
    this.file = file;
    this.place = place;
    this.problem = problem;
  }
}

// valibot carries a string per issue; a schema's message is a token that names its UserMessage.
const schemaMessages = new Map<string, UserMessage>();

/** The message for a valibot schema or check: issueToError turns it back into `m`. */
export function schemaMessage(m: UserMessage): string {
  const token = logText(m);
  schemaMessages.set(token, m);
  return token;
}

/** What a valibot issue says is wrong (a schema without our message gets a general one). */
export function issueProblem(issue: v.BaseIssue<unknown>): UserMessage {
  return schemaMessages.get(issue.message) ?? msg('schemaInvalid');
}

const IDENT = /^[A-Za-z_$][\w$]*$|^\d+$/;

/** `$[0].windows.123` style: numbers of arrays in brackets, plain keys dotted, odd keys quoted. */
export function jsonPath(keys: readonly (string | number)[]): string {
  const parts = ['$'];
  for (const k of keys) {
    if (typeof k === 'number') parts.push(`[${k}]`);
    else if (IDENT.test(k)) parts.push(`.${k}`);
    else parts.push(`[${JSON.stringify(k)}]`);
  }
  return parts.join('');
}

/** Turns the first valibot issue into an ImportError that points at the offending value. */
export function issueToError(
  file: Substitution,
  issue: v.BaseIssue<unknown>,
  prefix: readonly (string | number)[] = [],
): ImportError {
  const keys: (string | number)[] = [...prefix];
  for (const item of issue.path ?? []) {
    const k = item.key;
    keys.push(typeof k === 'number' || typeof k === 'string' ? k : String(k));
  }
  // valibot reports a missing key with the parent object's message; say what is actually missing.
  if (issue.input === undefined && issue.expected?.startsWith('"')) {
    const missing = keys.pop();
    return new ImportError(file, jsonPath(keys), msg('importMissingField', String(missing)));
  }
  return new ImportError(file, jsonPath(keys), issueProblem(issue));
}
