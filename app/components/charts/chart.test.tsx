import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Chart } from './chart'

const render = (values: Array<number | null>) =>
  renderToStaticMarkup(
    <Chart
      id="rating"
      title="Average rating received"
      kind="line"
      data={{ labels: ['Mar', 'Apr'], series: [{ name: 'Rating (1–5)', values }] }}
    />,
  )

describe('a chart', () => {
  it('says there is nothing to show when every bucket is a gap, and writes each gap as a dash', () => {
    const empty = render([null, null])
    expect(empty).toContain('Nothing to show in this period.')
    expect(empty.match(/<td class="numeric">—<\/td>/g)).toHaveLength(2)
    const some = render([4.5, null])
    expect(some).not.toContain('Nothing to show')
    expect(some).toContain('<td class="numeric">4.5</td>')
    // A real zero is a value, not a gap.
    expect(render([0, 0])).not.toContain('Nothing to show')
  })

  it('puts its data table in a named region a keyboard can focus, for when it scrolls sideways on a phone', () => {
    expect(render([4.5, 4])).toContain(
      '<div class="table-wrap" role="region" aria-label="Table: Average rating received" tabindex="0"><table',
    )
  })
})
