import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { ReviewCard } from '~/components/reviews/review-card'
import { RadioGroup, SelectField, TextareaField } from '~/components/ui/field'
import type { ReviewDirection } from '~/domain/enums'
import { RATING_OPTIONS, SUB_RATINGS } from '~/services/marketplace/review-ratings'
import { reviewSchema } from '~/services/marketplace/review-schemas'
import { findReviewContract, loadReviewPage, submitReview } from '~/services/marketplace/reviews.server'
import { requireUser } from '~/http/auth.server'
import { formatDate } from '~/utils/format'
import { readFormData } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'
import { refusalResponse } from '~/http/outcome-response.server'
import { PageHeader } from '~/components/ui/page-header'
import { SubmitButton } from '~/components/ui/submit-button'
import { useZodForm } from '~/components/ui/use-zod-form'
import { ReviewConstraint } from '~/components/ui/form-constraints/review'
import { FormAlert } from '~/components/ui/form-alert'

export const meta: MetaFunction = () => [{ title: 'Review · MegiLance' }]

/** Only the client and the freelancer of the contract come here; anyone else gets 404. */
async function requireParty(request: Request, contractId: string | undefined) {
  const user = await requireUser(request)
  const found = contractId ? await findReviewContract(contractId, user.id) : null
  if (!found) throw new Response('Not found', { status: 404 })
  return { user, ...found }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, contract } = await requireParty(request, params.contractId)
  return json({ contract: { id: contract.id, title: contract.title }, ...(await loadReviewPage(contract, user.id)) })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, contract, side } = await requireParty(request, params.contractId)
  const formData = await readFormData(request)
  const submission = parseWithZod(formData, {
    schema: reviewSchema(side === 'client' ? 'client_to_freelancer' : 'freelancer_to_client'),
  })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const outcome = await submitReview(contract, user.id, submission.value)
  if (!outcome.ok) throw refusalResponse(outcome)
  return redirectWithToast(`/contracts/${contract.id}/review`, {
    kind: 'success',
    message: 'Thank you: your review is saved.',
  })
}

export default function ContractReview() {
  const data = useLoaderData<typeof loader>()
  const other = data.otherName
  return (
    <>
      <PageHeader back={{ to: `/contracts/${data.contract.id}`, label: data.contract.title }} title="Review">
        <p className="muted">
          {data.refusal
            ? data.refusal
            : data.window === 'not_ended'
              ? 'Reviews open when the contract ends. Each side then has 14 days to review the other.'
              : data.window === 'open'
                ? `Reviews are double-blind: neither of you sees the other’s review until both have written one or the window closes on ${formatDate(data.closesAt ?? new Date())}.`
                : `The review window closed on ${formatDate(data.closesAt ?? new Date())}; every review written is now visible.`}
        </p>
      </PageHeader>
      {data.canReview ? <ReviewForm direction={data.direction} otherName={other} /> : null}
      {/* Nobody can review a contract that paid too little: the header says so, and empty cards add nothing. */}
      {data.refusal && data.theirs.state === 'missing' ? null : (
        <div className="review-pair">
          {/* While the form is open, it stands for this person's review: a card saying "not written yet" under it is noise. */}
          {data.canReview ? null : (
            <section className="card" aria-labelledby="my-review-heading">
              <h2 id="my-review-heading">Your review of {other}</h2>
              {data.mine ? (
                <ReviewCard review={data.mine} />
              ) : (
                <p className="muted">
                  {data.window === 'not_ended' ? 'You can write it once the contract ends.' : 'You did not write one.'}
                </p>
              )}
            </section>
          )}
          <section className="card" aria-labelledby="their-review-heading">
            <h2 id="their-review-heading">{other}’s review of you</h2>
            {data.theirs.state === 'visible' ? (
              <ReviewCard review={data.theirs.review} />
            ) : data.theirs.state === 'hidden' ? (
              <p>
                {other} has reviewed you. It stays hidden until both have reviewed or the window closes
                {data.closesAt ? ` on ${formatDate(data.closesAt)}` : ''}.
              </p>
            ) : (
              <p className="muted">
                {data.window === 'closed' ? `${other} did not write a review.` : `${other} has not reviewed you yet.`}
              </p>
            )}
          </section>
        </div>
      )}
    </>
  )
}

function ReviewForm({ direction, otherName }: { direction: ReviewDirection; otherName: string }) {
  const lastResult = useActionData<typeof action>()
  const constraint = ReviewConstraint[direction]
  const [form, fields] = useZodForm(constraint, { id: 'review', lastResult })
  const subFields = fields.subRatings.getFieldset()
  return (
    <section className="card" aria-labelledby="write-review-heading">
      <h2 id="write-review-heading">Review {otherName}</h2>
      <Form method="post" {...getFormProps(form)} className="form-stack">
        <FormAlert
          form={form}
          labels={{ rating: 'Overall rating', comment: 'Your review', ...subRatingLabels(direction) }}
        />
        <RadioGroup legend="Overall rating" meta={fields.rating} options={RATING_OPTIONS} />
        <div className="field-row">
          {SUB_RATINGS[direction].map(({ name, label }) => {
            const meta = subFields[name]
            return meta ? (
              <SelectField key={name} label={label} meta={meta} placeholder="Choose…" options={RATING_OPTIONS} />
            ) : null
          })}
        </div>
        <TextareaField
          label="Your review"
          meta={fields.comment}
          rows={5}
          hint="What was it like to work together? It is shown on their profile once both have reviewed or the 14 days are over. It cannot be changed later."
        />
        <SubmitButton>Publish review</SubmitButton>
      </Form>
    </section>
  )
}

/** The summary's names of the sub-ratings ("Quality of work", not "Sub ratings quality"). */
function subRatingLabels(direction: ReviewDirection): Record<string, string> {
  return Object.fromEntries(SUB_RATINGS[direction].map(({ name, label }) => [`subRatings.${name}`, label]))
}
