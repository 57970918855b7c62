/**
 * The preload: a dumb typed adapter. One named method per contract channel (built from the
 * contract by buildApi), listeners get the payload only and every `on…` returns an unsubscribe.
 * ipcRenderer itself is never exposed. Built as CommonJS so a sandboxed renderer can load it.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { buildApi } from '../shared/api-builder'
import type { Result } from '../shared/result'

const api = buildApi({
  invoke: (channel, request) => ipcRenderer.invoke(channel, request) as Promise<Result<unknown>>,
  subscribe: (channel, listener) => {
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(channel, handler)
    return () => {
      ipcRenderer.removeListener(channel, handler)
    }
  },
})

contextBridge.exposeInMainWorld('lifeguard', api)
