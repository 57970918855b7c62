/**
 * A fresh Monitor in a fresh temp folder for every test of a file, disposed (and the folder
 * removed) after each. Returns a stand-in that forwards to the current test's Monitor, so a test
 * file reads `const monitor = monitorPerTest(open)` and then uses `monitor` as usual.
 */
import { afterEach, beforeEach } from 'vitest'
import type { Monitor } from '../../src/main/engine/monitor/monitor'
import { tempDir } from './temp-dir'

export function monitorPerTest(open: (dataDir: string) => Monitor): Monitor {
  let current: Monitor | undefined
  let cleanup: (() => void) | undefined
  beforeEach(() => {
    const made = tempDir()
    cleanup = made.cleanup
    current = open(made.dir)
  })
  afterEach(async () => {
    await current?.dispose()
    current = undefined
    cleanup?.()
  })
  return new Proxy({} as Monitor, {
    get(_target, key) {
      if (!current) throw new Error('the Monitor exists only while a test runs')
      const value: unknown = Reflect.get(current, key, current)
      return typeof value === 'function' ? value.bind(current) : value
    },
  })
}
