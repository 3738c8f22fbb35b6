import { describe, expect, it } from 'vitest'
import { detectOffPlatform, detectOffPlatformInPost } from './off-platform'
import { describeReasons, type OffPlatformReason } from './off-platform-reasons'

const POSITIVES: Array<[string, OffPlatformReason]> = [
  // emails
  ['Send the files to maria.lopez@gmail.com please', 'email'],
  ['My email: J.Smith+work@company.co.uk', 'email'],
  ['reach me at dev_ops-team@mail.example.org', 'email'],
  ['write to john at gmail dot com', 'email'],
  ['email me: anna [at] outlook [dot] com', 'email'],
  ['contact: peter(at)example.com', 'email'],
  ['mike at yahoo.com is best', 'email'],
  ['ＭＡＲＩＡ＠ＧＭＡＩＬ．ＣＯＭ', 'email'],
  // phones
  ['Call me on +1 415 555 2671 tomorrow', 'phone'],
  ['my number is (415) 555-2671', 'phone'],
  ['+44 20 7946 0958', 'phone'],
  ['+447700900123', 'phone'],
  ['Text 07700 900123 when you are free', 'phone'],
  ['phone: 415.555.2671', 'phone'],
  ['+91 98765 43210', 'phone'],
  ['Call 555-2671 after six', 'phone'],
  ['Call me on +44 7700 900123, any time', 'phone'],
  ['numbers: 415-555-2671, 415-555-2672.', 'phone'],
  ['+234 803 123 4567 is my line', 'phone'],
  ['0803-123-4567', 'phone'],
  ['my cell 4155552671', 'phone'],
  ['+49 (0) 30 1234567', 'phone'],
  ['reach me at 020 7946 0958', 'phone'],
  ['+1\u2011415\u2011555\u20112671', 'phone'],
  // messaging apps
  ['Add me on WhatsApp so we can talk faster', 'whatsapp'],
  ['my whatsapp is +44 7700 900123', 'whatsapp'],
  ['wa.me/447700900123', 'whatsapp'],
  ['Join here https://chat.whatsapp.com/AbCdEf123', 'whatsapp'],
  ["Let's continue this on Whatsapp", 'whatsapp'],
  ['Do you have WhatsApp?', 'whatsapp'],
  ['whatsapp me when you are ready', 'whatsapp'],
  ['Telegram: @john_dev', 'telegram'],
  ['message me on telegram', 'telegram'],
  ['https://t.me/johndev', 'telegram'],
  ['t.me/johndev', 'telegram'],
  ['tg: @johndev', 'telegram'],
  ['Can we move to Telegram? It is easier', 'telegram'],
  ['my skype id is live:john.smith_42', 'skype'],
  ['Skype: john.smith', 'skype'],
  ['add me on skype', 'skype'],
  ['join.skype.com/invite/AbC123', 'skype'],
  ['Text me on Signal', 'signal'],
  ["let's talk on signal instead", 'signal'],
  ['signal.me/#p/+447700900123', 'signal'],
  ['My Signal is @john.42', 'signal'],
  // payments outside escrow
  ['I will pay you by wire transfer, it is faster', 'wire_transfer'],
  ['Can you pay by bank transfer instead?', 'wire_transfer'],
  ['please send the money to my bank account', 'wire_transfer'],
  ['Here is my IBAN: DE89 3704 0044 0532 0130 00', 'wire_transfer'],
  ['Pay me via Western Union', 'western_union'],
  ['I can send it by MoneyGram', 'western_union'],
  ['Please pay with iTunes gift cards', 'gift_cards'],
  ['buy 5 Steam gift cards and send me the codes', 'gift_cards'],
  ['I only accept bitcoin', 'crypto'],
  ['pay me in USDT (TRC20)', 'crypto'],
  ["I'll pay in crypto to avoid fees", 'crypto'],
  ['Send 0.05 BTC to bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh', 'crypto'],
  ['my eth wallet 0x52908400098527886E0F7030069857D2E4169EE7', 'crypto'],
  ['You can pay me on PayPal friends and family', 'payment_app'],
  ['Can you send it through Zelle?', 'payment_app'],
  ['Just pay via Payoneer instead', 'payment_app'],
  ['Let us pay outside the platform to save the fees', 'pay_outside'],
  ['We can work off MegiLance and I will give you a discount', 'pay_outside'],
  ['If we avoid the platform fees we both save 10%', 'pay_outside'],
  ['Pay me directly and skip the escrow', 'pay_outside'],
  ['Payment outside of this site is cheaper for both of us', 'pay_outside'],
  ['let us deal outside the platform', 'pay_outside'],
  ['we can bypass megilance and save money', 'pay_outside'],
]

