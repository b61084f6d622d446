import { describe, expect, it } from 'vitest';
import { ImportError, parseImport } from '../../../../src/core/formats/index.ts';
import { findJsonError, lineColumn } from '../../../../src/core/formats/json-text.ts';
import { english } from '../../support/english.ts';
import { idOptions } from '../../support/format-helpers.ts';

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
    expect(english(e.userMessage)).toBe(
      'Could not import list.json at line 4, column 1: not valid JSON: unexpected character "]". Nothing was stored.',
    );
  });

  it('a file cut inside an object', () => {
    const e = importError('cut.json', '{"format":"tabularium","sessions":[{"session":');
    expect(e.place).toEqual({ key: 'importPlaceLineColumn', substitutions: [1, 47] });
    expect(english(e.problem)).toMatch(/cut off/);
  });

  it('text after the value, a missing colon, a bad escape', () => {
    const found = (text: string) => {
      const { offset, problem } = findJsonError(text);
      return { offset, problem: english(problem) };
    };
    expect(found('{"a":1} x')).toEqual({ offset: 8, problem: 'unexpected text after the end of the JSON value' });
    expect(found('{"a" 1}')).toEqual({ offset: 5, problem: 'expected ":" after a key' });
    expect(found('["\\q"]').problem).toBe('bad escape "\\q" in a string');
    expect(found('[1 2]')).toEqual({ offset: 3, problem: 'expected "," or "]"' });
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
