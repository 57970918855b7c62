/** Command-line options of the pool benchmark. */
export interface BenchArgs {
  quick: boolean
  /** Interleaved rounds at concurrency 50 (each round runs every contender once). */
  pairs: number
  noio: boolean
  select1: boolean
  /** Rounds whose runs saw more hypervisor steal than this (percent) are left out of the medians. */
  maxStealPct: number
  /** ...and so are rounds in which other processes used more than this much of the machine (percent). */
  maxOtherPct: number
  /** Extra Lifeguard pool options (JSON), for what-if runs; the summary then says so. */
  lifeguardOptions: Record<string, unknown>
}

const usage = `usage: pool-bench [--quick] [--pairs N] [--only noio|select1] [--max-steal PCT]
  --quick          short runs and 2 rounds: a smoke test (~20 s)
  --pairs N        interleaved rounds at concurrency 50 (default 10, --quick 2)
  --only WHAT      run only the no-I/O part or only the SELECT 1 part
  --max-steal PCT  drop rounds with more CPU steal than PCT % from the medians (default 10)
  --max-other PCT  drop rounds in which other processes used more than PCT % of the CPUs (default 10)
  --lifeguard-options JSON
                   extra options for Lifeguard's pool (what-if runs), e.g. '{"leakDetectionMs":0}'`

export function parseArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = {
    quick: false,
    pairs: 0,
    noio: true,
    select1: true,
    maxStealPct: 10,
    maxOtherPct: 10,
    lifeguardOptions: {},
  }
  const value = (i: number, name: string): string => {
    const v = argv[i + 1]
    if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value\n${usage}`)
    return v
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--quick') args.quick = true
    else if (a === '--pairs') {
      const n = Number(value(i++, a))
      if (!Number.isInteger(n) || n < 1 || n > 100)
        throw new Error(`--pairs must be a whole number from 1 to 100\n${usage}`)
      args.pairs = n
    } else if (a === '--only') {
      const what = value(i++, a)
      if (what !== 'noio' && what !== 'select1')
        throw new Error(`--only takes noio or select1\n${usage}`)
      args.noio = what === 'noio'
      args.select1 = what === 'select1'
    } else if (a === '--max-steal') {
      const n = Number(value(i++, a))
      if (!Number.isFinite(n) || n < 0)
        throw new Error(`--max-steal must be a percentage\n${usage}`)
      args.maxStealPct = n
    } else if (a === '--max-other') {
      const n = Number(value(i++, a))
      if (!Number.isFinite(n) || n < 0)
        throw new Error(`--max-other must be a percentage\n${usage}`)
      args.maxOtherPct = n
    } else if (a === '--lifeguard-options') {
      const parsed: unknown = JSON.parse(value(i++, a))
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new Error(`--lifeguard-options takes a JSON object\n${usage}`)
      args.lifeguardOptions = parsed as Record<string, unknown>
    } else if (a === '--help' || a === '-h') {
      process.stderr.write(usage + '\n')
      process.exit(0)
    } else throw new Error(`unknown argument ${String(a)}\n${usage}`)
  }
  if (args.pairs === 0) args.pairs = args.quick ? 2 : 10
  return args
}
