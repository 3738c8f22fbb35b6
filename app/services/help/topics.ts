/**
 * The help centre's articles, as data. Text may hold links written `[label](/path)`; the page
 * renders them as links inside the app. Keep the facts in line with the product: the fee, the
 * escrow steps, the dispute and review rules all live in code too (see the comments by each).
 */
import { DISPUTE_RESPONSE_DAYS } from '~/services/marketplace/dispute-rules'
import { REVIEW_MINIMUM_PAID_USD } from '~/domain/paid-work'

export type HelpBlock =
  { kind: 'p'; text: string } | { kind: 'list'; items: string[] } | { kind: 'steps'; items: string[] }
type HelpSection = { heading: string; blocks: HelpBlock[] }
export type HelpTopic = { slug: string; title: string; summary: string; sections: HelpSection[] }

const p = (text: string): HelpBlock => ({ kind: 'p', text })
const list = (...items: string[]): HelpBlock => ({ kind: 'list', items })
const steps = (...items: string[]): HelpBlock => ({ kind: 'steps', items })

/** Articles write the platform fee as `{fee}`; the page fills in the configured percentage. */
export function withFee<T>(value: T, feePercent: number): T {
  return JSON.parse(JSON.stringify(value).replaceAll('{fee}', `${feePercent}%`)) as T
}

