import { describe, expect, it } from 'vitest'
import { safeRedirect } from './safe-redirect'

describe('safeRedirect', () => {
  it('follows same-site paths with their query and fragment', () => {
    expect(safeRedirect('/admin/users?q=a')).toBe('/admin/users?q=a')
    expect(safeRedirect('/contracts/c1/hours?week=2026-12-01#log', '/x')).toBe(
      '/contracts/c1/hours?week=2026-12-01#log',
    )
    expect(safeRedirect('/', '/x')).toBe('/')
  })

  it('refuses other hosts and odd values', () => {
    expect(safeRedirect('https://evil.example', '/x')).toBe('/x')
    expect(safeRedirect('//evil.example', '/x')).toBe('/x')
    expect(safeRedirect('/\\evil.example', '/x')).toBe('/x')
    expect(safeRedirect('javascript:alert(1)', '/x')).toBe('/x')
    expect(safeRedirect('evil.example', '/x')).toBe('/x')
    expect(safeRedirect(null, '/x')).toBe('/x')
    expect(safeRedirect(undefined, '/x')).toBe('/x')
  })

  it('refuses slashes a browser sees through tabs, newlines and carriage returns', () => {
    // `/sign-in?redirectTo=%2F%09%2Fevil.example` once answered Location: "/\t/evil.example".
    expect(safeRedirect('/\t/evil.example', '/x')).toBe('/x')
    expect(safeRedirect('/\n/evil.example', '/x')).toBe('/x')
    expect(safeRedirect('/\r/evil.example', '/x')).toBe('/x')
    expect(safeRedirect('/\r\n/evil.example', '/x')).toBe('/x')
    expect(safeRedirect('/\t\\evil.example', '/x')).toBe('/x')
  })

  it('refuses paths that collapse into another host after dot segments', () => {
    expect(safeRedirect('/..//evil.example', '/x')).toBe('/x')
    expect(safeRedirect('/.//evil.example', '/x')).toBe('/x')
    expect(safeRedirect('/%2e%2e//evil.example', '/x')).toBe('/x')
  })

  it('keeps encoded slashes encoded, so they stay a path on this site', () => {
    expect(safeRedirect('/%2F/evil.example', '/x')).toBe('/%2F/evil.example')
    expect(safeRedirect('%2F%2Fevil.example', '/x')).toBe('/x')
  })

  it('returns the parsed path, not the raw string', () => {
    expect(safeRedirect('/a\tb?q=1', '/x')).toBe('/ab?q=1')
    expect(safeRedirect('/projects/é', '/x')).toBe('/projects/%C3%A9')
  })
})
