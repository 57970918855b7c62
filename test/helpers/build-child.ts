/**
 * Bundles a child-process entry (and the engine code it imports) with vite's SSR build into a
 * fresh temp folder, as the health tests do for their pause child: Node's type stripping cannot
 * load the engine (extensionless imports, parameter properties). A node_modules link lets the
 * output import packages. Returns the .mjs path and a cleanup.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { build } from 'vite'

const root = path.resolve(import.meta.dirname, '../..')

export async function buildChild(entry: string): Promise<{ script: string; cleanup: () => void }> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-child-'))
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(outDir, 'node_modules'), 'dir')
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: false,
      target: 'node22',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: '[name].mjs' } },
    },
  })
  return {
    script: path.join(outDir, `${path.basename(entry, '.ts')}.mjs`),
    cleanup: () => fs.rmSync(outDir, { recursive: true, force: true }),
  }
}
