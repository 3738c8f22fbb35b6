import { describe, expect, it } from 'vitest'
import { PortfolioItemSchema, splitLinks } from './portfolio-schemas'

describe('portfolio item form', () => {
  it('accepts http(s) links one per line', () => {
    const parsed = PortfolioItemSchema.safeParse({
      title: 'Shop redesign',
      links: 'https://example.com/shop\nhttp://demo.example.org',
    })
    expect(parsed.success).toBe(true)
    expect(splitLinks('https://a.example.com, https://b.example.com\n')).toEqual([
      'https://a.example.com',
      'https://b.example.com',
    ])
  })

  it('refuses other schemes and non-addresses, naming them', () => {
    const parsed = PortfolioItemSchema.safeParse({
      title: 'Shop',
      links: 'javascript:alert(1)\nexample\nhttps://ok.example.com',
    })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.message).toBe('Not a web address (use https://…): javascript:alert(1), example')
  })

  it('limits links to five', () => {
    const links = Array.from({ length: 6 }, (_, i) => `https://x${i}.example.com`).join('\n')
    expect(PortfolioItemSchema.safeParse({ title: 'Shop', links }).error?.issues[0]?.message).toBe(
      'Add at most 5 links',
    )
  })
})
