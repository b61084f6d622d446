// RFC 4180 CSV: comma-separated, fields optionally in double quotes, "" for a quote inside quotes,
// line breaks allowed inside quotes. Written as a loop over characters: no regex backtracking on
// hostile input.

export interface CsvRow {
  fields: string[];
  /** 1-based line where the row starts, for messages. */
  line: number;
}

export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field: string[] = [];
  let i = 0;
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let touched = false;
  const endField = (): void => {
    fields.push(field.join(''));
    field = [];
  };
  const endRow = (): void => {
    endField();
    // A blank line is not a row of one empty field.
    if (touched || fields.length > 1 || fields[0] !== '') rows.push({ fields, line: rowLine });
    fields = [];
    touched = false;
  };
  while (i < text.length) {
    const c = text[i] ?? '';
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field.push('"');
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === '\n') line++;
        field.push(c);
      }
      i++;
      continue;
    }
    if (c === '"') {
      quoted = true;
      touched = true;
    } else if (c === ',') {
      endField();
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      field.push(c);
    }
    i++;
  }
  if (touched || field.length > 0 || fields.length > 0) endRow();
  return rows;
}
