import { describe, expect, it } from 'vitest'
import { NOTIFICATION_KINDS } from '~/domain/enums'
import {
  emailPreferencesFromForm,
  notificationKindLabel,
  notificationKindsFor,
  preferenceRows,
  wantsEmail,
} from './preferences'

describe('email preferences', () => {
  it('email by default, not for kinds the user turned off, never to a blocked account', () => {
    const none = new Set<(typeof NOTIFICATION_KINDS)[number]>()
    expect(wantsEmail('review_received', none, false)).toBe(true)
    expect(wantsEmail('review_received', new Set(['review_received']), false)).toBe(false)
    expect(wantsEmail('message_received', new Set(['review_received']), false)).toBe(true)
    expect(wantsEmail('account', none, true)).toBe(false)
  })

  it('reads a form post: ticked kinds on, every other kind off, unknown values ignored', () => {
    const preferences = emailPreferencesFromForm(['review_received', 'account', 'not_a_kind', 42])
    expect(Object.keys(preferences).sort()).toEqual([...NOTIFICATION_KINDS].sort())
    expect(preferences.review_received).toBe(true)
    expect(preferences.account).toBe(true)
    expect(preferences.message_received).toBe(false)
    expect(Object.values(emailPreferencesFromForm([])).every((on) => !on)).toBe(true)
  })

  it('lists every kind with a label, email on unless opted out', () => {
    const rows = preferenceRows(new Set(['message_received']))
    expect(rows).toHaveLength(NOTIFICATION_KINDS.length)
    expect(rows.find((row) => row.kind === 'message_received')?.email).toBe(false)
    expect(rows.find((row) => row.kind === 'review_received')).toMatchObject({ label: 'Reviews', email: true })
    expect(rows.every((row) => row.label.length > 0)).toBe(true)
    expect(notificationKindLabel('account').label).toBe('Account and security')
  })

  it('lists only the kinds the role can receive: no proposals to review for a freelancer, no payouts for a client', () => {
    const freelancer = preferenceRows(new Set(), 'freelancer').map((row) => row.kind)
    const client = preferenceRows(new Set(), 'client').map((row) => row.kind)
    expect(freelancer).not.toContain('proposal_received')
    expect(freelancer).toEqual(expect.arrayContaining(['project_invitation', 'saved_search_match', 'payout_update']))
    expect(client).toContain('proposal_received')
    expect(client).not.toEqual(expect.arrayContaining(['project_invitation']))
    expect(client.filter((kind) => ['project_invitation', 'payout_update'].includes(kind))).toEqual([])
    // Clients save talent searches, so they hear about their matches too.
    expect(client).toContain('saved_search_match')
    expect(preferenceRows(new Set(), 'admin')).toHaveLength(NOTIFICATION_KINDS.length)
  })

  it('keeps the setting of a kind the form did not show', () => {
    const shown = notificationKindsFor('client')
    const preferences = emailPreferencesFromForm(['account'], shown, new Set(['payout_update']))
    expect(preferences.account).toBe(true)
    expect(preferences.review_received).toBe(false)
    expect(preferences.payout_update).toBe(false)
    expect(preferences.project_invitation).toBe(true)
  })
})
