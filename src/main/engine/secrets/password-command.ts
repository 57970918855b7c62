/**
 * A password command (as pgAdmin's "password exec command"): a program the user configures per
 * profile that prints the password on its first line, e.g. `pass show db/prod` or a vault CLI.
 * It runs without a shell (the command line is split into arguments here, with quotes and
 * backslash escapes, and nothing else is interpreted), with a time limit and an output limit.
 * Its output never appears in a message; its exit code and the program name may.
 */
import { execFile } from 'node:child_process'
import { LifeguardError } from '../core/errors'

export const PASSWORD_COMMAND_TIMEOUT_MS = 10_000
export const PASSWORD_COMMAND_MAX_OUTPUT = 64 * 1024

/** Splits a command line into arguments: whitespace separates; '...' and "..." quote; \ escapes. */
export function splitCommandLine(line: string): string[] {
  const args: string[] = []
  let current = ''
  let inArg = false
  let quote: '"' | "'" | undefined
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!
    if (quote === "'") {
      if (c === "'") quote = undefined
      else current += c
      continue
    }
    if (c === '\\' && i + 1 < line.length) {
      current += line[++i]
      inArg = true
      continue
    }
    if (quote === '"') {
      if (c === '"') quote = undefined
      else current += c
      continue
    }
    if (c === '"' || c === "'") {
      quote = c
      inArg = true
    } else if (/\s/.test(c)) {
      if (inArg) args.push(current)
      current = ''
      inArg = false
    } else {
      current += c
      inArg = true
    }
  }
  if (quote !== undefined)
    throw new LifeguardError('validation', 'the password command has an unclosed quote')
  if (inArg) args.push(current)
  return args
}

export interface PasswordCommandTarget {
  host: string
  port: number
  database: string
  user: string
}

/**
 * Runs the command and returns its first output line. The target is passed as PGHOST, PGPORT,
 * PGDATABASE and PGUSER (as pgAdmin does), so one script can serve several profiles.
 */
export function runPasswordCommand(
  commandLine: string,
  target: PasswordCommandTarget,
  timeoutMs = PASSWORD_COMMAND_TIMEOUT_MS,
): Promise<string> {
  let argv: string[]
  try {
    argv = splitCommandLine(commandLine)
  } catch (error) {
    return Promise.reject(error as Error)
  }
  const [program, ...args] = argv
  if (!program)
    return Promise.reject(new LifeguardError('validation', 'the password command is empty'))
  const name = program.split(/[\\/]/).pop() ?? program
  return new Promise<string>((resolve, reject) => {
    execFile(
      program,
      args,
      {
        timeout: timeoutMs,
        maxBuffer: PASSWORD_COMMAND_MAX_OUTPUT,
        windowsHide: true,
        encoding: 'utf8',
        env: {
          ...process.env,
          PGHOST: target.host,
          PGPORT: String(target.port),
          PGDATABASE: target.database,
          PGUSER: target.user,
        },
      },
      (error, stdout) => {
        if (error) {
          const e = error as NodeJS.ErrnoException & { killed?: boolean; code?: unknown }
          const why =
            e.code === 'ENOENT'
              ? 'was not found'
              : e.killed
                ? `did not finish within ${timeoutMs} ms`
                : e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER'
                  ? `printed more than ${PASSWORD_COMMAND_MAX_OUTPUT} bytes`
                  : typeof e.code === 'number'
                    ? `exited with code ${e.code}`
                    : 'failed'
          reject(new LifeguardError('password-required', `the password command "${name}" ${why}`))
          return
        }
        const first = stdout.split(/\r?\n/)[0] ?? ''
        if (first === '') {
          reject(
            new LifeguardError(
              'password-required',
              `the password command "${name}" printed no password`,
            ),
          )
          return
        }
        resolve(first)
      },
    )
  })
}