export const HELP_TOPICS: readonly HelpTopic[] = [
  {
    slug: 'fees',
    title: 'Fees',
    summary:
      'One published platform fee: {fee} on released milestones, shown before you commit; standard payouts are free.',
    sections: [
      {
        heading: 'The platform fee',
        blocks: [
          p(
            'MegiLance charges one platform fee: {fee} of each payment released to a freelancer. There is no membership, no fee to send proposals, no fee to post a project and no charge to sign up.',
          ),
          p(
            'The fee is taken when a milestone is released from escrow. If a milestone of $500 is released, the freelancer receives $450 in their wallet and MegiLance keeps $50. The client pays the milestone amount they agreed to, nothing more.',
          ),
          // MILESTONE_MINIMUM_USD in domain/paid-work.ts.
          p(
            'A fixed price, each milestone and an hourly rate are at least US$5 (or the same in the contract’s currency at the day’s rate): on a smaller payment the fee would round to nothing. Milestones agreed before this minimum keep their amounts.',
          ),
        ],
      },
      {
        heading: 'Shown before you commit',
        blocks: [
          p(
            'Every page where you agree to pay or be paid — a proposal, a contract, funding a milestone — shows the amount, the {fee} fee and what the freelancer receives, before you confirm. The figure you see is the figure that is charged.',
          ),
        ],
      },
      {
        heading: 'When no fee is taken',
        blocks: [
          list(
            'Money refunded to the client (a cancelled milestone or a dispute decided for the client) carries no fee.',
            'In a split dispute decision, the fee applies only to the freelancer’s part.',
            'Money that stays in escrow is not charged while it waits.',
          ),
        ],
      },
      {
        heading: 'Tax in the fee',
        blocks: [
          p(
            'The {fee} fee already includes the VAT or GST of the client’s billing country; the fee and what the freelancer receives do not change. An EU business with a valid VAT ID in another EU country than MegiLance’s pays no VAT on the fee: it is reverse charged. See [VAT and GST rates by country](/help/tax).',
          ),
        ],
      },
      {
        heading: 'Payouts',
        blocks: [
          list(
            'Standard payouts are free: to a bank in 3–5 business days, to a crypto wallet within an hour.',
            'Instant payouts cost 1% (at least $1): to a bank within 30 minutes where the bank supports it, to a crypto wallet within 10 minutes.',
            'The smallest payout is $10 to a bank and $20 to a crypto wallet. A wallet in another currency uses their value at the current exchange rate. The fee, what arrives and when are shown before you confirm.',
          ),
        ],
      },
      {
        heading: 'Approximate amounts in your currency',
        blocks: [
          p(
            'Choose a currency under [Settings → Appearance](/settings/appearance) and your wallet, payments, payouts, dashboard and contracts show about what each amount is in it, such as “≈ €1,234.56”, at the day’s exchange rate; each page names the rate and its date. It is only a guide: balances stay in their own currency, and exports and emails keep the exact amounts. A currency without a known rate shows no “≈”.',
          ),
        ],
      },
    ],
  },
  {
    slug: 'escrow',
    title: 'Escrow and milestones',
    summary: 'Clients fund each milestone before work starts; freelancers are paid when it is approved.',
    sections: [
      {
        heading: 'How a milestone moves',
        blocks: [
          steps(
            'Fund: the client pays the milestone amount into escrow. The money leaves the client but does not yet reach the freelancer.',
            'Submit: the freelancer delivers the work and submits the milestone with a note.',
            'Review: the client approves it, or asks for changes saying what is missing. The freelancer can submit again as often as needed.',
            'Release: once approved, the money is released to the freelancer’s wallet, less the {fee} fee.',
          ),
        ],
      },
      {
        heading: 'If the client does not answer',
        blocks: [
          p(
            'A submitted milestone that the client neither approves nor sends back within 14 days is approved automatically and released. Freelancers are never left waiting for a client who went silent.',
          ),
        ],
      },
      {
        heading: 'Why escrow protects both sides',
        blocks: [
          list(
            'Freelancers see that the money exists before they start.',
            'Clients only pay out for work they approved (or did not contest within 14 days).',
            'If something goes wrong, the money stays in escrow until a dispute is decided. See [disputes](/help/disputes).',
          ),
        ],
      },
    ],
  },
  {
    slug: 'disputes',
    title: 'Disputes',
    summary: 'Evidence from both sides and a written decision by an admin.',
    sections: [
      {
        heading: 'What can be disputed',
        blocks: [
          list(
            'A milestone while its money is in escrow: funded, submitted or sent back for changes.',
            'A weekly invoice on an hourly contract, by the client, within the 5 days they have to approve it.',
          ),
        ],
      },
      {
        heading: 'How it works',
        blocks: [
          steps(
            'Either side opens a dispute from the contract, saying what is wrong and attaching evidence (files up to 10 MB).',
            `The other side is told and has ${DISPUTE_RESPONSE_DAYS} days to give their side of the story, with their own evidence. Each side states its case once.`,
            'An admin reads both, then decides: release to the freelancer, refund the client, or split the amount between them. If no response comes within the days given, the admin decides on the claim and its evidence alone, so silence cannot hold the money for ever.',
            'The decision comes with a written reason that both sides see, by notification and email. The money moves as decided; on a split, the usual fee is taken from the freelancer’s part only.',
            'Until then the money stays in escrow, and a disputed milestone is not approved automatically. The dispute page, linked from the milestone, shows where it stands and the response deadline.',
          ),
        ],
      },
      {
        heading: 'Before you open one',
        blocks: [
          p(
            'Most problems are solved faster by talking: use the contract’s messages to say clearly what you expected and what you received. Keep the conversation on MegiLance: it stays with the contract, and in a dispute you can quote it or attach a screenshot of it as evidence. An admin reads what each side sends, not your messages.',
          ),
        ],
      },
    ],
  },
  {
    slug: 'reviews',
    title: 'Reviews',
    summary: 'Double-blind: neither side sees the other’s review until both have written one or 14 days pass.',
    sections: [
      {
        heading: 'Who reviews whom, and when',
        blocks: [
          p(
            'When a contract ends, the client and the freelancer each have 14 days to review the other, once. A review has an overall rating from 1 to 5 stars, a few sub-ratings and a written comment. It cannot be changed afterwards.',
          ),
          // REVIEW_MINIMUM_PAID_USD in domain/paid-work.ts.
          p(
            'Reviews are for paid work: a contract opens them once at least US$5 of work (or the same in its currency) was paid through MegiLance. A contract that paid less has no reviews, so nobody can buy a rating with a token payment. A review is public, so it may not carry email addresses, phone numbers or other ways to get in touch.',
          ),
          list(
            'Clients rate freelancers on quality of work, communication and meeting deadlines.',
            'Freelancers rate clients on clear requirements, communication and prompt payment.',
          ),
        ],
      },
      {
        heading: 'Why double-blind',
        blocks: [
          p(
            'On many platforms people hold back an honest review for fear of a revenge review. On MegiLance, your review stays hidden from the other side until they have written theirs too, or until the 14 days are over. Nobody can read what you wrote and answer it in kind.',
          ),
          p(
            'Once both reviews are in, both are visible at once. If only one side reviews, that review becomes visible when the window closes.',
          ),
        ],
      },
      {
        heading: 'Where reviews show',
        blocks: [
          p(
            'Visible reviews appear on the public profile of the person reviewed, and a freelancer’s average rating is one of the factors of their [rank](/help/ranking).',
          ),
        ],
      },
    ],
  },
  {
    slug: 'ranking',
    title: 'Ranking',
    summary: 'A published formula, the same for everyone, with your own breakdown.',
    sections: [
      {
        heading: 'No black box',
        blocks: [
          p(
            'Freelancers are ranked by a score out of 100 computed from a published formula. The formula is the same for everyone and you can read it in full, factor by factor, on the [rank page](/rank), along with your own breakdown if you are a freelancer.',
          ),
        ],
      },
      {
        heading: 'What counts',
        blocks: [
          list(
            'Your average rating from visible reviews.',
            `Job success: how many of your ended contracts paid you at least US$${REVIEW_MINIMUM_PAID_USD} for work, less disputes decided against you.`,
            'On-time delivery of milestones with a due date.',
            'How complete your profile is.',
            'How recently you were active.',
          ),
          p(
            'Newcomers start from a neutral value, so one early review or one contract can neither make nor break a score. The more history you have, the more the score reflects it.',
          ),
        ],
      },
      {
        heading: 'What does not count',
        blocks: [p('Nothing you can buy: there are no paid boosts, and the fee is the same {fee} for everyone.')],
      },
    ],
  },
  {
    slug: 'security',
    title: 'Security and safety',
    summary: 'Keep your account safe and spot scams before they cost you.',
    sections: [
      {
        heading: 'Your account',
        blocks: [
          list(
            'Use a long password you use nowhere else. MegiLance refuses passwords found in common-password lists.',
            'You are signed out after 30 minutes without activity, and every session ends after 7 days.',
            'Changing your password signs out every other device at once.',
            'If you forget your password, a one-time code is emailed to you; it works for 15 minutes.',
            'To sign in with another email address, change it under [Settings → Email](/settings/email) with your password (and a second factor, if you have one). A code goes to the new address, and the address changes only when you enter it. Your old address is then told of the change: if that email ever reaches you and it was not you, sign out the other sessions, change the address back and change your password, or [contact us](/help/contact?topic=account) from the old address.',
          ),
        ],
      },
      {
        heading: 'Second factors (two-step sign-in)',
        blocks: [
          p(
            'A second factor means a stolen password alone cannot open your account. Turn one on under [Settings → Security](/settings/security): an authenticator app (such as Google Authenticator, 1Password or Authy), a passkey (your phone’s or computer’s screen lock), a security key such as a YubiKey, or a code by text message or email. Keep a set of backup codes for the day you have none of them at hand.',
          ),
          p(
            'Your [security log](/settings/security/log) lists sign-ins and changes to your account, such as a new second factor or payout method, and [Sessions](/settings/sessions) lists every browser signed in, so you can sign out the ones that are not yours.',
          ),
        ],
      },
      {
        heading: 'Stay on the platform',
        blocks: [
          p(
            'Scammers try to move conversations and payments elsewhere — a chat app, a bank transfer, gift cards. Off MegiLance there is no escrow and no dispute process to protect you. Requests to contact or pay outside the platform are flagged to our admins.',
          ),
          list(
            'Never pay a “registration”, “training” or “equipment” fee to get work.',
            'Never start work on a milestone that is not funded.',
            'MegiLance staff will never ask for your password or a reset code.',
          ),
          p(
            'A flagged project, profile or message carries a link to report it; anything else that looks like a scam, [report it to our team](/help/contact?topic=safety).',
          ),
        ],
      },
      {
        heading: 'Blocks come with a reason',
        blocks: [
          p(
            'If an admin blocks an account, its owner is told why, by email and when they try to sign in. To contest a block or report a problem, use the [contact form](/help/contact).',
          ),
        ],
      },
    ],
  },
]

/** A section's id on its topic's page, from its heading ("Who reviews whom, and when" → "who-reviews-whom-and-when"). */
export function sectionId(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

export function findHelpTopic(slug: string): HelpTopic | undefined {
  return HELP_TOPICS.find((topic) => topic.slug === slug)
}

export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; to: string }

/** Splits text with `[label](/path)` links into parts; only paths inside the app become links. */
export function parseHelpText(text: string): TextPart[] {
  const parts: TextPart[] = []
  const pattern = /\[([^\]]+)\]\((\/[^)\s]*)\)/g
  let last = 0
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0
    if (index > last) parts.push({ kind: 'text', text: text.slice(last, index) })
    parts.push({ kind: 'link', text: match[1] ?? '', to: match[2] ?? '/' })
    last = index + match[0].length
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) })
  return parts
}
