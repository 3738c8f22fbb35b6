import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { PriceSuggestionPanel } from './price-suggestion-panel'

const text = (html: string) => html.replace(/<[^>]+>/g, '')

describe('the price suggestion panel', () => {
  it('reads "Accepted hourly bids: no data yet" without a space before the colon, and a sample with its size', () => {
    const html = renderToStaticMarkup(
      <PriceSuggestionPanel
        suggestion={{
          budgetType: 'hourly',
          currency: 'USD',
          acceptedBids: null,
          freelancerRates: { n: 2, p25: 55_50, median: 86_00, p75: 116_50 },
          suggested: { lowMinor: 55_50, highMinor: 116_50 },
          basedOn: 2,
          confidence: 'low',
          otherCurrencyCount: 0,
          skills: ['Shopify'],
          level: 'intermediate',
        }}
      />,
    )
    expect(text(html)).toContain('Accepted hourly bids: no data yet')
    expect(text(html)).toContain(
      'Freelancer hourly rates (n = 2): 25th percentile $55.50, median $86, 75th percentile $116.50',
    )
  })
})
