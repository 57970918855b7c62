/**
 * [E] The real Electron shell. Runs where the Electron binary exists; here (no binary can be
 * downloaded) it skips and prints why. The logic it would cover is unit-tested with fakes in
 * test/unit/window and test/unit/transport.
 */
import { _electron as electron, expect, test } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { electronBinary } from '../../scripts/electron-binary.mjs'

const root = path.resolve(import.meta.dirname, '../..')
const binary = electronBinary(root)
const reason = 'the Electron binary is not installed on this machine (it cannot be downloaded here)'

test('the desktop window is sandboxed and exposes only the typed API', async () => {
  if (!binary) console.log(`skipped desktop-shell.spec.ts: ${reason}`)
  test.skip(!binary, reason)
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeguard-electron-'))
  const app = await electron.launch({
    executablePath: binary as string,
    args: [root, `--user-data-dir=${userData}`],
  })
  try {
    const window = await app.firstWindow()
    const surface = await window.evaluate(() => ({
      hasProcess: typeof (globalThis as { process?: unknown }).process !== 'undefined',
      hasRequire: typeof (globalThis as { require?: unknown }).require !== 'undefined',
      frozen: Object.isFrozen((globalThis as { lifeguard?: object }).lifeguard),
      keys: Object.keys((globalThis as { lifeguard?: object }).lifeguard ?? {}).sort(),
    }))
    expect(surface.hasProcess).toBe(false)
    expect(surface.hasRequire).toBe(false)
    expect(surface.frozen).toBe(true)
    expect(surface.keys).toContain('listProfiles')
  } finally {
    await app.close()
    fs.rmSync(userData, { recursive: true, force: true })
  }
})
