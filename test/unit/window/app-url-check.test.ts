/** reliability.md A.1/A.2: which URLs are the app (packaged file or dev-server origin). */
import { describe, expect, it } from 'vitest'
import { createAppUrlCheck } from '../../../src/main/window/security'

describe('createAppUrlCheck for the packaged file', () => {
  const isApp = createAppUrlCheck('file:///app/out/renderer/index.html')

  it.each([
    'file:///app/out/renderer/index.html',
    'file:///app/out/renderer/index.html#/profiles',
    'file:///app/out/renderer/index.html?view=pool',
    'file:///app/out/renderer/./index.html',
  ])('accepts %s', (url) => {
    expect(isApp(url)).toBe(true)
  })

  it.each([
    'file:///app/out/renderer/other.html',
    'file:///app/out/renderer/',
    'file:///app/out/renderer/index.html/',
    'file:///etc/passwd',
    'file:///tmp/index.html',
    'file:///app/out/renderer/index.html/../../../../etc/passwd',
    'file:///app/out/renderer/%69ndex.html',
    'file://evil.example/app/out/renderer/index.html',
    'file://localhost.evil.example/app/out/renderer/index.html',
    'https://evil.example/app/out/renderer/index.html',
    'javascript:alert(1)',
    'data:text/html,<h1>x</h1>',
    'about:blank',
    'not a url',
    '',
    '/app/out/renderer/index.html',
  ])('refuses %j', (url) => {
    expect(isApp(url)).toBe(false)
  })
})

describe('createAppUrlCheck for the dev server', () => {
  const isApp = createAppUrlCheck('http://localhost:5173/')

  it.each([
    'http://localhost:5173/',
    'http://localhost:5173/src/main.tsx',
    'http://LOCALHOST:5173/#x',
  ])('accepts %s', (url) => {
    expect(isApp(url)).toBe(true)
  })

  it.each([
    'http://localhost:5174/',
    'https://localhost:5173/',
    'http://127.0.0.1:5173/',
    'http://localhost:5173.evil.example/',
    'http://localhost.evil.example:5173/',
    'http://evil.example/?http://localhost:5173/',
    'ws://localhost:5173/',
    'file:///app/out/renderer/index.html',
    'javascript:alert(1)//http://localhost:5173/',
    'data:text/html,http://localhost:5173/',
    'http://[::1',
    'garbage',
  ])('refuses %j', (url) => {
    expect(isApp(url)).toBe(false)
  })
})
