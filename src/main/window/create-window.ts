/** The only `new BrowserWindow` in the app, with every hardening switch on. */
import { BrowserWindow, shell } from 'electron'
import path from 'node:path'
import { createAppUrlCheck, hardenContents, secureWebPreferences } from './security'

export interface MainWindow {
  window: BrowserWindow
  isAppUrl: (url: string) => boolean
}

export function createMainWindow(): MainWindow {
  const devUrl = process.env['ELECTRON_RENDERER_URL']
  const indexFile = path.join(import.meta.dirname, '../renderer/index.html')
  const appUrl = devUrl ?? new URL(`file://${indexFile}`).href
  const isAppUrl = createAppUrlCheck(appUrl)

  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 760,
    minHeight: 520,
    show: false,
    title: 'Lifeguard',
    webPreferences: secureWebPreferences(path.join(import.meta.dirname, '../preload/index.cjs')),
  })
  hardenContents(window.webContents, isAppUrl, (url) => void shell.openExternal(url))
  window.once('ready-to-show', () => window.show())
  if (devUrl) void window.loadURL(devUrl)
  else void window.loadFile(indexFile)
  return { window, isAppUrl }
}
