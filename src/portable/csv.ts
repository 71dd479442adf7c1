/**
 * RFC 4180 CSV: cells split by commas, records by CRLF or LF (a lone CR too); a quoted cell may hold commas,
 * line breaks and doubled quotes. Lenient where it costs nothing: a quote inside an unquoted cell is a
 * character like any other. Every cell is found with `indexOf` or a character-class search, so the time
 * stays linear whatever the quoting.
 */
export interface CsvRecord {
  /** The physical line the record starts on. */
  line: number;
  cells: string[];
}

export interface CsvBreak {
  line: number;
  problem: "problem-csv-unclosed-quote" | "problem-csv-after-quote";
}

const CELL_END = /[,\r\n]/gu;
const LINE_BREAK = /\r\n?|\n/gu;

interface Cursor {
  text: string;
  at: number;
  line: number;
}

/** Where the current physical line ends, past its line break. */
function nextLineStart(cursor: Cursor, from: number): { at: number; found: boolean } {
  LINE_BREAK.lastIndex = from;
  const match = LINE_BREAK.exec(cursor.text);
  return match ? { at: LINE_BREAK.lastIndex, found: true } : { at: cursor.text.length, found: false };
}

function countLineBreaks(text: string): number {
  return text.match(LINE_BREAK)?.length ?? 0;
}

/** A quoted cell from its opening quote; null when it never closes. */
function quotedCell(cursor: Cursor): string | null {
  const { text } = cursor;
  let value = "";
  let from = cursor.at + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote === -1) return null;
    value += text.slice(from, quote);
    if (text[quote + 1] !== '"') {
      cursor.at = quote + 1;
      cursor.line += countLineBreaks(value);
      return value;
    }
    value += '"';
    from = quote + 2;
  }
}

function plainCell(cursor: Cursor): string {
  CELL_END.lastIndex = cursor.at;
  const end = CELL_END.exec(cursor.text)?.index ?? cursor.text.length;
  const value = cursor.text.slice(cursor.at, end);
  cursor.at = end;
  return value;
}

/** Drops the rest of the physical line the cursor is on, after a record that could not be read. */
function skipLine(cursor: Cursor): void {
  const next = nextLineStart(cursor, cursor.at);
  cursor.at = next.at;
  if (next.found) cursor.line++;
}

function readRecord(cursor: Cursor): CsvRecord | CsvBreak {
  const line = cursor.line;
  const cells: string[] = [];
  for (;;) {
    if (cursor.text[cursor.at] === '"') {
      const value = quotedCell(cursor);
      // Nothing closes the quote: the rest of the file would be one cell, so read on from the next line instead.
      if (value === null) return (skipLine(cursor), { line, problem: "problem-csv-unclosed-quote" });
      cells.push(value);
    } else cells.push(plainCell(cursor));
    const after = cursor.text[cursor.at];
    if (after === ",") {
      cursor.at++;
      continue;
    }
    if (after !== undefined && after !== "\r" && after !== "\n") {
      return (skipLine(cursor), { line, problem: "problem-csv-after-quote" });
    }
    skipLine(cursor);
    return { line, cells };
  }
}

export function* csvRecords(text: string): Generator<CsvRecord | CsvBreak> {
  const cursor: Cursor = { text: text.replace(/^\uFEFF/u, ""), at: 0, line: 1 };
  while (cursor.at < cursor.text.length) {
    const char = cursor.text[cursor.at];
    // An empty line is no record, and a file of millions of them must not cost a record each.
    if (char === "\n" || char === "\r") {
      cursor.at += char === "\r" && cursor.text[cursor.at + 1] === "\n" ? 2 : 1;
      cursor.line++;
      continue;
    }
    const record = readRecord(cursor);
    // An empty line is no record.
    if ("cells" in record && record.cells.length === 1 && record.cells[0] === "") continue;
    yield record;
  }
}

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or CR) as a formula; linklog writes such a cell
 * with a leading apostrophe, which spreadsheets show as text. A cell already starting with apostrophes before
 * one of those gets one more, so reading drops exactly one and every text comes back as it was.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/u;

export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function restoreFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell;
}

/** One record, CRLF-terminated; a cell is quoted when it holds a quote, comma or line break, or space at an end some readers trim. */
export function csvLine(cells: readonly string[]): string {
  const written = cells.map((raw) => {
    const cell = neutralizeFormula(raw);
    return /[",\r\n]|^\s|\s$/u.test(cell) ? `"${cell.replace(/"/gu, '""')}"` : cell;
  });
  return `${written.join(",")}\r\n`;
}
