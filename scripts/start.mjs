// npm start: the desktop app with the local demo; browser mode where the Electron binary is absent.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { electronBinary } from './electron-binary.mjs'
import { build, runWeb } from './web.mjs'

const root = path.resolve(import.meta.dirname, '..')
const args = process.argv.slice(2)
build()
const binary = electronBinary(root)
if (binary) {
  const child = spawn(binary, ['.', '--demo', ...args], { cwd: root, stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  console.log(
    'lifeguard: the Electron binary is not available on this machine (it cannot be downloaded here), so Lifeguard starts in browser mode: open the URL below.',
  )
  runWeb(['--demo', ...args])
}
