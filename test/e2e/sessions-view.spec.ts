/**
 * The server-side sessions view as a DBA uses it (issue 6, "done when"), in real Chromium against
 * browser mode and the test PostgreSQL: a profile with a 1 s idle-in-transaction threshold; two
 * other clients, one idle in a transaction and one running a long pg_sleep, both with HTML and
 * script payloads in application_name and query text; the card's server gauge and alert badge;
 * the sessions view with the alert, the payloads shown as literal text and nothing injected;
 * Terminate session through its confirmation, until the session is gone and its alert resolved;
 * Cancel query on the sleeper, which the client sees as a cancelled statement.
 */
import pg from 'pg'
import { AppPage } from './support/app-page'
import { expect, test } from './support/fixtures'
import { e2ePg } from './support/pg'
import { backendPid, payloadClient, sessionExists } from './support/session-clients'

const address = e2ePg()
const NAME = 'orders primary (sessions)'
const IDLE_APP = 'orders-api <img src=x onerror=alert(1)>'
const IDLE_QUERY = `SELECT '<img src=z onerror=alert(3)>' AS payload`
const SLEEP_APP = 'report <script>window.__pwned=1</script>'
const SLEEP_QUERY = 'SELECT pg_sleep(25) AS "<img src=y onerror=alert(2)>"'

