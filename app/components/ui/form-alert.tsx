import { useEffect, useRef } from 'react'
import { ErrorList } from './field'

/** What the alert needs of a conform form: its id (fields' ids start with it) and every error by field name. */
type FormErrors = { id: string; allErrors: Record<string, string[] | undefined> }

type SummaryEntry = { href: string; label: string; message: string }

/**
 * A field's name as a person reads it, when the form gives no label for it:
 * "durationDays" → "Duration days", "milestones[1].amount" → "Milestone 2 amount".
 */
function labelFromName(name: string): string {
  const words = name
    .replace(
      /([a-z]+)\[(\d+)\]/g,
      (_, list: string, index: string) => `${list.replace(/s$/, '')} ${Number(index) + 1} `,
    )
    .replace(/\./g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/**
 * The field errors to list, in the order the server gave them, each linking to its field by
 * conform's id (the form's id, "-", the field's name), percent-encoded: a fragment may not hold the
 * "[" and "]" of "milestones[0].amount", and the browser decodes it to find the field. The form's
 * own errors ('' in allErrors) are not links.
 */
function summaryEntries(form: FormErrors, labels: Record<string, string> = {}): SummaryEntry[] {
  return Object.entries(form.allErrors).flatMap(([name, messages]) =>
    name && messages?.length
      ? messages.map((message) => ({
          href: `#${encodeURIComponent(`${form.id}-${name}`)}`,
          label: labels[name] ?? labelFromName(name),
          message,
        }))
      : [],
  )
}

/**
 * A form's alert, at its top. It says the form's own errors (a wrong code, a refusal, "too many
 * attempts"); the live region is always in the page so screen readers announce a message when it
 * appears.
 *
 * Given the form (`form`), it is also the form's error summary (the GOV.UK pattern): when the
 * answer refuses two fields or more — or one field of a long form (`long`), whose field may sit a
 * screen or more below, or a long form's own error (`errors`: a quota reached, a refusal), which
 * may sit as far down the page — it lists each error as a link to its field, and takes the focus, so the
 * page opens at it: with JavaScript off by `autofocus` (the browser focuses it and scrolls to it on
 * load), with JavaScript on when the errors change (after conform has focused the first invalid
 * field). One error on a short form shows next to its field only, as before: a summary would
 * repeat it, and the field is in view.
 */
export function FormAlert({
  id,
  errors,
  form,
  labels,
  long = false,
}: {
  id?: string
  /** The form's own errors (conform's form.errors), where the form shows them here. */
  errors?: string[] | null
  form?: FormErrors
  /** The fields' labels by name, where a label is not the name in words (see labelFromName). */
  labels?: Record<string, string>
  long?: boolean
}) {
  const entries = form ? summaryEntries(form, labels) : []
  const refusedFields = new Set(entries.map((entry) => entry.href)).size
  // A long form's own error (a quota, a refusal) may sit as far down the page as a field's.
  const summary = refusedFields >= 2 || (long && (refusedFields === 1 || Boolean(errors?.length)))
  const ref = useRef<HTMLDivElement>(null)
  const key = summary ? [...(errors ?? []), ...entries.map((entry) => `${entry.href} ${entry.message}`)].join('\n') : ''
  useEffect(() => {
    if (key) ref.current?.focus()
  }, [key])
  if (!summary) {
    return (
      <div role="alert" className="form-alert" hidden={!errors?.length}>
        <ErrorList id={id} errors={errors} />
      </div>
    )
  }
  const headingId = `${form?.id ?? 'form'}-summary`
  return (
    <div
      ref={ref}
      role="alert"
      className="form-alert form-alert--summary"
      tabIndex={-1}
      // eslint-disable-next-line jsx-a11y/no-autofocus -- GOV.UK's error summary: without JavaScript, only autofocus opens the page at it
      autoFocus
      aria-labelledby={headingId}
    >
      <h2 id={headingId} className="form-alert__title">
        There is a problem
      </h2>
      <ErrorList id={id} errors={errors} />
      {entries.length ? (
        <ul className="form-alert__links">
          {entries.map((entry) => (
            <li key={`${entry.href} ${entry.message}`}>
              <a href={entry.href}>
                {entry.label}: {entry.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
