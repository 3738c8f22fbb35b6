import type { ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import { HourlyNextStepCard } from './next-step'

vi.mock('@remix-run/react', () => ({
  Link: ({ to, children }: { to: string; children?: ReactNode }) => <a href={to}>{children}</a>,
}))

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

describe('the next-step card for a failed invoice payment', () => {
  const failed = (hasCard: boolean) =>
    text(
      renderToStaticMarkup(
        <HourlyNextStepCard
          step={{ kind: 'pay-invoice', count: 1, weekStart: '2026-11-09', amountMinor: 40_00, hasCard }}
          contractId="c1"
          currency="USD"
        />,
      ),
    )

  it('asks a client with no card to save one, never "another"', () => {
    expect(failed(false)).toContain('You have no card saved: save a card to pay with, then pay it.')
    expect(failed(false)).not.toContain('another')
  })

  it('offers a client with a saved card to pay again with it, or to save another', () => {
    expect(failed(true)).toContain(
      'Pay it again with your saved card, or save another card first if yours was declined.',
    )
  })
})
