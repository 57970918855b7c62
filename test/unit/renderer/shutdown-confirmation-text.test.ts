/** The shutdown confirmation names the profile and how many connections in use it terminates. */
import { describe, expect, it } from 'vitest'
import {
  shutdownConfirmation,
  shutdownDoneText,
} from '../../../src/renderer/src/features/control/shutdown-text'
import { stats } from './store-fixture'

describe('shutdown confirmation', () => {
  it('3 in use and 2 idle', () => {
    expect(shutdownConfirmation('orders', stats(3, { idle: 2 }))).toEqual({
      title: 'Shut down “orders”?',
      lines: [
        '3 connections are in use and will be terminated: their server sessions end and their work is rolled back.',
        '2 idle connections will be closed.',
        'The pool stays closed until you connect again. To let work finish first, drain instead.',
      ],
    })
  })

  it('one in use: singular', () => {
    expect(shutdownConfirmation('orders', stats(1, { idle: 0 })).lines[0]).toBe(
      '1 connection is in use and will be terminated: its server session ends and its work is rolled back.',
    )
  })

  it('nothing in use, no pool figures: says so', () => {
    const text = shutdownConfirmation('orders', null)
    expect(text.lines[0]).toBe('No connection is in use.')
    expect(text.lines).toHaveLength(2)
  })

  it('the outcome line', () => {
    expect(shutdownDoneText('orders', { terminated: 1, closed: 4 })).toBe(
      '“orders” shut down: 1 connection terminated, 4 connections closed.',
    )
  })
})
