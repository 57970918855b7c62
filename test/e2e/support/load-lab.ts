/** The load lab on a profile's Settings tab, driven through its form. */
import { expect, type Page } from '@playwright/test'

export interface LabRun {
  clients: number
  ratePerSecond: number
  /** pg_sleep of this many ms per query; SELECT 1 when absent. */
  sleepMs?: number
  leak?: { everySeconds: number; holdMs: number }
}

/** Fills the load lab (the Settings tab must be open) and starts it; waits until it runs. */
export async function startLoadLab(page: Page, run: LabRun): Promise<void> {
  const lab = page.getByTestId('load-lab')
  await expect(lab.getByLabel('Clients', { exact: true })).toBeEditable()
  await lab.getByLabel('Clients', { exact: true }).fill(String(run.clients))
  await lab.getByLabel('Rate (queries/s)', { exact: true }).fill(String(run.ratePerSecond))
  const query = lab.getByLabel('Query', { exact: true })
  if (run.sleepMs === undefined) await query.selectOption('select-1')
  else {
    await query.selectOption('sleep')
    await lab.getByLabel('Sleep (ms)', { exact: true }).fill(String(run.sleepMs))
  }
  const leak = lab.getByRole('checkbox', { name: /^Plant a leak/ })
  if (run.leak) {
    await leak.check()
    await lab.getByLabel('Leak every (s)', { exact: true }).fill(String(run.leak.everySeconds))
    await lab.getByLabel('Hold time (ms)', { exact: true }).fill(String(run.leak.holdMs))
  } else await leak.uncheck()
  await lab.getByRole('button', { name: 'Start', exact: true }).click()
  await expect(lab.getByTestId('loadlab-state')).toHaveText(/Running/)
}

/** Stops the running load lab (the Settings tab must be open). */
export async function stopLoadLab(page: Page): Promise<void> {
  const lab = page.getByTestId('load-lab')
  await lab.getByRole('button', { name: 'Stop', exact: true }).click()
  await expect(lab.getByTestId('loadlab-state')).toHaveText(/Stopped/)
}
