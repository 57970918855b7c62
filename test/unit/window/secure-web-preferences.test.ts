/** reliability.md A.1: the window's webPreferences have every hardening switch on. */
import { describe, expect, it } from 'vitest'
import { secureWebPreferences } from '../../../src/main/window/security'

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences('/app/out/preload/index.cjs')

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInSubFrames', false],
    ['nodeIntegrationInWorker', false],
    ['webSecurity', true],
    ['webviewTag', false],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
  ] as const)('%s is %s', (key, value) => {
    expect(prefs[key]).toBe(value)
  })

  it('uses the preload it is given', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs')
  })

  it('sets nothing that loosens the defaults', () => {
    const loosening = [
      'enableBlinkFeatures',
      'additionalArguments',
      'disableBlinkFeatures',
      'partition',
    ]
    for (const key of loosening) expect(Object.keys(prefs)).not.toContain(key)
  })

  it('returns a fresh object each call (callers cannot weaken a shared one)', () => {
    const a = secureWebPreferences('/p')
    ;(a as { sandbox: boolean }).sandbox = false
    expect(secureWebPreferences('/p').sandbox).toBe(true)
  })
})
