/**
 * Builds one benchmark entry (and the Lifeguard engine it imports) with vite into out/<outName>
 * (rolldown; packages stay external), then runs it in a child node with the given node flags,
 * passing this process's arguments through. Signals reaching this process are forwarded, so the
 * child can stop what it started; its exit code becomes ours.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { build } from 'vite'

const root = path.resolve(import.meta.dirname, '..', '..')

/** @param {{ entry: string, outName: string, nodeFlags?: string[] }} options entry: relative to the repository root */
export async function runBundled({ entry, outName, nodeFlags = [] }) {
  const outDir = path.join(root, 'out', outName)
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      ssr: path.join(root, entry),
      outDir,
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      sourcemap: true,
      rollupOptions: { output: { format: 'es', entryFileNames: '[name].mjs' } },
    },
  })
  const bundle = path.join(outDir, `${path.basename(entry, '.ts')}.mjs`)
  const child = spawn(
    process.execPath,
    [...nodeFlags, '--enable-source-maps', bundle, ...process.argv.slice(2)],
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
}
