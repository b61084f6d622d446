// An import that cannot be read must say where: people fix these files by hand.

export type CookieFormat = 'netscape' | 'json' | 'header';

export interface CookieFormatErrorLocation {
  format?: CookieFormat;
  /** 1-based line of the input. */
  line?: number;
  column?: number;
  /** JSON path such as `$[2].expirationDate`. */
  path?: string;
}

export class CookieFormatError extends Error {
  readonly format?: CookieFormat;
  readonly line?: number;
  readonly column?: number;
  readonly path?: string;

  constructor(problem: string, where: CookieFormatErrorLocation = {}) {
    const at =
      where.path ??
      (where.line !== undefined
        ? `Line ${where.line}${where.column !== undefined ? `, column ${where.column}` : ''}`
        : undefined);
    super(at ? `${at}: ${problem}` : problem);
    this.name = 'CookieFormatError';
    if (where.format !== undefined) this.format = where.format;
    if (where.line !== undefined) this.line = where.line;
    if (where.column !== undefined) this.column = where.column;
    if (where.path !== undefined) this.path = where.path;
  }
}
