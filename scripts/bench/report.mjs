// Figures and the results table. A row is { label, figures, goal? }.

export const ms = (value) => `${Math.round(value)} ms`;

/** Decimal megabytes, so a figure never looks smaller than the goal it is read against. */
export const megabytes = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

export function median(values) {
  return percentile(values, 50);
}

/** Nearest-rank percentile. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function formatTable(title, rows) {
  const labelWidth = Math.max(...rows.map((row) => row.label.length));
  const figuresWidth = Math.max(...rows.filter((row) => row.goal).map((row) => row.figures.length));
  const lines = rows.map((row) => {
    const figures = row.goal
      ? `${row.figures.padEnd(figuresWidth)}   (goal ${row.goal})`
      : row.figures;
    return `${row.label.padEnd(labelWidth)}   ${figures}`;
  });
  return [title, ...lines].join('\n');
}

/** One overwritten status line on a terminal's stderr; nothing when piped. */
export function progress(text) {
  if (!process.stderr.isTTY) return;
  process.stderr.write(`\r\x1b[K${text ? `bench: ${text}` : ''}`);
}
