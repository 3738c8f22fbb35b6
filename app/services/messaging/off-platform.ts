/**
 * Spots messages that try to move a conversation or a payment off MegiLance: contact details
 * (emails, phone numbers, messaging-app handles and links) and requests to pay outside escrow.
 * Pure and synchronous; the reasons are stable names, shown to people through `describeReasons`.
 *
 * It aims at few false positives on ordinary project talk: dates, prices, ranges, versions and
 * code are not phone numbers, and naming an app ("a Telegram bot") is not a request to use it.
 */

import unhomoglyph from 'unhomoglyph'
import { OFF_PLATFORM_REASONS, type OffPlatformReason } from './off-platform-reasons'

/**
 * Lower case, compatibility forms folded, invisible characters gone, dashes and quotes plain, and
 * letters of other scripts that look like Latin ones ("gmаil" with a Cyrillic а) read as those.
 * Only non-ASCII text goes through the look-alike table (Unicode's confusables, via unhomoglyph):
 * it also maps ASCII ("m" to "rn", "1" to "l"), which would spoil ordinary words and numbers.
 */
function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/[^\p{ASCII}]+/gu, (run) => unhomoglyph(run))
    .toLowerCase()
}

const DIGIT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']
const DIGIT_WORD = `(?:${DIGIT_WORDS.join('|')}|oh)`
// Seven or more digits spelled out in a row are a phone number written to slip past the patterns.
const SPELLED_NUMBER = new RegExp(String.raw`\b${DIGIT_WORD}(?:[\s,-]+${DIGIT_WORD}){6,}\b`, 'g')
// "j o h n @ g m a i l . c o m", "w h a t s a p p": four or more single letters spaced out.
const SPACED_LETTERS = /(?<![a-z0-9])[a-z@.](?: [a-z@.]){3,}(?![a-z0-9])/g

/**
 * The text as a member hiding contact details means it to be read: spaced-out letters joined,
 * spaces around an address's @ and dots dropped, spelled-out digits as digits. The patterns run
 * on this as well as on the text itself.
 */
function compact(text: string): string {
  return text
    .replace(SPACED_LETTERS, (run) => run.replace(/ /g, ''))
    .replace(/(?<=[a-z0-9])\s*@\s*(?=[a-z0-9])/g, '@')
    .replace(/(@[a-z0-9-]+(?:\.[a-z0-9-]+)*)\s*\.\s*(?=[a-z]{2,}\b)/g, '$1.')
    .replace(SPELLED_NUMBER, (run) =>
      run
        .split(/[\s,-]+/)
        .map((word) => (word === 'oh' ? '0' : String(DIGIT_WORDS.indexOf(word))))
        .join(''),
    )
}

// ---------------------------------------------------------------- emails

// An address's name part is at most 64 characters. Unbounded, every letter of a long word started a
// scan to its end: one 5,000-character message ("a.a.a.…") cost half a second of the server's time.
const LOCAL = String.raw`[a-z0-9][a-z0-9._+-]{0,63}`
const EMAIL = /[a-z0-9][a-z0-9._%+-]{0,63}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8}\.[a-z]{2,}\b/
const MAIL_PROVIDERS =
  'gmail|googlemail|yahoo|hotmail|outlook|live|proton(?:mail)?|pm|icloud|me|aol|gmx|yandex|mail|zoho|qq|163'
// "john at gmail dot com", "john [at] gmail [dot] com", "john(at)example.com"
const OBFUSCATED_EMAIL = new RegExp(
  [
    String.raw`\b${LOCAL}\s*[\[({<]\s*at\s*[\])}>]\s*[a-z0-9-]+\s*(?:\.|[\[({<]\s*dot\s*[\])}>]|\s+dot\s+)\s*[a-z]{2,}\b`,
    String.raw`\b${LOCAL}\s+at\s+[a-z0-9-]+\s+dot\s+[a-z]{2,}\b`,
    String.raw`\b${LOCAL}\s+at\s+(?:${MAIL_PROVIDERS})\s*(?:\.|\s+dot\s+)\s*(?:com|net|org|me|ch|de|ru|co\.uk|fr)\b`,
  ].join('|'),
)

