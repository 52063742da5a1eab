/** RFC 4180 CSV parsing with the line each record starts on, so errors can name it. */
import { InputError } from '../model/errors.ts';

/** The longest cell accepted: real cells run to a few KB (Epoch abstracts); 50 MB in one cell is not data. */
export const MAX_CELL_CHARS = 1 << 20;

export interface CsvRecord {
  /** 1-based line number where the record starts (the header is line 1). */
  line: number;
  cells: string[];
}

/**
 * Parses CSV text: quoted cells may hold commas, doubled quotes and line breaks. A UTF-8 BOM is skipped.
 * An unterminated quote (a truncated file) or a record with a wrong number of cells is an InputError.
 */
export function parseCsv(text: string, file: string): { header: string[]; records: CsvRecord[] } {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let line = 1;
  const rows: CsvRecord[] = [];
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    for (;;) {
      let cell = '';
      if (text[i] === '"') {
        // A quoted cell is taken a stretch at a time, from quote to quote (a doubled quote joins two stretches): cells
        // of several KB (Epoch's abstracts) are sliced, not built a character at a time.
        const quoteLine = line;
        i++;
        for (;;) {
          const quote = text.indexOf('"', i);
          const end = quote < 0 ? n : quote;
          if (cell.length + (end - i) > MAX_CELL_CHARS) {
            throw new InputError(file, quoteLine, null, `a cell is longer than ${MAX_CELL_CHARS} characters`);
          }
          if (quote < 0) throw new InputError(file, quoteLine, null, 'quoted cell is never closed (truncated file?)');
          for (let k = i; k < quote; k++) {
            const c = text.charCodeAt(k);
            if (c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10)) line++;
          }
          cell += text.slice(i, quote);
          if (text[quote + 1] === '"') {
            cell += '"';
            i = quote + 2;
            continue;
          }
          i = quote + 1;
          break;
        }
        if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          throw new InputError(file, line, null, 'unexpected text after a closing quote');
        }
      } else {
        let j = i;
        while (j < n && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') j++;
        cell = text.slice(i, j);
        if (cell.length > MAX_CELL_CHARS)
          throw new InputError(file, line, null, `a cell is longer than ${MAX_CELL_CHARS} characters`);
        if (cell.includes('"')) throw new InputError(file, line, null, 'quote inside an unquoted cell');
        i = j;
      }
      cells.push(cell);
      if (text[i] === ',') {
        i++;
        continue;
      }
      // A record ends at CRLF, LF, or a lone CR (old Mac files): each counts as one line.
      if (text[i] === '\r') {
        i++;
        if (text[i] === '\n') i++;
        line++;
      } else if (text[i] === '\n') {
        i++;
        line++;
      }
      break;
    }
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: start, cells });
  }
  const header = rows.shift();
  if (!header) throw new InputError(file, null, null, 'file is empty (no header)');
  for (const r of rows) {
    if (r.cells.length !== header.cells.length) {
      throw new InputError(
        file,
        r.line,
        null,
        `expected ${header.cells.length} cells as in the header, found ${r.cells.length} (truncated or broken quoting?)`,
      );
    }
  }
  return { header: header.cells.map((h) => h.trim()), records: rows };
}
