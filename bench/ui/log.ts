/** Progress for people goes to stderr (results go to stdout through bench/lib/output's emit). */
export function progress(message: string): void {
  process.stderr.write(`[ui-bench] ${message}\n`)
}
