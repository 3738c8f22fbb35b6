import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { PriceSuggestionPanel } from './price-suggestion-panel'

const text = (html: string) => html.replace(/<[^>]+>/g, '').replaceAll('&#x27;', "'")

describe('the price suggestion panel', () => {
  it('reads "Accepted hourly bids: no data yet" without a space before the colon, and a sample with its size', () => {
    const html = renderToStaticMarkup(
      <PriceSuggestionPanel
        suggestion={{
          budgetType: 'hourly',
          currency: 'USD',
          acceptedBids: null,
          acceptedBidsWithheld: 0,
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
    expect(text(html)).toContain('Low confidence (n = 2)')
    expect(text(html)).toContain(
      'Freelancer hourly rates (n = 2): 25th percentile $55.50, median $86, 75th percentile $116.50',
    )
  })
  it('says how many accepted bids matched and how many freelancers are needed, without their amount', () => {
    const html = renderToStaticMarkup(
      <PriceSuggestionPanel
        suggestion={{
          budgetType: 'fixed',
          currency: 'USD',
          acceptedBids: null,
          acceptedBidsWithheld: 1,
          freelancerRates: null,
          suggested: null,
          basedOn: 0,
          confidence: 'none',
          otherCurrencyCount: 0,
          skills: ['Shopify'],
          level: 'expert',
        }}
      />,
    )
    expect(text(html)).toContain(
      "No suggestion yet: 1 bid for similar work was agreed in USD; a figure is shown from 5 different freelancers' bids.",
    )
    expect(text(html)).not.toContain('No data yet (n = 0)')
    expect(text(html)).toContain(
      "Accepted fixed-price bids: 1 bid so far, not shown until 5 different freelancers' bids match, so that no figure is one person's price",
    )
  })
})
