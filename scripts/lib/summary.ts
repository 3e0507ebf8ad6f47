import type { Counts } from "./reports";

export interface StepResult extends Counts {
  name: string;
  seconds: number;
}

/** The table printed at the end, then the closing line CI reads: it must be the very last line of output. */
export function printSummary(results: StepResult[]): { passed: number; failed: number } {
  const rows = results.map((r) => [
    r.name,
    r.failed > 0 ? "FAILED" : "ok",
    String(r.passed),
    String(r.failed),
    `${r.seconds.toFixed(1)}s`,
    r.note ?? "",
  ]);
  const header = ["step", "result", "passed", "failed", "time", "note"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd();
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  const failures = results.flatMap((r) => (r.failures ?? []).map((failure) => `  ${r.name}: ${failure}`));
  if (failures.length > 0) console.log(["", "failed tests:", ...failures].join("\n"));
  console.log(["", line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line), ""].join("\n"));
  console.log(`${passed} passed, ${failed} failed`);
  return { passed, failed };
}
