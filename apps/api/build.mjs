// The API's production build: `pnpm --filter @movierec/api build` bundles our TypeScript (not the
// dependencies, which stay in node_modules) into dist/ with esbuild, so production runs plain
// `node dist/main.js` / `node dist/worker.js` with no compiler loaded at start.
// Decorator metadata is not emitted (esbuild cannot): every TypeGraphQL decorator names its type.
// It builds into a fresh folder and then swaps it in, so a process already running the old dist/
// (another benchmark, say) never finds its chunks gone halfway through.
import { build } from "esbuild";
import { renameSync, rmSync } from "node:fs";

const dist = new URL("./dist", import.meta.url).pathname;
const outdir = `${dist}.building-${process.pid}`;
rmSync(outdir, { recursive: true, force: true });
const started = Date.now();
const result = await build({
  entryPoints: {
    main: "src/main.ts",
    worker: "src/worker.ts",
    "ingest-cli": "src/modules/ingest/ingest.cli.ts",
    "model-cli": "src/modules/recommendations/model/model.cli.ts",
    "model-training-process": "src/modules/recommendations/model/training.process.ts",
  },
  absWorkingDir: new URL(".", import.meta.url).pathname,
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20.19",
  packages: "external",
  sourcemap: true,
  chunkNames: "chunks/[name]-[hash]",
  metafile: true,
  logLevel: "warning",
});
const old = `${dist}.old-${process.pid}`;
try {
  renameSync(dist, old);
} catch {
  // no earlier build
}
renameSync(outdir, dist);
rmSync(old, { recursive: true, force: true });
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + (output.bytes ?? 0), 0);
console.log(`[api build] dist/ ${(bytes / 1024).toFixed(0)} kB in ${Date.now() - started} ms`);
