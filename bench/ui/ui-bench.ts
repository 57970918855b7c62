/**
 * Lifeguard UI benchmark (issue 8 item 7). Build and run with `node bench/ui/run.mjs`.
 *
 * Browser mode (out/main/web.js, fresh data dir) with N profiles connected to one embedded
 * PostgreSQL on 127.0.0.1 (max_connections raised for their pools), a few of them under a light
 * load-lab workload, driven by Playwright in Chromium: the dashboard for dashboardS seconds (half
 * at the top, half scrolling), then one profile's Overview for profileS seconds.
 * stdout: JSON lines ({"bench":"ui","phase":...}) and last {"summary": {...}}; stderr: progress.
 * Everything started (server, browser mode, Chromium, the temp dir) is stopped at the end, on
 * errors and on SIGINT/SIGTERM/SIGHUP.
 */
import { chromium, type Browser, type Page } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromiumLaunchOptions } from '../../test/e2e/support/chromium'
import { cleanupAll, installSignalHandlers, onCleanup, wasInterrupted } from '../lib/cleanup'
import { round } from '../lib/measure'
import { emit } from '../lib/output'
import { startBenchServer } from '../lib/server'
import { parseArgs, type UiBenchArgs } from './args'
import { boundary, measure, type Boundary, type Instruments } from './boundaries'
import { ContractClient } from './contract-client'
import { openProfile, scrollThrough, waitFirstLoad, watchTop } from './drive'
import { LONG_TASK_MS } from './figures'
import { buildFleet, createDatabases, maxConnectionsFor, POOL, WORKLOAD } from './fleet'
import { progress } from './log'
import { installPageMeter, longTaskSupported, pageWindow } from './page-meter'
import { ProcessMeter } from './process-meter'
import { loadAverage, treeCpuSeconds } from './proc-stats'
import { unwrittenHistoryMb } from './rss-outlook'
import { summarize } from './summary'
import { startWebProcess } from './web-process'
import { WsTap } from './ws-tap'

const VIEWPORT = { width: 1280, height: 800 }

function postmasterPid(dataDir: string): number | undefined {
  try {
    return (
      Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]) ||
      undefined
    )
  } catch {
    return undefined
  }
}

/** Chromium's browser process: this process's child running chromium. */
function chromiumPid(): number | undefined {
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid !== process.pid) continue
      const cmd = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8')
      if (cmd.includes('chromium') && treeCpuSeconds(Number(name)) !== null) return Number(name)
    } catch {
      // gone meanwhile
    }
  }
  return undefined
}

async function traced<T>(
  browser: Browser,
  page: Page,
  dir: string | undefined,
  name: string,
  run: () => Promise<T>,
): Promise<T> {
  if (!dir) return run()
  fs.mkdirSync(dir, { recursive: true })
  await browser.startTracing(page, { path: path.join(dir, `${name}.json`), screenshots: false })
  try {
    return await run()
  } finally {
    await browser.stopTracing()
    progress(`trace of ${name} written to ${path.join(dir, `${name}.json`)}`)
  }
}

