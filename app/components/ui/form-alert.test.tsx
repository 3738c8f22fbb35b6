import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { FormAlert } from './form-alert'

const render = (
  allErrors: Record<string, string[]>,
  options: { long?: boolean; labels?: Record<string, string> } = {},
) => renderToStaticMarkup(<FormAlert errors={allErrors['']} form={{ id: 'proposal', allErrors }} {...options} />)

describe('a form’s alert', () => {
  it('is an empty, hidden live region while nothing is wrong', () => {
    expect(render({})).toBe('<div role="alert" class="form-alert" hidden=""></div>')
  })

  it('says only the form’s own error, without a summary, when no field of a short form is refused', () => {
    const html = render({ '': ['That code is wrong.'] })
    expect(html).toContain('<li>That code is wrong.</li>')
    expect(html).not.toContain('There is a problem')
  })

  it('opens a long form’s page at its own error too, which may sit screens down (a quota reached)', () => {
    const html = render({ '': ['You have added 100 milestones within 24 hours.'] }, { long: true })
    expect(html).toMatch(/^<div role="alert" class="form-alert form-alert--summary" tabindex="-1" autofocus=""/)
    expect(html).toContain('There is a problem')
    expect(html).toContain('<li>You have added 100 milestones within 24 hours.</li>')
    expect(html).not.toContain('form-alert__links')
  })

  it('leaves one error on a short form next to its field: no summary to repeat it', () => {
    expect(render({ title: ['Give your project a title'] })).toBe(
      '<div role="alert" class="form-alert" hidden=""></div>',
    )
  })

  it('lists each refused field as a link to it, with its label and message, and opens the page at it', () => {
    const html = render(
      {
        '': ['Not sent.'],
        amount: ['Enter your price'],
        durationDays: ['Enter a number of days'],
        'milestones[1].amount': ['Enter the milestone’s amount, e.g. 400'],
      },
      { labels: { amount: 'Your price (USD)' } },
    )
    expect(html).toMatch(/^<div role="alert" class="form-alert form-alert--summary" tabindex="-1" autofocus=""/)
    expect(html).toContain(
      'aria-labelledby="proposal-summary"><h2 id="proposal-summary" class="form-alert__title">There is a problem</h2>',
    )
    expect(html).toContain('<li>Not sent.</li>')
    const links = [...html.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map(([, href, text]) => [href, text])
    expect(links).toEqual([
      ['#proposal-amount', 'Your price (USD): Enter your price'],
      ['#proposal-durationDays', 'Duration days: Enter a number of days'],
      ['#proposal-milestones%5B1%5D.amount', 'Milestone 2 amount: Enter the milestone’s amount, e.g. 400'],
    ])
  })

  it('counts fields, not messages: one field with two messages on a short form stays next to the field', () => {
    expect(render({ password: ['Too short', 'Too common'] })).not.toContain('There is a problem')
  })

  it('summarises a single refused field of a long form, whose field may be screens below', () => {
    const html = render({ 'milestones[0].dueDate': ['Choose a date, or leave it empty'] }, { long: true })
    expect(html).toContain(
      '<a href="#proposal-milestones%5B0%5D.dueDate">Milestone 1 due date: Choose a date, or leave it empty</a>',
    )
  })

  it('without the form, is the plain alert it always was', () => {
    expect(renderToStaticMarkup(<FormAlert id="code-error" errors={['Wrong code']} />)).toBe(
      '<div role="alert" class="form-alert"><ul id="code-error" class="field__errors"><li>Wrong code</li></ul></div>',
    )
  })
})
