#!/usr/bin/env node
/**
 * The UI benchmark: builds the app (electron-vite: out/main/web.js and the renderer), then bundles
 * bench/ui/ui-bench.ts into out/bench-ui and runs it.
 * Usage: node bench/ui/run.mjs [--quick] [--profiles N] [--dashboard-s S] [--profile-s S] ...
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { runBundled } from '../lib/run-bundled.mjs'

const root = path.resolve(import.meta.dirname, '..', '..')
const built = spawnSync('electron-vite', ['build', '--logLevel', 'warn'], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
})
if (built.status !== 0) {
  process.stderr.write('[ui-bench] the app did not build\n')
  process.exit(built.status ?? 1)
}
await runBundled({ entry: 'bench/ui/ui-bench.ts', outName: 'bench-ui' })
