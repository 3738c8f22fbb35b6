import { describe, expect, it } from 'vitest'
import { pageCount, pageShown } from './paging'

describe('pageCount', () => {
  it('counts a part-filled last page, and one page for an empty list', () => {
    expect(pageCount(41, 20)).toBe(3)
    expect(pageCount(40, 20)).toBe(2)
    expect(pageCount(1, 20)).toBe(1)
    expect(pageCount(0, 20)).toBe(1)
  })
})

describe('pageShown', () => {
  it('keeps a page within the list and brings one past the end back to the last', () => {
    expect(pageShown(2, 41, 20)).toBe(2)
    expect(pageShown(9, 41, 20)).toBe(3)
    expect(pageShown(4, 0, 20)).toBe(1)
  })
})
