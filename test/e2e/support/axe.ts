/** axe-core (@axe-core/playwright) on the page as it is now: its serious and critical findings. */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

/** One line per serious or critical violation: where, the rule, its impact and the elements. */
export async function seriousViolations(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    )
}
