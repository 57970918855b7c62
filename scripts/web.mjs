// npm run web [-- --port N --data-dir DIR --demo]: build, then run browser mode on 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')

export function build() {
  const result = spawnSync('electron-vite', ['build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

export function runWeb(args) {
  const child = spawn(process.execPath, [path.join(root, 'out/main/web.js'), ...args], {
    cwd: root,
    stdio: 'inherit',
  })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

if (import.meta.main) {
  build()
  runWeb(process.argv.slice(2))
}
