import { LRUCache } from 'lru-cache'
import type { ReactElement } from 'react'
import { renderToString } from 'react-dom/server'
import { answerText } from './json.server'

/** About 900 freelancer dashboards' content (key and HTML) per process; the least recently used go first. */
const MAX_CHARACTERS = 8 * 1024 * 1024

const kept = new LRUCache<string, string>({
  maxSize: MAX_CHARACTERS,
  sizeCalculation: (html, key) => Math.max(1, html.length + key.length),
})

/** Each component type gets a number, so that two components given the same props never share HTML. */
const typeNumbers = new WeakMap<object, number>()
let nextTypeNumber = 0

function typeNumber(type: unknown): number | undefined {
  if (typeof type !== 'function') return undefined
  let number = typeNumbers.get(type)
  if (number === undefined) typeNumbers.set(type, (number = nextTypeNumber += 1))
  return number
}

/**
 * The props as text: a part given only a loader's answer (`data`) is keyed by the JSON text the
 * answer was read from (http/json.server.ts), which saves writing it out again; any other by its
 * props' JSON. The two kinds of key never meet (their first letters differ).
 */
function propsText(props: object): string {
  if ('data' in props && Object.keys(props).length === 1) {
    const text = answerText(props.data)
    if (text !== undefined) return `t${text}`
  }
  return `j${JSON.stringify(props)}`
}

/**
 * The renderer behind KeptHtml (components/portal-shell.tsx): an element's HTML, kept by its component and its
 * props (as JSON). Exact as long as the component is a pure function of plain-data props, which
 * KeptHtml asks of its child. The element is rendered on its own (React allows a render inside a
 * render), so a child that needs context throws here: it is then rendered as usual, and nothing kept.
 */
export function renderKeptHtml(element: ReactElement<object>): string | undefined {
  const type = typeNumber(element.type)
  // Children are elements, whose JSON leaves out what they render: such a child is never kept.
  if (type === undefined || 'children' in element.props) return undefined
  const key = `${type}\u0000${propsText(element.props)}`
  const known = kept.get(key)
  if (known !== undefined) return known
  let html: string
  try {
    html = renderToString(element)
  } catch {
    return undefined
  }
  kept.set(key, html)
  return html
}
