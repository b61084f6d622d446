// Reads JSON from an untrusted file. JSON.parse says *that* a file is broken but, depending on the
// engine, not always *where*; a person fixing a cut-off export needs the line and column, so on a
// failure a small scanner walks the text again to find the first bad character.
import { ImportError, lineColumnAt } from './import-error.ts';
import { msg, type Substitution, type UserMessage } from '../user-error.ts';

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

export function parseJsonText(file: Substitution, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const { offset, problem } = findJsonError(text);
    const { line, column } = lineColumn(text, offset);
    throw new ImportError(file, lineColumnAt(line, column), msg('importNotJson', problem));
  }
}

const WS = new Set([' ', '\t', '\n', '\r']);
const CUT = msg('jsonCut');

function describe(ch: string): UserMessage {
  return ch === '' ? CUT : msg('jsonUnexpectedCharacter', JSON.stringify(ch));
}

export interface JsonError {
  offset: number;
  problem: UserMessage;
}

/**
 * The offset of the first syntax error in `text` and what it is. Iterative (an explicit stack), so
 * deeply nested garbage cannot overflow the call stack.
 */
export function findJsonError(text: string): JsonError {
  let i = 0;
  const n = text.length;
  // What the scanner expects next inside each open container.
  const stack: ('array' | 'object')[] = [];
  const skipWs = (): void => {
    while (i < n && WS.has(text[i] ?? '')) i++;
  };
  const fail = (problem?: UserMessage): JsonError => ({
    offset: Math.min(i, n),
    problem: problem ?? describe(text[i] ?? ''),
  });

  // Returns an error or undefined after consuming one string starting at text[i] === '"'.
  const scanString = (): JsonError | undefined => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c === 0x5c) {
        const e = text[i + 1] ?? '';
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 2;
            return fail(i >= n ? CUT : msg('jsonBadUnicodeEscape'));
          }
          i += 6;
        } else if ('"\\/bfnrt'.includes(e) && e !== '') {
          i += 2;
        } else {
          i++;
          return fail(i >= n ? CUT : msg('jsonBadEscape', `\\${e}`));
        }
        continue;
      }
      if (c < 0x20) {
        // A line break inside a string with nothing but whitespace after it: the file was cut.
        return fail(text.slice(i).trim() === '' ? CUT : msg('jsonControlCharacter'));
      }
      i++;
    }
    return fail(CUT);
  };
  /** A `"key":` inside an object, up to the value. */
  const scanKey = (): JsonError | undefined => {
    if (text[i] !== '"') return fail(text[i] === undefined ? CUT : msg('jsonExpectedKey'));
    const e = scanString();
    if (e) return e;
    skipWs();
    if (text[i] !== ':') return fail(text[i] === undefined ? CUT : msg('jsonExpectedColon'));
    i++;
    return undefined;
  };

  const scanValue = (): JsonError | 'open' | undefined => {
    skipWs();
    const c = text[i] ?? '';
    if (c === '"') return scanString();
    if (c === '{' || c === '[') {
      stack.push(c === '{' ? 'object' : 'array');
      i++;
      return 'open';
    }
    const lit = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (lit) {
      i += lit[0].length;
      return undefined;
    }
    return fail();
  };

  // After a value: close containers or expect a separator.
  let r = scanValue();
  if (r !== undefined && r !== 'open') return r;
  for (;;) {
    if (r === 'open') {
      // Just opened a container: it may close at once.
      skipWs();
      const top = stack[stack.length - 1];
      const close = top === 'object' ? '}' : ']';
      if (text[i] === close) {
        stack.pop();
        i++;
      } else if (top === 'object') {
        const e = scanKey();
        if (e) return e;
        r = scanValue();
        if (r !== undefined && r !== 'open') return r;
        continue;
      } else {
        r = scanValue();
        if (r !== undefined && r !== 'open') return r;
        continue;
      }
    }
    // A value is complete.
    skipWs();
    const top = stack[stack.length - 1];
    if (top === undefined) {
      if (i < n) return fail(msg('jsonTextAfterEnd'));
      // JSON.parse failed, yet the scan found nothing: report the end rather than claim success.
      return { offset: n, problem: msg('jsonInvalid') };
    }
    const c = text[i];
    if (c === undefined) return fail(CUT);
    if (c === ',') {
      i++;
      skipWs();
      if (top === 'object') {
        const e = scanKey();
        if (e) return e;
      }
      r = scanValue();
      if (r !== undefined && r !== 'open') return r;
      continue;
    }
    if ((top === 'object' && c === '}') || (top === 'array' && c === ']')) {
      stack.pop();
      i++;
      r = undefined;
      continue;
    }
    return fail(msg('jsonExpectedCommaOr', top === 'object' ? '}' : ']'));
  }
}
