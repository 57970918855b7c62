/**
 * A profile's probe latency over the last two minutes, drawn on a small canvas with the 2D API
 * (no Chart.js instance per card, no React render per sample): a transient store subscription
 * asks the shared frame scheduler to redraw when the profile's status (each probe) changes.
 */
import { useEffect, useRef } from 'react'
import { frameScheduler } from '../lib/frame-scheduler'
import { sparklineGeometry } from '../lib/sparkline-geometry'
import { selectors, useStore } from '../stores/store'

/** The canvas's CSS size (fixed in dashboard.css, so drawing never has to measure the page). */
export const SPARK_WIDTH = 110
export const SPARK_HEIGHT = 26

/** The line's colour, read once per theme (getComputedStyle would force a style recalculation). */
let color: { dark: boolean; value: string } | undefined

function lineColor(canvas: HTMLCanvasElement, dark: boolean): string {
  if (color?.dark !== dark)
    color = {
      dark,
      value: getComputedStyle(canvas).getPropertyValue('--series-active').trim() || '#1f6feb',
    }
  return color.value
}

function draw(canvas: HTMLCanvasElement, profileId: string, dark: boolean): void {
  const ctx = canvas.getContext('2d')
  if (!ctx) return
  const ratio = window.devicePixelRatio || 1
  const w = Math.round(SPARK_WIDTH * ratio)
  const h = Math.round(SPARK_HEIGHT * ratio)
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w
    canvas.height = h
  }
  const state = useStore.getState()
  const points = selectors.statuses.latency(profileId)(state)?.toArray() ?? []
  const geometry = sparklineGeometry(points, state.wallNow(), SPARK_WIDTH, SPARK_HEIGHT)
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
  ctx.clearRect(0, 0, SPARK_WIDTH, SPARK_HEIGHT)
  ctx.strokeStyle = lineColor(canvas, dark)
  ctx.lineWidth = 1.25
  ctx.lineJoin = 'round'
  for (const segment of geometry.segments) {
    const [first, ...rest] = segment
    if (!first) continue
    ctx.beginPath()
    ctx.moveTo(first.x, first.y)
    if (rest.length === 0) ctx.lineTo(first.x + 1, first.y)
    for (const p of rest) ctx.lineTo(p.x, p.y)
    ctx.stroke()
  }
}

export function Sparkline({ profileId, label }: { profileId: string; label: string }) {
  const canvasRef = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    const canvas = canvasRef.current
    if (!canvas) return
    const scheduler = frameScheduler()
    const key = {}
    const scheme = window.matchMedia('(prefers-color-scheme: dark)')
    const redraw = () => scheduler.schedule(key, () => draw(canvas, profileId, scheme.matches))
    redraw()
    const latency = selectors.statuses.latency(profileId)
    const status = selectors.statuses.status(profileId)
    const unsubscribe = useStore.subscribe((state, previous) => {
      // A probe brings a new status; the ring (mutated in place) then holds its latency.
      if (status(state) !== status(previous) && latency(state)) redraw()
    })
    scheme.addEventListener('change', redraw)
    return () => {
      scheme.removeEventListener('change', redraw)
      unsubscribe()
      scheduler.cancel(key)
    }
  }, [profileId])
  return (
    <canvas
      ref={canvasRef}
      className="sparkline"
      width={SPARK_WIDTH}
      height={SPARK_HEIGHT}
      role="img"
      aria-label={label}
    />
  )
}
