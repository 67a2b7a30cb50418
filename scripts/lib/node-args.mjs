// The production server's node flags, used by `npm start` and by every script that starts the server (benchmarks,
// browser tests), so what is measured is what runs.
//
// --max-semi-space-size=2: V8's young generation grows to 3 x 16 MB by default. A request's garbage dies young either
// way; with 2 MB semi-spaces it is collected more often in a smaller space, and the process's resident memory at
// national scale fell by about 50 MB (peak during an export 355-376 -> 298-320 MB, docs/benchmarks.md).
export const serverNodeArgs = ["--max-semi-space-size=2"];
