/**
 * RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF), as the booking system and
 * spreadsheet programs write it. Pure; a malformed file throws a CsvError carrying the line
 * number and a Chinese message for whoever fixes the file.
 */
export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** RFC 4180 records, each with the line it starts on. Blank lines are skipped. */
export function parseCsvRecords(text: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let touched = false; // the record has content (so a lone empty line is skipped)
  const endRecord = (): void => {
    cells.push(cell);
    if (touched || cells.length > 1) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    touched = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === '"') {
      if (cell.trim() !== '') throw new CsvError(line, `第 ${line} 行有一个引号出现在字段中间，请用两个引号 "" 表示引号本身，或把整个字段放在引号中`);
      cell = '';
      quoted = true;
      quoteLine = line;
      touched = true;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
      touched = true;
    } else if (c === '\r' && text[i + 1] === '\n') {
      // CRLF: the LF ends the record
    } else if (c === '\n' || c === '\r') {
      endRecord();
      line++;
      recordLine = line;
    } else {
      if (c !== ' ' && c !== '\t') touched = true;
      cell += c;
    }
  }
  if (quoted) throw new CsvError(quoteLine, `第 ${quoteLine} 行开始的引号没有结束，文件可能被截断或引号不成对，请重新导出`);
  if (touched || cells.length > 0 || cell.trim() !== '') endRecord();
  return records;
}
