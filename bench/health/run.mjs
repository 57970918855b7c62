#!/usr/bin/env node
/**
 * Builds the health benchmark (bench/health/health-bench.ts and the Lifeguard engine it imports)
 * into out/bench-health/health-bench.mjs with vite (rolldown; packages stay external), then runs
 * it in a child node, passing the arguments through. Usage: node bench/health/run.mjs [--rounds N]
 * Signals reaching this process are forwarded, so the child can stop what it started.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { build } from 'vite'

const root = path.resolve(import.meta.dirname, '..', '..')
const outDir = path.join(root, 'out', 'bench-health')

await build({
  configFile: false,
  root,
  logLevel: 'warn',
  build: {
    ssr: path.join(root, 'bench', 'health', 'health-bench.ts'),
    outDir,
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    sourcemap: true,
    rollupOptions: { output: { format: 'es', entryFileNames: '[name].mjs' } },
  },
})

const child = spawn(
  process.execPath,
  ['--enable-source-maps', path.join(outDir, 'health-bench.mjs'), ...process.argv.slice(2)],
  { stdio: 'inherit' },
)
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
  })
}
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 128 : 1)
})
