/** reliability.md A.3: one handler per invoke channel, each checking its sender before anything. */
import { describe, expect, it, vi } from 'vitest'
import { registerIpcHandlers } from '../../../src/main/transport/ipc'
import { invokeChannels } from '../../../src/shared/contract'
import { ok } from '../../../src/shared/result'
import { FakeIpcMain, trusted } from './ipc-fixture'

function setup(isTrusted: () => boolean) {
  const ipcMain = new FakeIpcMain()
  const dispatch = vi.fn(async (channel: unknown, request: unknown) => ok({ channel, request }))
  const check = vi.fn(isTrusted)
  const dispose = registerIpcHandlers(ipcMain, dispatch, check)
  return { ipcMain, dispatch, check, dispose }
}

describe('registerIpcHandlers', () => {
  it('registers exactly one handler per invoke channel and nothing else', () => {
    const { ipcMain } = setup(() => true)
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...invokeChannels].sort())
  })

  it.each(invokeChannels.map((c) => [c]))(
    '%s: a trusted sender reaches dispatch',
    async (channel) => {
      const { ipcMain, dispatch, check } = setup(() => true)
      const result = await ipcMain.invoke(channel, trusted, { id: 'p1' })
      expect(check).toHaveBeenCalledWith(trusted)
      expect(dispatch).toHaveBeenCalledExactlyOnceWith(channel, { id: 'p1' })
      expect(result).toEqual({ ok: true, data: { channel, request: { id: 'p1' } } })
    },
  )

  it.each(invokeChannels.map((c) => [c]))(
    '%s: an untrusted sender is forbidden and dispatch never runs',
    async (channel) => {
      const { ipcMain, dispatch } = setup(() => false)
      const result = await ipcMain.invoke(channel, trusted, { id: 'p1' })
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      expect(dispatch).not.toHaveBeenCalled()
    },
  )

  it('checks the sender on every call, not once', async () => {
    let allow = true
    const { ipcMain, dispatch } = setup(() => allow)
    await ipcMain.invoke('profiles:list', trusted, {})
    allow = false
    const second = await ipcMain.invoke('profiles:list', trusted, {})
    expect(second).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(dispatch).toHaveBeenCalledTimes(1)
  })

  it('the returned dispose removes every handler', () => {
    const { ipcMain, dispose } = setup(() => true)
    dispose()
    expect(ipcMain.handlers.size).toBe(0)
  })
})
