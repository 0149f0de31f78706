/**
 * Rows as aligned lines for a terminal: cells two spaces apart, every column but the last as wide as its widest
 * cell (numbers right-aligned in the columns `rightAligned` names), trailing space trimmed.
 */
export function alignedRows(rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number> = new Set()): string[] {
  // A reduce, not Math.max(...): a report may have more rows than a call takes arguments.
  const widths = (rows[0] ?? []).map((_, column) => rows.reduce((width, row) => Math.max(width, row[column].length), 0));
  return rows.map((row) =>
    row
      .map((cell, column) => {
        if (column === row.length - 1) return cell;
        return rightAligned.has(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column]);
      })
      .join('  ')
      .trimEnd(),
  );
}
