import { describe, expect, it } from 'vitest'
import { safeRedirect } from './safe-redirect'

describe('safeRedirect', () => {
  it('follows same-site paths', () => {
    expect(safeRedirect('/admin/users?q=a')).toBe('/admin/users?q=a')
  })
  it('refuses other hosts and odd values', () => {
    expect(safeRedirect('https://evil.example', '/x')).toBe('/x')
    expect(safeRedirect('//evil.example', '/x')).toBe('/x')
    expect(safeRedirect('/\\evil.example', '/x')).toBe('/x')
    expect(safeRedirect(null, '/x')).toBe('/x')
  })
})
