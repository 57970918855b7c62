/**
 * Browser mode's gatekeeping, as pure functions: Host allowlist (defeats DNS rebinding), Origin
 * check for the WebSocket (defeats cross-site WebSocket hijacking), and a per-launch token
 * compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { TOKEN_PARAM } from '../../../shared/ws-protocol'

export const LOOPBACK = '127.0.0.1'

/** 32 random bytes (256 bits), URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]
}

export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false
  return allowedHosts(port).includes(hostHeader.toLowerCase())
}

/** The Origin must be exactly the origin that served the UI: http://<allowed host>. */
export function isAllowedOrigin(
  origin: string | undefined,
  hostHeader: string | undefined,
  port: number,
): boolean {
  if (!origin || !isAllowedHost(hostHeader, port)) return false
  return origin.toLowerCase() === `http://${(hostHeader as string).toLowerCase()}`
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest()
}

export function tokensEqual(presented: string | undefined, expected: string): boolean {
  if (typeof presented !== 'string' || presented.length === 0 || presented.length > 512)
    return false
  return timingSafeEqual(digest(presented), digest(expected))
}

export function cookieName(port: number): string {
  return `lifeguard_token_${port}`
}

export function tokenFromCookie(
  cookieHeader: string | undefined,
  port: number,
): string | undefined {
  if (!cookieHeader) return undefined
  const name = cookieName(port)
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

export function tokenFromUrl(url: URL): string | undefined {
  return url.searchParams.get(TOKEN_PARAM) ?? undefined
}

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
}
