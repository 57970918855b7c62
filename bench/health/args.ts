/** Command-line options of the health benchmark. */
export interface HealthBenchArgs {
  /** Stop / start cycles, each with a fresh ProfileSession. */
  rounds: number
  /** Also run a plain pg.Pool beside the session, for context. */
  peer: boolean
}

const usage = `usage: health-bench [--rounds N] [--no-peer]
  --rounds N   stop / start cycles of the server, each with a fresh session (default 5)
  --no-peer    do not run the plain pg.Pool beside the session`

export function parseArgs(argv: string[]): HealthBenchArgs {
  const args: HealthBenchArgs = { rounds: 5, peer: true }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--rounds') {
      const n = Number(argv[++i])
      if (!Number.isInteger(n) || n < 1 || n > 50)
        throw new Error(`--rounds must be a whole number from 1 to 50\n${usage}`)
      args.rounds = n
    } else if (a === '--no-peer') args.peer = false
    else if (a === '--help' || a === '-h') {
      process.stderr.write(usage + '\n')
      process.exit(0)
    } else throw new Error(`unknown argument ${String(a)}\n${usage}`)
  }
  return args
}
