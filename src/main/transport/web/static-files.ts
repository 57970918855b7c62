/** Serves the built renderer from one folder; nothing outside it can be named. */
import fs from 'node:fs'
import path from 'node:path'

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

export interface StaticFile {
  body: Buffer
  contentType: string
}

export function resolveStatic(root: string, urlPath: string): StaticFile | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  if (decoded.includes('\u0000')) return undefined
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '')
  const resolvedRoot = path.resolve(root)
  const file = path.resolve(resolvedRoot, relative)
  if (file !== resolvedRoot && !file.startsWith(resolvedRoot + path.sep)) return undefined
  try {
    const stat = fs.statSync(file)
    if (!stat.isFile()) return undefined
    return {
      body: fs.readFileSync(file),
      contentType: mimeTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    }
  } catch {
    return undefined
  }
}