const NEGATIVES = [
  'Hi! Thanks for the invitation. I have read the brief and can start on Monday.',
  'The budget is $1,500 and the deadline is 2026-12-15.',
  'Could we split it into 3 milestones of $500 each?',
  'I worked 2:30 today; the staging build is at version 1.12.3.',
  'Our API handles 10000000 requests per day.',
  'The meeting is on 12/03/2026 at 10:30 CET.',
  'We have 2000-3000 active users and expect 15 000 more next year.',
  'Budget: 1 500 000 NGN for the whole project.',
  'Please see order #20261123001 and invoice 4421-2231-998.',
  'The server IP is 192.168.100.200 behind the firewall.',
  'The app should send notifications via Telegram and WhatsApp for our customers.',
  'We need a Telegram bot that posts the daily report.',
  'Integrate the WhatsApp Business API with our CRM.',
  'The signal processing part is done; the filter removes noise.',
  'That is a good signal that the users like the new design.',
  'Skype for Business is being replaced by Teams in their company, so the plugin is obsolete.',
  'Users should be able to pay by card, and later we add bank transfer support.',
  'The checkout must support PayPal and Stripe.',
  'We are building a crypto exchange dashboard with charts for BTC and ETH prices.',
  'The invoice will be paid through the escrow as usual.',
  'Send me the wireframes when you can.',
  'I sent the payment for milestone 2 through MegiLance.',
  'It would be wise to add tests before we ship.',
  'The gift card feature for the shop needs a balance page.',
  'Let me know at what time you are available for a call on MegiLance.',
  'Price: 12.99, 14.99 and 19.99 for the three tiers.',
  'Phone mockups are attached, the number of screens is 12.',
  'Can you add an email field and a phone field to the sign-up form?',
  'The contract runs from 01.02.2026 to 31.03.2026.',
  'Version 3.4.12.8 fixed the crash.',
  'ISBN 978-3-16-148410-0 is the reference book.',
  'Commit 4f2a9c1 fixes the layout; see PR 1234.',
  'The file is 2500000 bytes; resolution 1920 x 1080.',
  'I am off the platform next week on holiday, back on the 3rd.',
  "The platform's escrow is why I like working here.",
  'Let us keep everything on MegiLance, including payments.',
  'The CSV has 1,234,567 rows.',
  'Telegram and Signal are both end-to-end encrypted apps; which should the chat feature imitate?',
  'Can you check the 404 on /users/12345/profile?',
  'The hex colour #3366cc and #ffffff are used.',
  'I estimate 40-60 hours, 5-7 days.',
  'Coordinates: 51.5074, -0.1278',
]

/** Ordinary messages that must not be flagged. */
function leavesAlone(texts: string[]) {
  it.each(texts)('leaves %j alone', (text) => {
    expect(detectOffPlatform(text)).toEqual([])
  })
}

describe('detectOffPlatform', () => {
  it.each(POSITIVES)('flags %j as %s', (text, reason) => {
    expect(detectOffPlatform(text)).toContain(reason)
  })

  it.each(NEGATIVES)('does not flag %j', (text) => {
    expect(detectOffPlatform(text)).toEqual([])
  })

  it('names several reasons once each, in a fixed order', () => {
    const reasons = detectOffPlatform(
      'WhatsApp me on +44 7700 900123 or mail a.b@c.io; pay via Western Union, western union only.',
    )
    expect(reasons).toEqual(['email', 'phone', 'whatsapp', 'western_union'])
  })

  it('sees through zero-width characters', () => {
    expect(detectOffPlatform('wa\u200B.me/447700900123')).toContain('whatsapp')
  })
})

describe('describeReasons', () => {
  it('joins the labels in words', () => {
    expect(describeReasons(['phone'])).toBe('a phone number')
    expect(describeReasons(['phone', 'email'])).toBe('an email address and a phone number')
    expect(describeReasons(['email', 'phone', 'crypto'])).toBe(
      'an email address, a phone number and a request to pay in cryptocurrency',
    )
  })
})

describe('more real-looking messages', () => {
  it.each([
    ['Hello sir, kindly contact me on whatsapp +2348031234567 for more details', ['phone', 'whatsapp']],
    ['I am ready to start. Reach me via skype: live:.cid.1234abcd', ['skype']],
    ['Pay via Western Union to my brother in Lagos', ['western_union']],
    ['To save the 10% fee, send the money directly to my PayPal', ['payment_app', 'pay_outside']],
  ] as const)('%j', (text, reasons) => {
    expect(detectOffPlatform(text)).toEqual(expect.arrayContaining([...reasons]))
  })

  leavesAlone([
    'Kindly find the attached quotation for the logo and the brand guide.',
    'I have 8 years of experience with React, Node and PostgreSQL.',
    'Week 47: 12 h logged, 3 h left in the weekly limit.',
    'We should pay attention to the 3 failing tests before the release.',
    'Please pay the first milestone when you are happy with the draft.',
    'The payment step calls Stripe, then shows a receipt.',
  ])
})

