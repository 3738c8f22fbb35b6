import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { ChartSvg } from './chart-svg'

describe('the server-drawn chart', () => {
  it('breaks a line at a bucket with no value, and draws no dot there', () => {
    const html = renderToStaticMarkup(
      <ChartSvg
        kind="line"
        format={{ kind: 'count' }}
        data={{ labels: ['Mar', 'Apr', 'May', 'Jun'], series: [{ name: 'Rating (1–5)', values: [4, null, 5, 5] }] }}
        cells={[['4', '—', '5', '5']]}
      />,
    )
    const [line, dots] = [...html.matchAll(/<path d="([^"]*)"/g)].map((match) => match[1]!)
    // Four slots of 250 units: the line starts again at May, nothing at April.
    expect(line!.match(/[ML][\d.]+/g)).toEqual(['M125.0', 'M625.0', 'L875.0'])
    expect(dots!.match(/M[\d.]+/g)).toEqual(['M125.0', 'M625.0', 'M875.0'])
  })
})
