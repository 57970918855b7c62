/**
 * reliability.md A.3: the sender check, both ways (trusted passes, untrusted fails), alone and
 * wired into registerIpcHandlers.
 */
import { describe, expect, it, vi } from 'vitest'
import { createSenderCheck, registerIpcHandlers } from '../../../src/main/transport/ipc'
import { createAppUrlCheck } from '../../../src/main/window/security'
import { ok } from '../../../src/shared/result'
import { APP_URL, FakeIpcMain, TRUSTED_ID, sender, trusted, untrusted } from './ipc-fixture'

const check = createSenderCheck(() => TRUSTED_ID, createAppUrlCheck(APP_URL))

describe('createSenderCheck', () => {
  it('trusts our window, main frame, app URL', () => {
    expect(check(trusted)).toBe(true)
    expect(check(sender({ url: `${APP_URL}#/profiles` }))).toBe(true)
  })

  it.each(untrusted)('refuses %s', (_label, event) => {
    expect(check(event)).toBe(false)
  })

  it('refuses everyone once the window is gone', () => {
    const gone = createSenderCheck(() => undefined, createAppUrlCheck(APP_URL))
    expect(gone(trusted)).toBe(false)
  })
})

describe('registerIpcHandlers with the real sender check', () => {
  function setup() {
    const ipcMain = new FakeIpcMain()
    const dispatch = vi.fn(async () => ok('dispatched'))
    registerIpcHandlers(ipcMain, dispatch, check)
    return { ipcMain, dispatch }
  }

  it('the trusted sender reaches dispatch', async () => {
    const { ipcMain, dispatch } = setup()
    expect(await ipcMain.invoke('profiles:list', trusted, {})).toEqual({
      ok: true,
      data: 'dispatched',
    })
    expect(dispatch).toHaveBeenCalledTimes(1)
  })

  it.each(untrusted)('%s gets forbidden and dispatch is not called', async (_label, event) => {
    const { ipcMain, dispatch } = setup()
    const result = await ipcMain.invoke('pool:connect', event, { id: 'p1', password: 'x' })
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(dispatch).not.toHaveBeenCalled()
  })
})
