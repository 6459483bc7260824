import type { ImportProgress } from "@/lib/ingest/import-file";

function mib(n: number): string {
  return `${(n / 1048576).toFixed(1)} MiB`;
}

/** Renders import progress on stderr: a live bar on a terminal, a line every 5 s otherwise. */
export function createProgressBar(label: string) {
  const isTty = Boolean(process.stderr.isTTY);
  const started = Date.now();
  let lastLine = 0;
  let lastPhase = "";
  return {
    update(p: ImportProgress) {
      const secs = (Date.now() - started) / 1000;
      const rate = secs > 0 ? Math.round(p.records / secs) : 0;
      const frac = p.bytesTotal ? Math.min(1, p.bytesRead / p.bytesTotal) : 0;
      const eta = frac > 0 && p.phase === "reading" ? Math.round(secs / frac - secs) : null;
      const bar = `${"█".repeat(Math.round(frac * 20))}${"░".repeat(20 - Math.round(frac * 20))}`;
      const text = `${label} ${p.phase.padEnd(10)} ${bar} ${mib(p.bytesRead)}/${mib(p.bytesTotal)}  ${p.records.toLocaleString("en-US")} records  ${rate.toLocaleString("en-US")}/s${eta !== null ? `  ETA ${eta}s` : ""}`;
      if (isTty) process.stderr.write(`\r\x1b[2K${text}`);
      else if (Date.now() - lastLine > 5_000 || p.phase !== lastPhase) {
        lastLine = Date.now();
        lastPhase = p.phase;
        process.stderr.write(`${text}\n`);
      }
    },
    done() {
      if (isTty) process.stderr.write("\r\x1b[2K");
    },
  };
}
