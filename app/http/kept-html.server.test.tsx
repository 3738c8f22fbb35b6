import { renderToString } from 'react-dom/server'
import { useLocation } from '@remix-run/react'
import { afterAll, describe, expect, it } from 'vitest'
import { KeptHtml, keepRenderedHtml } from '~/components/portal-shell'
import { json } from './json.server'
import { renderKeptHtml } from './kept-html.server'

// Counted outside the components: a render is what is counted.
const renders = { count: 0 }
const countRender = () => {
  renders.count += 1
}

function Greeting({ name, count }: { name: string; count: number }) {
  countRender()
  return (
    <p>
      Hello {name}, {count} new
    </p>
  )
}

function Farewell({ name, count }: { name: string; count: number }) {
  return (
    <p>
      Bye {name}, {count} left
    </p>
  )
}

function Answer({ data }: { data: { name: string; items: number[] } }) {
  countRender()
  return <p>{`${data.name}: ${data.items.join(', ')}`}</p>
}

function NeedsRouter({ name }: { name: string }) {
  return <p>{`${name} at ${useLocation().pathname}`}</p>
}

function Wrapper({ children }: { children: string }) {
  countRender()
  return <p>{children}</p>
}

afterAll(() => keepRenderedHtml(undefined))

describe('kept HTML (the server renders a pure part once per props)', () => {
  it('renders a component once per set of props, and each set as React does', () => {
    renders.count = 0
    const first = renderKeptHtml(<Greeting name="Ada <admin>" count={3} />)
    expect(first).toBe(renderToString(<Greeting name="Ada <admin>" count={3} />))
    expect(renderKeptHtml(<Greeting name="Ada <admin>" count={3} />)).toBe(first)
    expect(renders.count).toBe(2) // once kept, once by React for the comparison
    const other = renderKeptHtml(<Greeting name="Ada <admin>" count={4} />)
    expect(other).toContain('4')
    expect(renders.count).toBe(3)
  })

  it('never gives one component the HTML of another with the same props', () => {
    expect(renderKeptHtml(<Greeting name="Bo" count={1} />)).toContain('Hello')
    expect(renderKeptHtml(<Farewell name="Bo" count={1} />)).toContain('Bye')
  })

  it('keys a loader’s answer by the JSON text it was read from, the same answer read twice alike', async () => {
    renders.count = 0
    const first = (await json({ name: 'Eve', items: [1, 2] }).json()) as { name: string; items: number[] }
    const again = (await json({ name: 'Eve', items: [1, 2] }).json()) as { name: string; items: number[] }
    expect(first).not.toBe(again)
    expect(renderKeptHtml(<Answer data={first} />)).toBe('<p>Eve: 1, 2</p>')
    expect(renderKeptHtml(<Answer data={again} />)).toBe('<p>Eve: 1, 2</p>')
    expect(renders.count).toBe(1)
    // Data not read from an answer is keyed by its JSON: the same text, but never the same key.
    expect(renderKeptHtml(<Answer data={{ name: 'Eve', items: [1, 2] }} />)).toBe('<p>Eve: 1, 2</p>')
    expect(renders.count).toBe(2)
    expect(renderKeptHtml(<Answer data={{ name: 'Eve', items: [1, 3] }} />)).toBe('<p>Eve: 1, 3</p>')
  })

  it('keeps nothing for a component that needs context, or one given children', () => {
    expect(renderKeptHtml(<NeedsRouter name="Cy" />)).toBeUndefined()
    renders.count = 0
    expect(renderKeptHtml(<Wrapper>one</Wrapper>)).toBeUndefined()
    expect(renders.count).toBe(0)
  })

  it('writes the same element around the part, kept or not, and falls back to rendering it', () => {
    keepRenderedHtml(undefined)
    const plain = renderToString(
      <KeptHtml as="ul" className="menu">
        <Greeting name="Di" count={2} />
      </KeptHtml>,
    )
    keepRenderedHtml(renderKeptHtml)
    const kept = renderToString(
      <KeptHtml as="ul" className="menu">
        <Greeting name="Di" count={2} />
      </KeptHtml>,
    )
    expect(kept).toBe(plain)
    expect(plain.startsWith('<ul class="menu"><p>Hello')).toBe(true)
    expect(() => renderToString(<KeptHtml>{<NeedsRouter name="Ed" />}</KeptHtml>)).toThrow()
  })
})
