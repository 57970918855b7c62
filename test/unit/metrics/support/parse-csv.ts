/**
 * A strict RFC 4180 reader for the tests: records end with CRLF, a quoted field may hold
 * commas, CR, LF and doubled quotes; anything else (a bare quote inside an unquoted field, a
 * lone LF as a record end, text after a closing quote) throws.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let i = 0
  const atRecordEnd = () => text.startsWith('\r\n', i)
  while (i < text.length) {
    let field = ''
    if (text[i] === '"') {
      i++
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field')
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"'
            i += 2
            continue
          }
          i++
          break
        }
        field += text[i]
        i++
      }
    } else {
      while (i < text.length && text[i] !== ',' && !atRecordEnd()) {
        const c = text[i]!
        if (c === '"' || c === '\r' || c === '\n')
          throw new Error(`bare ${JSON.stringify(c)} at ${i}`)
        field += c
        i++
      }
    }
    record.push(field)
    if (text[i] === ',') {
      i++
      continue
    }
    if (!atRecordEnd()) throw new Error(`expected , or CRLF at ${i}`)
    i += 2
    records.push(record)
    record = []
  }
  if (record.length > 0) throw new Error('last record has no CRLF')
  return records
}
