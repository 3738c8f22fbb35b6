import { describe, expect, it } from 'vitest'
import { emptyListText } from './empty-list-text'

describe('an empty admin list', () => {
  it('speaks of filters only when some are set', () => {
    expect(emptyListText(true, 'payouts')).toBe('No payouts match these filters.')
    expect(emptyListText(true, 'fraud alerts')).toBe('No alerts match these filters.')
  })

  it('says what will show there when nothing is filtered', () => {
    expect(emptyListText(false, 'payouts')).toMatch(/^No payouts yet\. When a freelancer asks/)
    expect(emptyListText(false, 'fraud alerts')).toMatch(/^No alerts yet\. When a detector/)
  })
})
