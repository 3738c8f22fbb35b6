import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Greeting } from './greeting'

const steps = [
  { label: 'Post your first project', href: '/projects/new', done: true },
  { label: 'Complete your profile', href: '/settings', done: false },
] as const

const text = (html: string) => html.replace(/<[^>]+>/g, '')

describe('the dashboard greeting', () => {
  it('points a newcomer at the first checklist step not done', () => {
    expect(text(renderToStaticMarkup(<Greeting who="Carmen" newcomer steps={[...steps]} />))).toBe(
      'Welcome, Carmen. Next step: Complete your profile.',
    )
  })

  it('puts a proposal waiting for the newcomer before the checklist', () => {
    const html = renderToStaticMarkup(
      <Greeting
        who="Carmen"
        newcomer
        steps={[...steps]}
        waiting={{ href: '/proposals/p1', label: 'Read Femi’s proposal' }}
      />,
    )
    expect(text(html)).toBe('Welcome, Carmen. Next step: Read Femi’s proposal.')
    expect(html).toContain('href="/proposals/p1"')
  })

  it('welcomes everyone else back, without a next step', () => {
    expect(
      text(
        renderToStaticMarkup(
          <Greeting who="Carmen" newcomer={false} steps={[...steps]} waiting={{ href: '/proposals/p1', label: 'x' }} />,
        ),
      ),
    ).toBe('Welcome back, Carmen.')
  })
})
