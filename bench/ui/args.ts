/** Command-line options of the UI benchmark. */
export interface UiBenchArgs {
  quick: boolean
  /** Connected profiles, all pointing at the one embedded server. */
  profiles: number
  /** Profiles that run a light load-lab workload (so the numbers move). */
  workloads: number
  /** Seconds on the dashboard (the first half at the top, the second half scrolling). */
  dashboardS: number
  /** Seconds on one profile's view (Overview tab, live charts). */
  profileS: number
  /** Scroll the dashboard in the second half of its phase (default on). */
  scroll: boolean
  /** Write a V8 CPU profile of the browser-mode server into this folder. */
  cpuProfDir: string | undefined
  /** Write a Chromium performance trace (CDP Tracing) of each phase into this folder. */
  traceDir: string | undefined
  /** Extra node flags for the browser-mode server (e.g. --trace-gc), split on spaces. */
  mainFlags: string[]
  /** Write the browser-mode server's output (stdout and stderr) to this file at the end. */
  mainLog: string | undefined
  /** Run the app built in this tree (its out/main/web.js) instead of this one: A/B runs. */
  appRoot: string | undefined
}

const usage = `usage: ui-bench [--quick] [--profiles N] [--workloads N] [--dashboard-s S] [--profile-s S]
                [--no-scroll] [--cpu-prof DIR] [--trace DIR]
  --quick          smoke run: 20 profiles, 10 s on the dashboard and 5 s on a profile (~40 s)
  --profiles N     connected profiles (default 200, --quick 20)
  --workloads N    profiles running a light load-lab workload (default 5, --quick 2)
  --dashboard-s S  seconds on the dashboard (default 60): half at the top, half scrolling
  --profile-s S    seconds on one profile's Overview (default 30)
  --no-scroll      stay at the top of the dashboard for the whole phase
  --cpu-prof DIR   run the browser-mode server with node --cpu-prof, profiles into DIR
  --trace DIR      record a Chromium performance trace of each phase into DIR
  --main-flags F   extra node flags for the browser-mode server, e.g. "--trace-gc"
  --main-log FILE  save the browser-mode server's output to FILE at the end
  --app-root DIR   run the app built in DIR (DIR/out/main/web.js), for A/B comparisons`

function whole(name: string, raw: string | undefined, min: number, max: number): number {
  const n = Number(raw)
  if (raw === undefined || !Number.isInteger(n) || n < min || n > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max}\n${usage}`)
  return n
}

export function parseArgs(argv: string[]): UiBenchArgs {
  let quick = false
  let profiles: number | undefined
  let workloads: number | undefined
  let dashboardS: number | undefined
  let profileS: number | undefined
  let scroll = true
  let cpuProfDir: string | undefined
  let traceDir: string | undefined
  let mainFlags: string[] = []
  let mainLog: string | undefined
  let appRoot: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--quick') quick = true
    else if (a === '--profiles') profiles = whole(a, argv[++i], 1, 1000)
    else if (a === '--workloads') workloads = whole(a, argv[++i], 0, 1000)
    else if (a === '--dashboard-s') dashboardS = whole(a, argv[++i], 2, 3600)
    else if (a === '--profile-s') profileS = whole(a, argv[++i], 2, 3600)
    else if (a === '--no-scroll') scroll = false
    else if (a === '--cpu-prof' || a === '--trace' || a === '--main-log' || a === '--app-root') {
      const path = argv[++i]
      if (path === undefined || path.startsWith('--'))
        throw new Error(`${a} needs a path\n${usage}`)
      if (a === '--cpu-prof') cpuProfDir = path
      else if (a === '--trace') traceDir = path
      else if (a === '--app-root') appRoot = path
      else mainLog = path
    } else if (a === '--main-flags') {
      const flags = argv[++i]
      if (flags === undefined) throw new Error(`${a} needs flags\n${usage}`)
      mainFlags = flags.split(' ').filter((f) => f !== '')
    } else if (a === '--help' || a === '-h') {
      process.stderr.write(usage + '\n')
      process.exit(0)
    } else throw new Error(`unknown argument ${String(a)}\n${usage}`)
  }
  const args: UiBenchArgs = {
    quick,
    profiles: profiles ?? (quick ? 20 : 200),
    workloads: workloads ?? (quick ? 2 : 5),
    dashboardS: dashboardS ?? (quick ? 10 : 60),
    profileS: profileS ?? (quick ? 5 : 30),
    scroll,
    cpuProfDir,
    traceDir,
    mainFlags,
    mainLog,
    appRoot,
  }
  if (args.workloads > args.profiles)
    throw new Error(`--workloads (${args.workloads}) cannot exceed --profiles (${args.profiles})`)
  return args
}
