/** Results go to stdout, one JSON object a line; everything meant for people goes to stderr. */
export function emit(record: object): void {
  process.stdout.write(JSON.stringify(record) + '\n')
}

export function progress(message: string): void {
  process.stderr.write(`[pool-bench] ${message}\n`)
}
