import { sectionId, type HelpBlock, type HelpTopic } from './topics'

/** One section of a help topic that answers a search. */
export type HelpHit = { slug: string; topicTitle: string; heading: string; anchor: string; snippet: string }

/**
 * Words newcomers type for what the articles name otherwise ("withdraw" for a payout). Each word of a
 * search matches itself or any of these.
 */
const ALSO: Record<string, readonly string[]> = {
  withdraw: ['payout', 'payouts'],
  withdrawal: ['payout', 'payouts'],
  cash: ['payout', 'payouts'],
  paid: ['payout', 'release', 'released'],
  bank: ['payout', 'payouts'],
  crypto: ['wallet', 'payout'],
  commission: ['fee'],
  charge: ['fee', 'fees'],
  cost: ['fee', 'fees'],
  vat: ['tax', 'gst'],
  gst: ['tax', 'vat'],
  invoice: ['tax', 'statement'],
  refund: ['refunded', 'dispute'],
  '2fa': ['second factor', 'authenticator', 'passkey'],
  mfa: ['second factor', 'authenticator', 'passkey'],
  authenticator: ['second factor'],
  hacked: ['password', 'sessions', 'security'],
  scam: ['off', 'outside', 'fraud'],
  fraud: ['scam', 'outside'],
  whatsapp: ['outside', 'off'],
  rating: ['review', 'reviews', 'rank'],
  score: ['rank', 'ranking'],
  suspended: ['block', 'blocked'],
  banned: ['block', 'blocked'],
}

/** Words that say nothing about the subject ("how do I get my money"). */
const STOP = new Set(
  'a an and are be by can do does for from get how if in is it me my of on or so the to was what when where who why will with you your'.split(
    ' ',
  ),
)

const MAX_HITS = 8

/** A block's words as plain text, links reduced to their labels. */
function plain(block: HelpBlock): string {
  const text = block.kind === 'p' ? block.text : block.items.join(' ')
  return text.replace(/\[([^\]]+)\]\(\/[^)\s]*\)/g, '$1')
}

/** The search's words: lower case, at least two characters, none of the STOP words, at most eight of them. */
function wordsOf(query: string): string[] {
  const words = (query.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? []).filter((word) => !STOP.has(word))
  return [...new Set(words)].slice(0, 8)
}

function containsWord(text: string, word: string): boolean {
  return new RegExp(`(^|[^\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u').test(text)
}

/** The first sentence of the section that holds one of the words, shortened to about 200 characters. */
function snippetOf(texts: string[], terms: string[]): string {
  const sentences = texts.flatMap((text) => text.match(/[^.!?]+[.!?]*/g) ?? [])
  const found = sentences.find((sentence) => terms.some((term) => containsWord(sentence.toLowerCase(), term)))
  const sentence = (found ?? sentences[0] ?? '').trim()
  return sentence.length > 200 ? `${sentence.slice(0, 199).trimEnd()}…` : sentence
}

/**
 * The sections that answer `query`, best first: those holding more of its words (or words they stand
 * for) first, and a word in a heading or the topic's title counts more than one in the text.
 */
export function searchHelp(query: string, topics: readonly HelpTopic[]): HelpHit[] {
  const words = wordsOf(query)
  if (!words.length) return []
  const scored: { hit: HelpHit; score: number }[] = []
  for (const topic of topics) {
    for (const section of topic.sections) {
      const texts = section.blocks.map(plain)
      const title = `${topic.title} ${section.heading}`.toLowerCase()
      const body = texts.join(' ').toLowerCase()
      let score = 0
      const matched: string[] = []
      for (const word of words) {
        const terms = [word, ...(ALSO[word] ?? [])]
        const inTitle = terms.filter((term) => containsWord(title, term))
        const inBody = terms.filter((term) => containsWord(body, term))
        if (!inTitle.length && !inBody.length) continue
        score += 10 + (inTitle.length ? 3 : 0) + (inBody.length ? 1 : 0)
        matched.push(...inTitle, ...inBody)
      }
      if (score > 0)
        scored.push({
          score,
          hit: {
            slug: topic.slug,
            topicTitle: topic.title,
            heading: section.heading,
            anchor: sectionId(section.heading),
            snippet: snippetOf(texts, matched),
          },
        })
    }
  }
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_HITS)
    .map(({ hit }) => hit)
}