// Mailbox services nobody "works at": "john.smith@gmail", "johnsmith at gmail", "gmail: johnsmith".
const MAILBOXES = 'gmail|googlemail|hotmail|protonmail'
const MAILBOX_WITHOUT_ENDING = new RegExp(
  [
    String.raw`\b${LOCAL}@(?:${MAILBOXES}|yahoo|outlook|icloud|yandex|gmx)\b`,
    String.raw`\b${LOCAL}\s+at\s+(?:${MAILBOXES})\b`,
    String.raw`\b(?:${MAILBOXES}|yahoo|outlook|icloud)\s*(?:id|address|account)?\s*(?:is\s*)?[:=]\s*[a-z0-9][a-z0-9._+-]{2,}`,
  ].join('|'),
)

function hasEmail(text: string): boolean {
  return EMAIL.test(text) || OBFUSCATED_EMAIL.test(text) || MAILBOX_WITHOUT_ENDING.test(text)
}

// ---------------------------------------------------------------- phone numbers

const PHONE_WORDS =
  /\b(?:call|text|phone|tel|mobile|cell|cellphone|sms|whats\s?app|viber|ring|dial|(?:my|the|our|his|her|this)\s+number|number\s*(?:is|:)|contact(?:\s+me)?|reach\s+me)\b/
const MONEY_BEFORE = /(?:[$€£¥₹₦]|\b(?:usd|eur|gbp|inr|ngn|rs\.?|budget|price|cost|pay|paid|salary|total))\s*$/
const MONEY_AFTER =
  /^\s*(?:[$€£¥₹₦]|usd|eur|gbp|inr|ngn|dollars?|euros?|pounds?|rupees?|naira|k\b|m\b|words|lines|users|rows|records|items|pixels|px|ms|kb|mb|gb|%)/
