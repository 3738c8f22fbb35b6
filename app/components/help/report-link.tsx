import { Link } from '@remix-run/react'
import { reportHref } from '~/services/help/contact-topics'

/**
 * A quiet "Report this …" link for signed-in members, under a project, profile, proposal or
 * conversation: it opens the contact form at "Report a scam or abuse", naming the page.
 */
export function ReportLink({ about, what }: { about: string; what: string }) {
  return (
    <p className="report-link">
      <Link to={reportHref(about)}>Report {what}</Link>
    </p>
  )
}

/** Above the contact form opened by a "Report" link: what the report is about (or why it cannot be sent). */
export function ReportingNote({ what, own }: { what: string; own: string | null }) {
  return own ? (
    <p className="form-alert" role="alert">
      This is {own}: you cannot report it.
    </p>
  ) : (
    <p>
      You are reporting <strong>{what}</strong>. Our team sees the page and the person with your message, and does not
      tell them who reported it.
    </p>
  )
}
