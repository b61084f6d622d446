import { describe, expect, it } from 'vitest';
import { ImportError, parseImport } from '../../../src/core/formats/index.ts';
import { findJsonError, lineColumn } from '../../../src/core/formats/json-text.ts';
import { idOptions } from './helpers.ts';

function importError(name: string, text: string): ImportError {
  try {
    parseImport([{ name, text }], idOptions());
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}

describe('where broken JSON breaks', () => {
  it('finds the line and column even when the engine does not say', () => {
    const e = importError('list.json', '[\n  1,\n  2,\n]');
    expect(e.place).toBe('line 4, column 1');
    expect(e.problem).toBe('not valid JSON: unexpected character "]"');
  });

  it('a file cut inside an object', () => {
    const e = importError('cut.json', '{"format":"tabularium","sessions":[{"session":');
    expect(e.place).toBe('line 1, column 47');
    expect(e.problem).toMatch(/cut off/);
  });

  it('text after the value, a missing colon, a bad escape', () => {
    expect(findJsonError('{"a":1} x')).toEqual({
      offset: 8,
      problem: 'unexpected text after the end of the JSON value',
    });
    expect(findJsonError('{"a" 1}')).toEqual({ offset: 5, problem: 'expected ":" after a key' });
    expect(findJsonError('["\\q"]').problem).toBe('bad escape "\\q" in a string');
    expect(findJsonError('[1 2]')).toEqual({ offset: 3, problem: 'expected "," or "]"' });
  });

  it('counts lines from 1 and columns from 1', () => {
    expect(lineColumn('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab\ncd\nef', 8)).toEqual({ line: 3, column: 3 });
  });

  it('a BOM before JSON is fine', () => {
    const p = parseImport([{ name: 'b.json', text: '\ufeff[]' }], idOptions());
    expect(p.format).toBe('tab-session-manager');
    expect(p.sessions).toEqual([]);
  });
});
