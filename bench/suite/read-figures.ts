// Reads the figures a benchmark printed. The suite's format is one figure per line,
// `name: value unit` (bench/README.md): a name, a number (commas allowed), one word of
// unit. A benchmark that prints its figures otherwise has a reader of its own (definitions.ts) that
// turns its lines into the same names; a `name: value unit` line wins over what a reader found.

/** `intake calls/s: 212.4 calls/s`, `dashboard default p95: 3.21 ms`. */
const FIGURE_LINE = /^([A-Za-z][A-Za-z0-9 ,._/()'=+%-]*?): (-?[0-9][0-9,]*(?:\.[0-9]+)?) (\S+)$/;

export type LegacyReader = (lines: string[]) => Iterable<[string, number]>;

export function readFigures(lines: string[], legacy?: LegacyReader): Map<string, number> {
  const figures = new Map<string, number>(legacy ? [...legacy(lines)] : []);
  for (const line of lines) {
    const match = FIGURE_LINE.exec(line.trim());
    if (match) figures.set(match[1], Number(match[2].replace(/,/g, "")));
  }
  return figures;
}

/** A number as benchmarks print them: `1,234.5`. */
export const number = (text: string) => Number(text.replace(/,/g, ""));
