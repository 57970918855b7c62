/**
 * Playwright fixtures: a fresh data directory per test and a launcher for the real browser-mode
 * server; every server a test starts is stopped and the directory removed afterwards.
 */
import { test as base } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startLifeguard, type RunningLifeguard } from './lifeguard-server'

export interface LifeguardFixtures {
  dataDir: string
  launch: (args?: string[]) => Promise<RunningLifeguard>
}

export const test = base.extend<LifeguardFixtures>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeguard-e2e-'))
    await use(dir)
    fs.rmSync(dir, { recursive: true, force: true })
  },
  launch: async ({ dataDir }, use) => {
    const started: RunningLifeguard[] = []
    await use(async (args = []) => {
      const server = await startLifeguard(dataDir, args)
      started.push(server)
      return server
    })
    for (const server of started) await server.stop()
  },
})

export { expect } from '@playwright/test'
