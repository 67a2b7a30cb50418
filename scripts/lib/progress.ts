/**
 * A progress bar on stderr (stdout stays free for results). On a terminal it redraws one line; otherwise (CI logs,
 * pipes) it prints a line each time another tenth is done or the phase changes.
 */
export function progressBar(label: string, out: NodeJS.WriteStream = process.stderr) {
  const started = performance.now();
  const tty = out.isTTY;
  let lastTenth = -1;
  let lastPhase = "";
  let lastDraw = 0;
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  return {
    update(fraction: number, phase: string, detail = "") {
      const f = Math.max(0, Math.min(1, fraction));
      const tenth = Math.floor(f * 10);
      if (tty) {
        const t = performance.now();
        if (t - lastDraw < 100 && f < 1 && phase === lastPhase) return;
        lastDraw = t;
        lastPhase = phase;
        const width = 30;
        const filled = Math.round(f * width);
        out.write(
          `\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${String(Math.floor(f * 100)).padStart(3)} % ${phase} ${detail} ${seconds()} s\x1b[K`,
        );
      } else if (tenth !== lastTenth || phase !== lastPhase) {
        lastTenth = tenth;
        lastPhase = phase;
        out.write(`${label} ${String(Math.floor(f * 100)).padStart(3)} % ${phase} ${detail} ${seconds()} s\n`);
      }
    },
    done(message: string) {
      out.write(`${tty ? "\r" : ""}${label} ${message} (${seconds()} s)${tty ? "\x1b[K" : ""}\n`);
    },
  };
}