describe('developer talk', () => {
  leavesAlone([
    'The counter must stay between 0 and 2147483647, which is the max int number.',
    'Screenshot 2018-11-25 8 21 14.png shows the bug.',
    'We use the signal-exit package and whatsapp-web.js for the bot.',
    'Created at 1732361234567 (ms since epoch), updated at 1732361299.',
    'Order 100045 and ticket 883412 are linked.',
  ])
})

describe('app names in ordinary sentences', () => {
  leavesAlone([
    'Telegram is popular in Iran, so the launch should support it.',
    'Reuse the AbortController; a signal is reused across requests.',
    'The hashing function returns a number between 0 and 4294967295.',
    'WhatsApp is where most of our customers are.',
  ])

  it.each([
    ['My number is 4155552671', 'phone'],
    ['the number: 07700900123', 'phone'],
    ['Signal is +447700900123', 'signal'],
  ] as const)('still flags %j', (text, reason) => {
    expect(detectOffPlatform(text)).toContain(reason)
  })
})

describe('detectOffPlatformInPost (a text shown on every view)', () => {
  it('answers as detectOffPlatform, for the text as it is now, and hands out a copy', () => {
    const post = 'A booking page for our clinic. Samples on WhatsApp: +44 7700 900123.'
    expect(detectOffPlatformInPost(post)).toEqual(detectOffPlatform(post))
    const first = detectOffPlatformInPost(post)
    first.push('email')
    expect(detectOffPlatformInPost(post)).toEqual(['phone', 'whatsapp'])
    // An edit is a new text: never answered from before it.
    expect(detectOffPlatformInPost('A booking page for our clinic.')).toEqual([])
    // Past the 500 it keeps, the oldest texts are read again, with the same answer.
    for (let i = 0; i < 600; i++) detectOffPlatformInPost(`Project number ${i} with plain words.`)
    expect(detectOffPlatformInPost(post)).toEqual(['phone', 'whatsapp'])
  })
})

/** The fifth probe: what a member types to slip contact details past the patterns. */
describe('obfuscated contact details', () => {
  it.each([
    // letters spaced out, spaces around @ and the dot
    ['j o h n @ g m a i l . c o m', 'email'],
    ['write to john @ gmail . com', 'email'],
    ['m a r i a . l o p e z @ o u t l o o k . c o m', 'email'],
    // look-alike letters from other scripts (Cyrillic а, е, о, Greek ο)
    ['john@gmаil.com', 'email'],
    ['mаrіа@yаhoο.com', 'email'],
    ['my tеlеgram is @johnny_dev', 'telegram'],
    ['ѕkype: john.smith', 'skype'],
    ['message me on ᴡhatsapp', 'whatsapp'],
    // a mailbox without its ending, or named before the address
    ['john.smith@gmail', 'email'],
    ['johnsmith at gmail, write me there', 'email'],
    ['gmail: johnsmith1990', 'email'],
    // spelled-out and full-width digits
    ['call me: five five five one two three four five six seven', 'phone'],
    ['my number is ０７７００ ９００１２３', 'phone'],
    // letters swapped for look-alike symbols, and the app spelled out
    ['wh@tsapp me', 'whatsapp'],
    ['w h a t s a p p me on +44 7700 900123', 'whatsapp'],
    // other apps
    ['add me on discord: johnny#1234', 'other_app'],
    ['my insta is @john_designs', 'other_app'],
    ['discord.gg/abcd1234', 'other_app'],
  ] as const)('flags %j as %s', (text, reason) => {
    expect(detectOffPlatform(text)).toContain(reason)
  })

  leavesAlone([
    'Привет! Я могу сделать логотип за три дня.',
    'Ελπίζω να τελειώσω το σχέδιο αύριο.',
    'The a b c of the design system: spacing, colour, type.',
    'I can do one, two or three rounds of changes.',
    'I grew my Instagram following to 20k for a bakery; the case study is in my portfolio.',
    'We need a Discord bot that posts the build status.',
    'Version 2.0.1 at 14:30, budget $1,500 for 3 milestones.',
    'Gmail and Outlook both render the newsletter template.',
    'The office is at 5 Main Street.',
  ])
})

describe('the cost of a crafted message', () => {
  it('checks a 5,000-character run of address characters quickly (it took half a second before)', () => {
    const crafted = 'a.'.repeat(2_500)
    detectOffPlatform(crafted)
    const started = performance.now()
    expect(detectOffPlatform(crafted)).toEqual([])
    // About 25 ms here; the bound is loose so a busy machine does not fail it.
    expect(performance.now() - started).toBeLessThan(200)
  })
})
