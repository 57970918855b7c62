/**
 * The desktop transport: ipcMain.handle for invokes, webContents.send for events. Every handler
 * checks its sender before anything else. Electron objects are passed in (and faked in tests).
 */
import { eventChannels, invokeChannels, type EventPayloads } from '../../shared/contract'
import { fail } from '../../shared/result'
import type { TypedEmitter } from '../engine/core/emitter'
import type { Dispatch } from './dispatch'
import { EventBatcher, type BatchTimers } from './event-batcher'

/** The part of an IpcMainInvokeEvent the sender check reads. */
export interface SenderInfo {
  senderFrame: { url: string; parent: unknown } | null
  sender: { id: number }
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: SenderInfo, request: unknown) => Promise<unknown>): void
  removeHandler(channel: string): void
}

export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  dispatch: Dispatch,
  isTrustedSender: (event: SenderInfo) => boolean,
): () => void {
  for (const channel of invokeChannels) {
    ipcMain.handle(channel, async (event, request) => {
      if (!isTrustedSender(event)) return fail('forbidden', 'request from an untrusted sender')
      return dispatch(channel, request)
    })
  }
  return () => {
    for (const channel of invokeChannels) ipcMain.removeHandler(channel)
  }
}

/** Trusted: our window's own web contents, main frame, showing our own app URL. */
export function createSenderCheck(
  trustedWebContentsId: () => number | undefined,
  isAppUrl: (url: string) => boolean,
): (event: SenderInfo) => boolean {
  return (event) => {
    const frame = event.senderFrame
    if (!frame || frame.parent !== null) return false
    if (event.sender.id !== trustedWebContentsId()) return false
    return isAppUrl(frame.url)
  }
}

/**
 * Sends every engine event to the window. With `timers`, through an EventBatcher: samples
 * coalesced per profile and flushed every 250 ms, everything else at once and in order.
 */
export function forwardEvents(
  events: TypedEmitter<EventPayloads>,
  send: (channel: string, payload: unknown) => void,
  options: { timers?: BatchTimers } = {},
): () => void {
  const batcher = options.timers
    ? new EventBatcher(options.timers, (batch) => {
        for (const { channel, payload } of batch) {
          try {
            send(channel, payload)
          } catch (error) {
            console.error(`lifeguard: sending ${channel} failed:`, error)
          }
        }
      })
    : undefined
  const offs = eventChannels.map((channel) =>
    events.on(channel, (payload) =>
      batcher ? batcher.push(channel, payload) : send(channel, payload),
    ),
  )
  return () => {
    offs.forEach((off) => off())
    batcher?.stop()
  }
}
