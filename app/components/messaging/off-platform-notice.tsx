import { Link, useLocation } from '@remix-run/react'
import { reportHref } from '~/services/help/contact-topics'
import { describeReasons } from '~/services/messaging/off-platform-reasons'

/**
 * A project, a proposal, a profile or an invitation whose own text asks to move contact or payment off MegiLance, as a
 * flagged message does (scam posts and letters send people to WhatsApp or a wire transfer): its
 * readers are warned, and its author is told they are.
 */
export function OffPlatformNotice({
  reasons,
  what,
  own,
}: {
  reasons: readonly string[]
  what: 'project' | 'proposal' | 'profile' | 'invitation'
  own: boolean
}) {
  const { pathname } = useLocation()
  if (!reasons.length) return null
  if (own) {
    return (
      <p className="message__flag" role="note">
        Others see a warning on this {what}: it contains {describeReasons(reasons)}. Keep talking and paying on
        MegiLance so escrow protects you both.
      </p>
    )
  }
  return (
    <div className="message__warning" role="alert">
      <strong>This {what} asks to move off MegiLance.</strong> It contains {describeReasons(reasons)}. Payments outside
      MegiLance are not protected by escrow, and MegiLance never asks you to pay another way.{' '}
      <Link to={reportHref(pathname)}>Report it to our team</Link> if it looks like a scam.
    </div>
  )
}