const ID_BEFORE =
  /(?:#|\b(?:order|invoice|id|ref|reference|ticket|issue|pr|build|commit|version|v|po|no\.?|item|sku|tracking|isbn|account)\s*[:#]?\s*)$/

/** Digit runs that look like dates, times or IP addresses rather than phone numbers. */
function looksLikeDateOrAddress(candidate: string): boolean {
  const trimmed = candidate.trim()
  return (
    /^\d{4}[-./ ]\d{1,2}[-./ ]\d{1,2}(?:[ T]\d{1,2}[ .:]\d{2}(?:[ .:]\d{2})?)?$/.test(trimmed) ||
    /^\d{1,2}[-./ ]\d{1,2}[-./ ]\d{4}$/.test(trimmed) ||
    /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(trimmed) ||
    /^\d{4}\s*-\s*\d{4}$/.test(trimmed)
  )
}

// A possible number: optional +, digits in groups separated by one space, dash, dot or
// parentheses. Commas and colons never separate (those are amounts and times).
const PHONE_CANDIDATE =
  /(?<![\w.,/+#@$€£-])(\+\s?)?(?:\(\d{1,5}\)\s?|\d{1,6})(?:[ .-]?(?:\(\d{1,5}\)|\d{1,6})){0,7}(?!\w|[.,]\d)/g

function hasPhone(text: string): boolean {
  // A run of 16 or more digits is no phone number (at most 15), and trying to split it into groups is slow.
  const withoutLinks = text
    .replace(/\b(?:https?:\/\/|www\.)\S+/g, ' ')
    .replace(new RegExp(EMAIL.source, 'g'), ' ')
    .replace(/\d{16,}/g, ' ')
  for (const match of withoutLinks.matchAll(PHONE_CANDIDATE)) {
    const candidate = match[0]
    const digits = candidate.replace(/\D/g, '')
    const start = match.index ?? 0
    const before = withoutLinks.slice(Math.max(0, start - 16), start)
    const after = withoutLinks.slice(start + candidate.length, start + candidate.length + 12)
    if (MONEY_BEFORE.test(before) || MONEY_AFTER.test(after) || ID_BEFORE.test(before)) continue
    if (looksLikeDateOrAddress(candidate)) continue
    if (digits.length > 15) continue
    const groups = candidate
      .trim()
      .split(/[ .\-()]+/)
      .filter(Boolean)
    const plus = candidate.trim().startsWith('+')
    const dotted = /\d\.\d/.test(candidate)
    // Version numbers and decimals: dotted groups must look like 555.123.4567.
    if (dotted && !(groups.length >= 3 && groups.every((group) => group.length >= 2 && group.length <= 4))) continue
    if (plus && digits.length >= 8) return true
    const talkNearby = PHONE_WORDS.test(withoutLinks.slice(Math.max(0, start - 40), start))
    if (groups.length === 1) {
      // A bare run of digits is a phone number only when it is shaped like one (a national number
      // starting with 0, +1 written without the plus, a common country code) or follows "call",
      // "my number" and the like; ids, timestamps and limits are bare digits too.
      if (digits.length < 10 || digits.length > 13) continue
      if (talkNearby) return true
      if (/^0\d{9,10}$/.test(digits) || /^1[2-9]\d{9}$/.test(digits)) return true
      if (digits.length >= 12 && /^(?:44|91|234|254|233|63|92|880|62|27|20|55|52|86|33|49|39|34|971|966)/.test(digits))
        return true
      continue
    }
    if (groups.length >= 3 && digits.length >= 9) return true
    if (groups.length === 2 && digits.length >= 10) return true
    if (/\(\d{2,5}\)/.test(candidate) && digits.length >= 9) return true
    // "555-1234" only counts right after talk of calling or texting.
    if (talkNearby && digits.length >= 7 && groups.length >= 2) return true
  }
  return false
}

// ---------------------------------------------------------------- messaging apps

type App = 'whatsapp' | 'telegram' | 'skype' | 'signal' | 'other_app'

// Letters swapped for look-alike symbols count too: "wh@tsapp", "t3legram".
const APP_NAMES: Record<App, string> = {
  whatsapp: String.raw`wh[a@4]ts\s?[a@4]pp|wh[a@4]ts[a@4]p|w[a@4]ts\s?[a@4]pp|wapp`,
  telegram: String.raw`t[e3]l[e3]gr[a@4]m|t[e3]l[e3]grm|t[e3]l[e3]\s?gr[a@4]m`,
  skype: String.raw`sk[yi]pe|skpe`,
  signal: String.raw`signal`,
  other_app: String.raw`discord|instagram|insta|snapchat|wechat|viber|kik`,
}

const APP_LINKS: Record<App, RegExp> = {
  whatsapp:
    /\b(?:wa\s*\.\s*me\s*\/|chat\.whatsapp\.com|api\.whatsapp\.com|whatsapp\.com\/(?:send|qr|channel)|wa\.link\/)/,
  telegram: /\b(?:t\s*\.\s*me\s*\/|telegram\.(?:me|dog)\/|tg:\/\/)/,
  skype: /(?:\bjoin\.skype\.com\/|\bskype:[\w.:-]+(?:\?(?:call|chat|add))?|\blive:\.?cid\.\w+|\blive:[a-z][\w.-]{2,})/,
  signal: /\b(?:signal\.me\/|signal\.group\/)/,
  other_app:
    /\b(?:discord\.gg\/|discord(?:app)?\.com\/(?:invite|users)\/|instagram\.com\/|instagr\.am\/|snapchat\.com\/add\/)/,
}

const REACH_VERBS = String.raw`message|msg|text|txt|call|ping|reach|contact|add|find|dm|write|hit|buzz|chat with|talk to|talk with|speak to|speak with|get in touch with|connect with`
const MOVE_VERBS = String.raw`talk|chat|continue|move|connect|communicate|discuss|speak|switch|go|continue this|take this|talk more|chat more|move this|do this|keep in touch`

function appPatterns(app: App): RegExp[] {
  const name = `(?:${APP_NAMES[app]})`
  const qualifier = String.raw`(?:id|handle|username|user\s?name|name|number|no\.?|#|account|acc)`
  // "telegram: @john", "skype id is live:john", "my signal is +44…", but not "telegram is popular".
  const handleTail = String.raw`(?:\s*${qualifier}?\s*(?:is\s*)?[:=]\s*[@+]?[\w.+-]{3,}|\s*${qualifier}?\s*(?:is\s*)?[@+][\w.+-]{3,}|\s*${qualifier}\s+is\s+[@+]?[\w.+-]{3,}|\s+is\s+[@+\d][\w.+-]{2,})`
  const patterns = [
    // "message me on WhatsApp", "add me on skype", "contact me via telegram"
    new RegExp(
      String.raw`\b(?:${REACH_VERBS})\s+(?:me|us)\s+(?:on|via|at|through|over|in|using|with)\s+(?:my\s+)?${name}\b`,
    ),
    // "let's talk on Telegram", "can we continue on whatsapp", "shall we move to skype"
    new RegExp(
      String.raw`\b(?:let'?s|lets|let us|we can|we could|can we|could we|shall we|should we|we should|i'?d like to|i want to|i prefer to|prefer to|better to|easier to|please)\s+(?:${MOVE_VERBS})(?:\s+\w+){0,3}?\s+(?:on|via|over|in|through|to|using)\s+${name}\b`,
    ),
    // "my WhatsApp is ...", "my skype id", "my telegram" (not "my Instagram following": other apps need a handle)
    ...(app === 'other_app' ? [] : [new RegExp(String.raw`\bmy\s+${name}\b`)]),
    // "WhatsApp: +44…", "telegram @john_doe", "skype id: john.smith"
    new RegExp(String.raw`\b${name}${handleTail}`),
    new RegExp(String.raw`\b${name}\s+@[\w.]{3,}`),
    // "whatsapp me", "skype me"
    new RegExp(String.raw`\b${name}\s+(?:me|us)\b`),
    // "do you have WhatsApp?", "are you on telegram?", "do you use skype"
    new RegExp(
      String.raw`\b(?:do you (?:have|use)|are you on|you on|have you got|got)\s+(?:a\s+)?${name}\b(?!\s+(?:bot|api|channel|integration|group|business api|webhook|sdk))`,
    ),
    // "on WhatsApp at +1…", "on signal: …"
    new RegExp(String.raw`\b(?:on|via)\s+${name}\s*(?:at|:)\s*[@+\d]`),
  ]
  if (app === 'telegram') patterns.push(/\btg\s*(?::|@)\s*@?[\w.]{3,}/)
  return patterns
}

const APP_PATTERNS = Object.fromEntries(
  (Object.keys(APP_NAMES) as App[]).map((app) => [app, appPatterns(app)]),
) as Record<App, RegExp[]>

function hasApp(text: string, app: App): boolean {
  if (APP_LINKS[app].test(text)) return true
  if (app === 'signal') {
    // "signal" is an ordinary word: only the contact forms count, never "signal processing".
    return (
      APP_PATTERNS.signal.some((pattern) => {
        const match = pattern.exec(text)
        return (
          match !== null &&
          !/^\s*(?:processing|strength|chain|flow|handler|to noise)/.test(text.slice(match.index + match[0].length))
        )
      }) && !/\bmy\s+signal\s+(?:is|was)\s+(?:weak|bad|poor|down|low|lost)/.test(text)
    )
  }
  return APP_PATTERNS[app].some((pattern) => pattern.test(text))
}

// ---------------------------------------------------------------- payments outside escrow

type Method = 'wire_transfer' | 'western_union' | 'gift_cards' | 'crypto' | 'payment_app'

const METHODS: Record<Method, string> = {
  wire_transfer: String.raw`wire transfer|bank transfer|bank wire|wire(?:d)? (?:the )?(?:money|funds|payment)|direct deposit|bank deposit|swift transfer|sepa transfer|iban|swift code|bank details|bank account|account number|routing number`,
  western_union: String.raw`western union|westernunion|moneygram|money gram|ria money transfer|worldremit|remitly`,
  gift_cards: String.raw`gift\s?cards?|itunes cards?|apple cards?|google play cards?|steam cards?|amazon cards?|vanilla cards?|prepaid cards?|ebay cards?`,
  crypto: String.raw`crypto(?:currency|currencies)?|bitcoins?|btc|ethereum|eth|usdt|tether|usdc|binance pay|binance|litecoin|ltc|dogecoin|monero|xmr|solana|trc20|erc20|bep20`,
  payment_app: String.raw`paypal(?: friends (?:and|&) family| f&f)?|zelle|venmo|cash\s?app|cashapp|revolut|payoneer|skrill|neteller|alipay|wechat pay|upi|gcash|m-?pesa`,
}

const PAYING = String.raw`pay|paying|payment|payments|paid|send|sending|sent|transfer|transferring|wire|wiring|settle|deposit|remit`
const PERSON_PAY = String.raw`(?:${PAYING})\s+(?:me|you|us|him|her|them)\b`
const INTENT_PAY = String.raw`\b(?:i'?ll|i will|i can|i'd|i would|i could|we'?ll|we will|we can|we'd|can you|could you|would you|will you|you can|you could|you should|you'?ll need to|you need to|please|pls|just|prefer to|rather|i want to|i'd like to|let me|lets|let's)\s+(?:\w+\s+){0,2}?(?:${PAYING})\b`
const OUTSIDE = String.raw`instead|directly|direct|outside|off (?:the )?(?:platform|site|megilance)|avoid(?:ing)? (?:the )?(?:\w+ )?fees?|no fees?|without (?:the )?fees?|save (?:on )?(?:the )?(?:\w+ )?fees?|cheaper|skip (?:the )?(?:platform|escrow|fees?)|bypass`

function methodPatterns(method: Method): RegExp[] {
  const m = `(?:${METHODS[method]})`
  return [
    // "pay me via Western Union", "send me the money by bank transfer"
    new RegExp(String.raw`\b${PERSON_PAY}[^.!?\n]{0,50}?\b${m}\b`),
    // "I'll pay by wire transfer", "can you pay with gift cards", "please send USDT"
    new RegExp(String.raw`${INTENT_PAY}[^.!?\n]{0,50}?\b${m}\b`),
    // an order at the start of a sentence: "Pay via Western Union."
    new RegExp(
      String.raw`(?:^|[.!?;\n]\s*)(?:${PAYING})\s+(?:it\s+|the\s+\w+\s+)?(?:via|by|with|through|using|in|on)\s+${m}\b`,
    ),
    // "bank transfer instead", "crypto directly to avoid fees"
    new RegExp(String.raw`\b${m}\b[^.!?\n]{0,40}?\b(?:${OUTSIDE})\b`),
    new RegExp(
      String.raw`\b(?:${OUTSIDE})\b[^.!?\n]{0,30}?\b(?:via|by|with|through|in|using|to my)\s+(?:a\s+|an\s+|my\s+)?${m}\b`,
    ),
    // "I only accept bitcoin", "I prefer PayPal", "payment in USDT only"
    new RegExp(
      String.raw`\bi\s+(?:only\s+)?(?:accept|take|prefer|want|need|require|use)\s+(?:payments?\s+)?(?:in|via|by|with|through)?\s*${m}\b`,
    ),
    new RegExp(String.raw`\bpayments?\s+(?:in|via|by|with|through)\s+${m}\s+only\b`),
    new RegExp(String.raw`\b(?:only|just)\s+(?:accept|take)\s+${m}\b`),
    // "my bitcoin wallet", "my IBAN", "my PayPal"
    new RegExp(String.raw`\bmy\s+(?:\w+\s+)?${m}(?:\s+(?:wallet|address|account|details|id|email|is))?\b`),
    // "buy gift cards and send me the codes"
    ...(method === 'gift_cards'
      ? [
          /\b(?:buy|purchase|get)\s+(?:\w+\s+){0,3}?(?:gift\s?cards?|itunes|google play|steam|amazon|vanilla)\b[^.!?\n]{0,60}?\b(?:codes?|send|pictures?|photos?|scratch)\b/,
        ]
      : []),
  ]
}

const METHOD_PATTERNS = Object.fromEntries(
  (Object.keys(METHODS) as Method[]).map((method) => [method, methodPatterns(method)]),
) as Record<Method, RegExp[]>

const WALLET_ADDRESS = /\b(?:bc1[a-z0-9]{25,60}|[13][a-km-zA-HJ-NP-Z1-9]{25,34}|0x[a-f0-9]{40}|T[A-Za-z1-9]{33})\b/
const SEND_WORDS = new RegExp(String.raw`\b(?:${PAYING}|wallet|address)\b`)

function hasMethod(text: string, original: string, method: Method): boolean {
  if (METHOD_PATTERNS[method].some((pattern) => pattern.test(text))) {
    // "my eth" would catch "my method" etc. only as whole words, and bank words need paying talk.
    return true
  }
  if (method === 'crypto') return WALLET_ADDRESS.test(original) && SEND_WORDS.test(text)
  return false
}

const PAY_OUTSIDE = [
  // "pay outside the platform", "work off MegiLance", "deal outside of this site"
  /\b(?:pay|paying|payment|payments|paid|work|working|deal|deals|transaction|transactions|contract|continue|talk|chat|communicate|communication|move|moving|take|taking|do|doing|hire|hiring|business)\b[^.!?\n]{0,40}?\b(?:outside|off|away from|around|without)\s+(?:of\s+)?(?:the\s+|this\s+)?(?:platform|site|website|megilance|escrow|marketplace)\b(?!'s|\s+api)/,
  /\b(?:outside|off)\s+(?:of\s+)?(?:the\s+|this\s+)?(?:platform|megilance|escrow)\b(?!'s|\s+api)[^.!?\n]{0,40}?\b(?:pay|paying|payment|payments|paid|work|deal|cheaper|fees?|directly|contact|talk|chat)\b/,
  // "avoid the platform fees", "save on MegiLance fees", "skip the escrow", "bypass megilance"
  /\b(?:avoid|avoiding|skip|skipping|save on|saving on|save|bypass|bypassing|get around|cut out|cutting out|no need for)\s+(?:the\s+|their\s+|megilance(?:'s)?\s+|this\s+)?(?:platform|site|megilance|escrow|service|marketplace|middleman|commission)(?:\s+(?:fees?|commission|cut|charges?))?\b/,
  /\b(?:avoid|avoiding|skip|save|save on|no)\s+(?:the\s+)?(?:\d+\s*%\s+)?(?:platform\s+|service\s+)?(?:fees?|commission)\b[^!?\n]{0,60}?\b(?:pay|paying|payment|directly|outside|privately)\b/,
  /\b(?:directly|outside|privately)\b[^!?\n]{0,40}?\b(?:to\s+)?(?:avoid|skip|save|save on)\s+(?:the\s+)?(?:\d+\s*%\s+)?(?:platform\s+|service\s+)?(?:fees?|commission)\b/,
  /\b(?:pay|paying|payment)\b[^.!?\n]{0,30}?\b(?:directly|direct)\b[^.!?\n]{0,30}?\b(?:avoid|save|skip|no|without)\s+(?:the\s+)?(?:\w+\s+)?(?:fees?|commission|escrow|platform)\b/,
  // "pay me directly", "I'll pay you directly"
  /\bpay\s+(?:me|you|us)\s+directly\b/,
  /\b(?:direct|private)\s+(?:payment|deal|contract)\s+(?:outside|off|without|to avoid|and avoid)\b/,
  /\b(?:cancel|close|end)\s+(?:the\s+|this\s+)?(?:contract|proposal|job)\b[^.!?\n]{0,40}?\b(?:pay|paying|payment|directly)\b[^.!?\n]{0,30}?\b(?:directly|outside|privately)\b/,
]

/**
 * The reasons a message looks like a move off MegiLance, in a fixed order, each at most once.
 * An empty list means nothing was found.
 */
export function detectOffPlatform(body: string): OffPlatformReason[] {
  const normal = normalize(body)
  const compacted = compact(normal)
  const texts = compacted === normal ? [normal] : [normal, compacted]
  const found = new Set<OffPlatformReason>()
  const original = body.normalize('NFKC')
  for (const text of texts) {
    if (hasEmail(text)) found.add('email')
    if (hasPhone(text)) found.add('phone')
    for (const app of Object.keys(APP_NAMES) as App[]) if (hasApp(text, app)) found.add(app)
    for (const method of Object.keys(METHODS) as Method[]) if (hasMethod(text, original, method)) found.add(method)
    if (PAY_OUTSIDE.some((pattern) => pattern.test(text))) found.add('pay_outside')
  }
  return OFF_PLATFORM_REASONS.filter((reason) => found.has(reason))
}

/** How many texts `detectOffPlatformInPost` remembers (each at most a post's 5,000 characters). */
const POSTS_REMEMBERED = 500
const postReasons = new Map<string, OffPlatformReason[]>()

/**
 * detectOffPlatform for a text shown again on every view (a project's description, a proposal's
 * letter): the patterns cost about 0.15 ms per 1,000 characters, so the answer for the same text is
 * kept (the last 500 texts). Keyed by the text itself, so an edit is never answered from before it.
 */
export function detectOffPlatformInPost(text: string): OffPlatformReason[] {
  let reasons = postReasons.get(text)
  if (!reasons) {
    reasons = detectOffPlatform(text)
    if (postReasons.size >= POSTS_REMEMBERED) postReasons.delete(postReasons.keys().next().value!)
    postReasons.set(text, reasons)
  }
  return [...reasons]
}
