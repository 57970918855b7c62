/**
 * The validators the engine's settings are built from (health, sessions): each message names the
 * setting and, where it helps, the value and the rule.
 */
import { z } from 'zod'

/** Whole milliseconds in [least, most] (default at most one day). */
export const ms = (name: string, least: number, most = 86_400_000) =>
  z
    .number({ error: `${name} must be a number of milliseconds` })
    .int({ error: (i) => `${name} (${String(i.input)}) must be a whole number of milliseconds` })
    .min(least, { error: (i) => `${name} (${String(i.input)}) must be at least ${least} ms` })
    .max(most, { error: (i) => `${name} (${String(i.input)}) must be at most ${most} ms` })

/** A share in (0, 1]. */
export const share = (name: string) =>
  z
    .number({ error: `${name} must be a number` })
    .gt(0, { error: `${name} must be above 0` })
    .max(1, { error: `${name} must be at most 1` })

/** A whole number in [least, most]. */
export const count = (name: string, least: number, most: number) =>
  z
    .number({ error: `${name} must be a number` })
    .int({ error: `${name} must be a whole number` })
    .min(least, { error: `${name} must be at least ${least}` })
    .max(most, { error: `${name} must be at most ${most}` })
