import { describe, expect, it } from 'vitest'
import { filterFromSearch, searchWithoutPage } from './payment-history-filters'
import { parsePaymentHistorySearch } from './payment-history-search'

const parse = (query: string) => parsePaymentHistorySearch(new URLSearchParams(query))

describe('payment history filters', () => {
  it('reads every filter of the GET form', () => {
    const search = parse('type=release&status=completed&currency=eur&from=2026-03-01&to=2026-03-31&q=%20logo%20&page=3')
    expect(search).toEqual({
      type: 'release',
      status: 'completed',
      currency: 'EUR',
      from: '2026-03-01',
      to: '2026-03-31',
      q: 'logo',
      page: 3,
    })
    expect(filterFromSearch(search)).toEqual({
      type: 'release',
      status: 'completed',
      currency: 'EUR',
      since: Date.UTC(2026, 2, 1),
      until: Date.UTC(2026, 3, 1),
      text: 'logo',
    })
  })

  it('ignores bad values instead of failing, and empty fields mean no filter', () => {
    const search = parse('type=bribe&status=lost&currency=dollars!&from=2026-13-40&to=yesterday&q=&page=-2')
    expect(search).toEqual({ page: 1 })
    expect(filterFromSearch(search)).toEqual({})
    expect(parse('type=&status=&currency=&from=&to=')).toEqual({ page: 1 })
  })

  it('reads a reversed date range the right way round, "to" including its whole day', () => {
    const filter = filterFromSearch(parse('from=2026-05-10&to=2026-05-01'))
    expect(filter.since).toBe(Date.UTC(2026, 4, 1))
    expect(filter.until).toBe(Date.UTC(2026, 4, 11))
  })

  it('keeps the filters but not the page for the CSV link', () => {
    expect(searchWithoutPage(parse('type=payout&q=bank&page=4'))).toBe('?type=payout&q=bank')
    expect(searchWithoutPage(parse('page=2'))).toBe('')
  })
})