test('sessions view: idle-in-transaction alert, payloads as text, terminate and cancel', async ({
  page,
  launch,
}) => {
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  const clients: pg.Client[] = []
  const app = new AppPage(page, 'test-results/screenshots/sessions-view')
  try {
    const server = await launch()
    await page.goto(server.url)
    await app.openForm()
    await app.fillForm({
      name: NAME,
      host: address.host,
      port: address.port,
      database: address.database,
      user: address.user,
      password: address.password,
      sslmode: 'disable',
    })
    const form = page.getByTestId('profile-form')
    await form.getByRole('button', { name: /^Advanced/ }).click()
    await form.getByLabel('Idle in transaction alert (ms)').fill('1000')
    await app.save()
    const card = app.card(NAME)
    await card.getByRole('button', { name: 'Connect', exact: true }).click()
    await expect(card).toHaveAttribute('data-state', 'connected')

    // Two other clients: idle in a transaction, and a long query.
    const idle = await payloadClient(address, IDLE_APP, clients)
    const idlePid = await backendPid(idle)
    await idle.query('BEGIN')
    await idle.query(IDLE_QUERY)
    const sleeper = await payloadClient(address, SLEEP_APP, clients)
    const sleeperPid = await backendPid(sleeper)
    const sleeping = sleeper.query(SLEEP_QUERY).then(
      () => 'finished',
      (error: { code?: string }) => error.code ?? 'failed',
    )

    // The card: server connections against the limit, and the alert as a count.
    await expect(card.getByTestId('server-gauge')).toHaveAttribute('data-used', /^[1-9]\d*$/)
    await expect(card.getByTestId('server-gauge-text')).toHaveText(/^\d+ \/ \d+ · (<1|\d+) %$/)
    await expect(card.getByTestId('alert-badge')).toHaveAttribute('data-warning', /^[1-9]/)
    await app.shot('card-server-gauge-and-alert')

    await app.openProfile(NAME, 'sessions')
    const view = page.getByTestId('sessions-view')
    await expect(view).toBeVisible()
    const alert = view.locator(
      `[data-testid="alert-item"][data-kind="idle-in-transaction"][data-pid="${idlePid}"]`,
    )
    await expect(alert).toHaveAttribute('data-resolved', 'false')
    await expect(alert.getByTestId('alert-application')).toHaveText(`app ${IDLE_APP}`)
    const idleRow = view.locator(`[data-testid="session-row"][data-pid="${idlePid}"]`)
    await expect(idleRow).toHaveAttribute('data-state', 'idle in transaction')
    await expect(idleRow.getByTestId('session-application')).toHaveText(IDLE_APP)
    await expect(idleRow.getByTestId('session-query')).toHaveText(IDLE_QUERY)
    const sleepRow = view.locator(`[data-testid="session-row"][data-pid="${sleeperPid}"]`)
    await expect(sleepRow).toHaveAttribute('data-state', 'active')
    await expect(sleepRow.getByTestId('session-application')).toHaveText(SLEEP_APP)
    await expect(sleepRow.getByTestId('session-query')).toHaveText(SLEEP_QUERY)
    // Lifeguard's own pool connections are marked.
    await expect(view.locator('[data-testid="session-row"][data-own="true"]').first()).toBeVisible()
    await page.screenshot({ path: 'test-results/sessions-idle-alert.png' })

    // The payloads are text: no element, no script run, no dialog.
    expect(await page.locator('img').count()).toBe(0)
    expect(await page.locator('script', { hasText: '__pwned' }).count()).toBe(0)
    expect(await page.evaluate(() => Object.hasOwn(globalThis, '__pwned'))).toBe(false)
    expect(dialogs).toEqual([])

    // Filter, sort and open a row: the whole query on demand.
    await view.getByLabel('Application').selectOption({ label: `${IDLE_APP} (1)` })
    await expect(view.getByTestId('session-row')).toHaveCount(1)
    await expect(view.getByTestId('sessions-shown')).toHaveText(/^1 of \d+ sessions$/)
    await view.getByRole('button', { name: 'Clear filters' }).click()
    await expect(view.getByTestId('session-row')).not.toHaveCount(1)
    await view.getByTestId('sort-pid').click()
    await expect(view.locator('th[aria-sort="ascending"]')).toHaveText(/PID/)
    const pids = await view
      .getByTestId('session-row')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-pid'))))
    expect(pids).toEqual([...pids].sort((a, b) => a - b))
    await idleRow.getByRole('button', { name: `Show details of session ${idlePid}` }).click()
    await expect(idleRow.getByTestId('session-query-full')).toHaveText(IDLE_QUERY)

    // Terminate the idle session through its confirmation.
    await idleRow.getByRole('button', { name: `Terminate session ${idlePid}` }).click()
    const confirm = page.getByTestId('action-confirm')
    await expect(confirm.getByRole('heading')).toHaveText(`Terminate session ${idlePid}?`)
    await expect(confirm.getByTestId('confirm-pid')).toHaveText(String(idlePid))
    await expect(confirm.getByTestId('confirm-user')).toHaveText(address.user)
    await expect(confirm.getByTestId('confirm-application')).toHaveText(IDLE_APP)
    await expect(confirm.getByTestId('confirm-query')).toHaveText(IDLE_QUERY)
    await app.shot('terminate-confirmation')
    await confirm.getByRole('button', { name: 'Terminate session' }).click()
    await expect(confirm).toHaveCount(0)
    await expect(view.getByTestId('action-notice')).toHaveAttribute('data-outcome', 'done')
    await expect(view.getByTestId('action-notice')).toContainText(
      `Terminated session ${idlePid} (user ${address.user}, application ${IDLE_APP}).`,
    )
    await expect(idleRow).toHaveCount(0)
    await expect(alert).toHaveAttribute('data-resolved', 'true')
    await expect(alert.getByTestId('alert-resolved-at')).toBeVisible()
    await expect(view.getByTestId('alert-badge')).toHaveAttribute('data-warning', '0')
    await page.screenshot({ path: 'test-results/sessions-terminated.png' })
    expect(await sessionExists(address, idlePid)).toBe(false)

    // Cancel the long query: the client sees its statement cancelled, its session stays.
    await sleepRow.getByRole('button', { name: `Cancel query of session ${sleeperPid}` }).click()
    await expect(confirm.getByRole('heading')).toHaveText(
      `Cancel the query of session ${sleeperPid}?`,
    )
    await expect(confirm.getByTestId('confirm-query')).toHaveText(SLEEP_QUERY)
    await confirm.getByRole('button', { name: 'Cancel query' }).click()
    expect(await sleeping).toBe('57014')
    await expect(sleepRow).toHaveAttribute('data-state', 'idle')
    expect(await sessionExists(address, sleeperPid)).toBe(true)
    expect(await page.locator('img').count()).toBe(0)
    expect(dialogs).toEqual([])
    await app.shot('query-cancelled')

    await app.backToFleet()
    await expect(view).toHaveCount(0)
    await card.getByRole('button', { name: 'Disconnect', exact: true }).click()
    await expect(card).toHaveAttribute('data-state', 'disconnected')
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)))
  }
})
