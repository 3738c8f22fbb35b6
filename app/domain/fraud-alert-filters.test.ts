import { describe, expect, it } from 'vitest'
import { FraudAlertFilterSchema } from './fraud-alert-filters'

describe('fraud desk filters', () => {
  it('reads blank fields as no filter and bad values as defaults', () => {
    expect(
      FraudAlertFilterSchema.parse({ minScore: '', maxScore: '', person: '', sort: 'sideways', page: 'x' }),
    ).toEqual({
      minScore: undefined,
      maxScore: undefined,
      person: undefined,
      sort: 'newest',
      page: 1,
    })
  })

  it('keeps a score range, a type and dates', () => {
    expect(
      FraudAlertFilterSchema.parse({
        minScore: '40',
        maxScore: '90',
        type: 'card_testing',
        from: '2026-11-01',
        to: 'soon',
      }),
    ).toMatchObject({ minScore: 40, maxScore: 90, type: 'card_testing', from: '2026-11-01', to: undefined })
  })
})
