// An import that cannot be read must say where: people fix these files by hand.
import { msg, UserError, type UserMessage } from '../user-error.ts';

export type CookieFormat = 'netscape' | 'json' | 'header';

export interface CookieFormatErrorLocation {
  format?: CookieFormat;
  /** 1-based line of the input. */
  line?: number;
  column?: number;
  /** JSON path such as `$[2].expirationDate`. */
  path?: string;
}

export class CookieFormatError extends UserError {
  readonly format?: CookieFormat;
  readonly line?: number;
  readonly column?: number;
  readonly path?: string;
  /** What is wrong, without where. */
  readonly problem: UserMessage;

  constructor(problem: UserMessage, where: CookieFormatErrorLocation = {}) {
    const at =
      where.path ??
      (where.line === undefined
        ? undefined
        : where.column === undefined
          ? msg('cookieAtLine', where.line)
          : msg('cookieAtLineColumn', where.line, where.column));
    super('invalid', at === undefined ? problem : msg('cookieProblemAt', at, problem));
    this.name = 'CookieFormatError';
    this.problem = problem;
    if (where.format !== undefined) this.format = where.format;
    if (where.line !== undefined) this.line = where.line;
    if (where.column !== undefined) this.column = where.column;
    if (where.path !== undefined) this.path = where.path;
  }
}