async function run(args: UiBenchArgs) {
  const started = performance.now()
  const loadAtStart = loadAverage()
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeguard-ui-bench-'))
  onCleanup('temporary data dir', async () => fs.rmSync(tmp, { recursive: true, force: true }))

  const maxConnections = maxConnectionsFor(args.profiles)
  const bench = await startBenchServer({
    postgresFlags: ['-c', `max_connections=${maxConnections}`],
  })
  const address = bench.address
  progress(`PostgreSQL on ${address.host}:${address.port}, max_connections ${maxConnections}`)
  const databases = await createDatabases(address, Math.min(10, args.profiles))

  const web = await startWebProcess({
    dataDir: path.join(tmp, 'data'),
    cpuProfDir: args.cpuProfDir,
    nodeFlags: args.mainFlags,
    logFile: args.mainLog,
    appRoot: args.appRoot,
  })
  const client = await ContractClient.open(web.origin, web.token)
  const fleet = await buildFleet(client, address, databases, args.profiles, args.workloads)
  // The page's socket is the only one during the measurement (main encodes each flush once, but
  // sends it to every socket).
  await client.close()
  emit({
    bench: 'ui',
    phase: 'setup',
    profiles: args.profiles,
    databases: databases.length,
    pool_per_profile: POOL,
    max_connections: maxConnections,
    workloads: fleet.workloadIds.length,
    workload: WORKLOAD,
    create_ms: Math.round(fleet.setupMs.create),
    connect_ms: Math.round(fleet.setupMs.connect),
  })

  // Playwright's own signal handlers would close Chromium and exit before our cleanup ran.
  const browser = await chromium.launch({
    ...chromiumLaunchOptions(),
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  })
  onCleanup('Chromium', () => browser.close())
  const chromiumVersion = browser.version()
  const page = await browser.newPage({ viewport: VIEWPORT })
  page.on('pageerror', (error) => progress(`page error: ${error.message}`))
  await installPageMeter(page)
  const tap = await WsTap.attach(page)
  const meter = new ProcessMeter({
    main: web.pid,
    postgres: () => postmasterPid(bench.server.dataDirectory),
    chromium: chromiumPid,
  })
  onCleanup('process meter', async () => meter.stop())
  const inst: Instruments = { page, tap, meter, port: web.port }

  const loadStarted = performance.now()
  await page.goto(web.url)
  await waitFirstLoad(page, () => tap.outstanding, args.profiles, 180_000)
  const firstLoadMs = performance.now() - loadStarted
  const loadTraffic = tap.between(loadStarted, performance.now())
  const loadResults = tap.channelsBetween(loadStarted, performance.now())['(result)']
  await new Promise((r) => setTimeout(r, 2_000))
  const loadTasks = (await pageWindow(page, 0)).longTasks.map(([, d]) => d)
  const longTasksApi = await longTaskSupported(page)
  emit({
    bench: 'ui',
    phase: 'first-load',
    first_load_ms: Math.round(firstLoadMs),
    definition:
      'page.goto until every card is on the page and says connected, the top card shows its ' +
      'first probe latency and server sample, and every request the page sent has its answer; ' +
      'then 2 s settle (not measured)',
    long_tasks: loadTasks.length,
    long_tasks_over_100ms: loadTasks.filter((d) => d > LONG_TASK_MS).length,
    longest_task_ms: Math.round(Math.max(0, ...loadTasks)),
    long_task_api: longTasksApi,
    payload_kb: Math.round(loadTraffic.bytes / 1024),
    frames: loadTraffic.frames,
    answers: loadResults?.events ?? 0,
    answers_kb: Math.round((loadResults?.bytes ?? 0) / 1024),
  })
  progress(
    `first load in ${Math.round(firstLoadMs)} ms; measuring the dashboard for ${args.dashboardS} s`,
  )

  const half = (args.dashboardS * 1000) / 2
  const b0 = await boundary(inst)
  let b1: Boundary
  let scroll: { stepPx: number } | null = null
  await traced(browser, page, args.traceDir, 'dashboard', async () => {
    if (args.scroll) {
      await watchTop(page, half)
      b1 = await boundary(inst)
      scroll = await scrollThrough(page, args.dashboardS * 1000 - half)
    } else {
      await watchTop(page, args.dashboardS * 1000)
      b1 = await boundary(inst)
    }
  })
  const b2 = await boundary(inst)
  const lines = []
  if (args.scroll) {
    lines.push(await measure(inst, 'dashboard-top', b0, b1!))
    lines.push({ ...(await measure(inst, 'dashboard-scroll', b1!, b2)), scroll_step_px: scroll })
  }
  const dashboard = await measure(inst, 'dashboard', b0, b2)
  lines.push(dashboard)

  const opened = fleet.workloadIds[0] ?? fleet.ids[0]!
  progress(`opening profile ${opened}; measuring its Overview for ${args.profileS} s`)
  let historyMs = 0
  await traced(browser, page, args.traceDir, 'profile', async () => {
    historyMs = (await openProfile(page, opened)).historyMs
    const rest = args.profileS * 1000 - (performance.now() - b2.node)
    if (rest > 0) await new Promise((r) => setTimeout(r, rest))
  })
  const b3 = await boundary(inst)
  const profile = {
    ...(await measure(inst, 'profile', b2, b3)),
    profile_id: opened,
    with_workload: fleet.workloadIds.includes(opened),
    overview_ready_ms: Math.round(historyMs),
  }
  lines.push(profile)
  const overall = await measure(inst, 'overall', b0, b3)
  lines.push({ ...overall, main_rss_mb_every_10s: meter.rssTrend(b0.procs, b3.procs) })
  for (const line of lines) emit(line)
  await tap.detach()

  return {
    profiles: args.profiles,
    workloads: fleet.workloadIds.length,
    quick: args.quick,
    app_root: args.appRoot ?? 'this repository',
    dashboard_s: args.dashboardS,
    profile_s: args.profileS,
    scroll: args.scroll,
    ...summarize(
      { dashboard, profile, overall },
      overall.main_rss_mb_end === null
        ? null
        : overall.main_rss_mb_end +
            unwrittenHistoryMb(args.profiles, (performance.now() - fleet.connectedAt) / 1000),
    ),
    first_load_ms: Math.round(firstLoadMs),
    first_load_long_tasks_over_100ms: loadTasks.filter((d) => d > LONG_TASK_MS).length,
    context: {
      node: process.version,
      chromium: chromiumVersion,
      cpus: os.cpus().length,
      loadavg_at_start: loadAtStart.map((v) => round(v, 2)),
      loadavg_at_end: loadAverage().map((v) => round(v, 2)),
      steal_pct: overall.steal_pct,
      machine_busy_pct: overall.machine_busy_pct,
      other_cpu_pct: overall.other_cpu_pct,
      postgres_cpu_pct: overall.postgres_cpu_pct,
      chromium_cpu_pct: overall.chromium_cpu_pct,
      bench_cpu_pct: overall.bench_cpu_pct,
      max_connections: maxConnections,
      pool_per_profile: `poolMin ${POOL.poolMin} / poolMax ${POOL.poolMax} (2 of them reserved: probe, session sampler)`,
      long_task_api: longTasksApi,
      ws_compression: 'none negotiated by the server unless the summary says otherwise',
      elapsed_s: round((performance.now() - started) / 1000, 1),
    },
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2))
  installSignalHandlers()
  progress(
    `node ${process.version}, ${os.cpus().length} CPUs, ${args.profiles} profiles, ` +
      `${args.dashboardS} s dashboard + ${args.profileS} s profile view`,
  )
  let summary: Awaited<ReturnType<typeof run>> | undefined
  let failure: unknown
  try {
    summary = await run(args)
  } catch (error) {
    failure = error
    progress(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  } finally {
    await cleanupAll()
  }
  if (wasInterrupted()) return 130
  emit({ summary: summary ?? { error: String(failure), pass: { all: false } } })
  return failure === undefined ? 0 : 1
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    progress(`failed: ${String(error)}`)
    process.exitCode = 1
  },
)
