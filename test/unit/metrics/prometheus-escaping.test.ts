import { describe, expect, it } from 'vitest'
import { prometheusText } from '../../../src/main/engine/metrics/prometheus-text'
import {
  escapeHelp,
  escapeLabelValue,
  renderFamilies,
} from '../../../src/main/engine/metrics/prometheus-encoding'
import { parseExposition } from './support/prom-parse'
import { disconnectedProfile, profileWithPool } from './support/prometheus-inputs'

const adversarial = [
  'a"b\\c\nd', // quote, backslash, real line feed
  'a"b\\c\\nd', // a backslash followed by n is text, not a line feed
  '<script>alert("x")</script>&amp;<img src=x onerror=alert(1)>',
  '},evil="1",{le="+Inf"} 99',
  '# HELP lifeguard_health_up injected',
  'ends with a backslash \\',
  'tab\there, CR\rthere',
  'Ünïcødé 数据库 🐘',
  '',
]

describe('prometheus text: escaping', () => {
  it('gives back every adversarial profile name and id exactly, in every family', () => {
    const profiles = adversarial.map((name, i) =>
      i % 2 === 0
        ? profileWithPool(`${name}#id`, name, i + 1)
        : disconnectedProfile(`${name}#id`, name),
    )
    const text = prometheusText(profiles)
    const families = parseExposition(text)
    let checked = 0
    for (const family of families.values()) {
      for (const s of family.samples) {
        const i = profiles.findIndex((p) => p.id === s.labels.profile_id)
        expect(i, `${s.name} ${JSON.stringify(s.labels)}`).toBeGreaterThanOrEqual(0)
        expect(s.labels.profile).toBe(adversarial[i])
        checked++
      }
    }
    expect(checked).toBeGreaterThan(adversarial.length * 10)
    // Nothing a name holds starts a line or a comment of its own (a CR is allowed raw: the
    // format escapes only backslash, double quote and line feed in label values).
    for (const line of text.trimEnd().split('\n')) {
      expect(line).toMatch(
        /^(# (HELP|TYPE) lifeguard_[a-z_]+ [^\n]*|lifeguard_[a-z_]+\{[^\n]*\} \S+)$/,
      )
    }
    expect(text.match(/^# HELP lifeguard_health_up /gm)).toHaveLength(1)
  })

  it('escapes label values and HELP text as the format says', () => {
    expect(escapeLabelValue('a"b\\c\nd')).toBe('a\\"b\\\\c\\nd')
    expect(escapeHelp('a"b\\c\nd')).toBe('a"b\\\\c\\nd') // quotes stay in HELP
    const help = 'Backslash \\ and\nline feed, "quoted"'
    const text = renderFamilies([
      { name: 'x_seconds', help, type: 'gauge', samples: [{ labels: [], value: 1 }] },
    ])
    expect(parseExposition(text).get('x_seconds')!.help).toBe(help)
  })

  it('writes lone UTF-16 surrogates as U+FFFD so the text stays valid UTF-8', () => {
    const text = prometheusText([disconnectedProfile('id', 'bad \uD800 half')])
    expect(text).toContain('profile="bad \uFFFD half"')
    expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text)
  })
})
