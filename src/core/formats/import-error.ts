// One error class for every refused import, so callers catch one thing and can show a person
// which file, where in it, and what is wrong.
import type * as v from 'valibot';

export class ImportError extends Error {
  override readonly name = 'ImportError';
  /** The file's name as given to parseImport. */
  readonly file: string;
  /** "line 12", "line 1, column 68" or a JSON path like "$[0].windows.123.456.url"; '' for the whole file. */
  readonly place: string;
  /** What is wrong, in words. */
  readonly problem: string;

  constructor(file: string, place: string, problem: string) {
    super(place ? `${file}, ${place}: ${problem}` : `${file}: ${problem}`);
    this.file = file;
    this.place = place;
    this.problem = problem;
  }
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
  file: string,
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
    return new ImportError(file, jsonPath(keys), `missing field ${JSON.stringify(String(missing))}`);
  }
  return new ImportError(file, jsonPath(keys), issue.message);
}
