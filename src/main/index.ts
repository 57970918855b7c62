/** Desktop composition root: app lifecycle -> engine -> window -> IPC transport. */
import { app, dialog, ipcMain, Notification, safeStorage, session } from 'electron'
import ElectronStore from 'electron-store'
import { systemClock } from './engine/core/clock'
import { createMonitor, PROFILES_FILE_NAME } from './engine/create-monitor'
import { defaultEngineSettings } from './engine/defaults'
import { createHandlers } from './engine/handlers'
import type { Monitor } from './engine/monitor/monitor'
import type { JsonStoreBackend } from './engine/profiles/profile-file'
import { safeStorageEncryptor } from './engine/secrets/safe-storage-encryptor'
import { createDispatch } from './transport/dispatch'
import {
  createSenderCheck,
  forwardEvents,
  registerIpcHandlers,
  type IpcMainLike,
} from './transport/ipc'
import { AlertNotifier } from './notifications/alert-notifier'
import { createMainWindow } from './window/create-window'
import { createDialogSaver } from './window/save-dialog'

app.enableSandbox()
if (!app.requestSingleInstanceLock()) app.quit()

let monitor: Monitor | undefined

async function start(): Promise<void> {
  const dataDir = app.getPath('userData')
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  )
  monitor = createMonitor({
    dataDir,
    openStore: () =>
      new ElectronStore<Record<string, unknown>>({
        name: PROFILES_FILE_NAME,
        cwd: dataDir,
        clearInvalidConfig: false,
        configFileMode: 0o600,
        accessPropertiesByDotNotation: false,
      }) as unknown as JsonStoreBackend,
    clock: systemClock,
    shell: 'desktop',
    version: app.getVersion(),
    settings: defaultEngineSettings,
    environment: process.env,
    encryptor: safeStorageEncryptor(safeStorage, process.platform),
  })
  const { window, isAppUrl } = createMainWindow()
  const saveFile = createDialogSaver(
    {
      showSaveDialog: (options) =>
        window.isDestroyed()
          ? dialog.showSaveDialog(options)
          : dialog.showSaveDialog(window, options),
    },
    () => app.getPath('documents'),
  )
  const dispatch = createDispatch(createHandlers(monitor, { saveFile }), {
    onInternalError: (channel, error) => console.error(`lifeguard: ${channel} failed:`, error),
  })
  registerIpcHandlers(
    ipcMain as unknown as IpcMainLike,
    dispatch,
    createSenderCheck(() => (window.isDestroyed() ? undefined : window.webContents.id), isAppUrl),
  )
  forwardEvents(
    monitor.events,
    (channel, payload) => {
      if (!window.isDestroyed()) window.webContents.send(channel, payload)
    },
    { timers: systemClock },
  )
  watchAlerts(monitor)
  if (process.argv.includes('--demo') || monitor.listProfiles().length === 0) {
    void monitor
      .startDemo()
      .catch((error: unknown) => console.error('lifeguard: demo:', (error as Error).message))
  }
}

/** Critical alerts raise a desktop notification (unless muted or disabled); the badge counts them. */
function watchAlerts(m: Monitor): void {
  const notifier = new AlertNotifier({
    preferences: () => m.preferences(),
    profileName: (id) => m.listProfiles().find((p) => p.id === id)?.name,
    notify: ({ title, body }) => {
      if (Notification.isSupported()) new Notification({ title, body }).show()
    },
    setBadge: (count) => void app.setBadgeCount(count),
    platform: process.platform,
  })
  m.events.on('alerts:changed', (changed) => notifier.alertsChanged(changed))
  m.events.on('profiles:changed', (profiles) => notifier.keepProfiles(profiles.map((p) => p.id)))
}

app.on('window-all-closed', () => app.quit())
app.on('before-quit', (event) => {
  if (!monitor) return
  event.preventDefault()
  const m = monitor
  monitor = undefined
  void m.dispose().finally(() => app.quit())
})
void app.whenReady().then(start)
