import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { TextareaField } from '~/components/ui/field'
import { FormAlert } from '~/components/ui/form-alert'
import { IntentButtonForm } from '~/components/ui/intent-button-form'
import { PageHeader } from '~/components/ui/page-header'
import { SubmitButton } from '~/components/ui/submit-button'
import { useZodForm } from '~/components/ui/use-zod-form'
import { ReviewReplyConstraint } from '~/components/ui/form-constraints/review-reply'
import { ReviewReplySchema } from '~/services/marketplace/review-schemas'
import {
  findReviewToAnswer,
  removeReviewReply,
  reviewedProfilePath,
  saveReviewReply,
} from '~/services/marketplace/review-replies.server'
import { requireUser } from '~/http/auth.server'
import { bareIntents, parseIntent } from '~/http/intent.server'
import { readFormData } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'
import { formatDate } from '~/utils/format'

export const meta: MetaFunction = () => [{ title: 'Reply to a review · MegiLance' }]

/** Only the reviewed person, once the review shows on their profile; anyone else gets 404. */
async function requireReviewToAnswer(request: Request, reviewId: string | undefined) {
  const user = await requireUser(request)
  const review = reviewId ? await findReviewToAnswer(reviewId, user.id) : null
  if (!review) throw new Response('Not found', { status: 404 })
  return { user, review }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, review } = await requireReviewToAnswer(request, params.reviewId)
  return json({ review, profilePath: reviewedProfilePath(review, user.id) })
}

const IntentSchema = /* @__PURE__ */ bareIntents('save', 'delete')

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, review } = await requireReviewToAnswer(request, params.reviewId)
  const formData = await readFormData(request)
  const { intent } = parseIntent(formData, IntentSchema)
  const profilePath = reviewedProfilePath(review, user.id)
  if (intent === 'delete') {
    await removeReviewReply(review, user.id)
    return redirectWithToast(profilePath, { kind: 'success', message: 'Your reply is removed.' })
  }
  const submission = parseWithZod(formData, { schema: ReviewReplySchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  await saveReviewReply(review, user, submission.value.reply)
  return redirectWithToast(profilePath, {
    kind: 'success',
    message: review.reply === null ? 'Your reply is published under the review.' : 'Your reply is updated.',
  })
}

export default function ReplyToReview() {
  const { review, profilePath } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useZodForm(ReviewReplyConstraint, {
    id: 'review-reply',
    lastResult,
    defaultValue: { reply: review.reply ?? '' },
  })
  return (
    <>
      <PageHeader back={{ to: profilePath, label: 'Your profile' }} title="Reply to a review">
        <p className="muted">
          Your reply is shown under the review on your profile, for everyone who reads it. The review and its rating
          stay as {review.reviewerName} wrote them.
        </p>
      </PageHeader>
      <section className="card" aria-labelledby="review-heading">
        <h2 id="review-heading">
          {review.reviewerName}’s review of “{review.contractTitle}”
        </h2>
        <p>
          <strong>{review.rating} out of 5</strong> · {formatDate(review.createdAt)}
        </p>
        <blockquote>{review.comment}</blockquote>
      </section>
      <section className="card" aria-labelledby="reply-heading">
        <h2 id="reply-heading">{review.reply === null ? 'Publish a reply' : 'Change your reply'}</h2>
        <Form method="post" {...getFormProps(form)} className="form-stack">
          <FormAlert form={form} labels={{ reply: 'Your reply' }} />
          <TextareaField
            label="Your reply"
            meta={fields.reply}
            rows={5}
            hint={`10 to 1,000 characters. ${review.reviewerName} is told when you first reply. Keep it factual: replies with contact details are refused.`}
          />
          <SubmitButton name="intent" value="save">
            {review.reply === null ? 'Publish reply' : 'Save reply'}
          </SubmitButton>
        </Form>
        {review.reply !== null ? (
          <IntentButtonForm intent="delete" className="button button--danger">
            Remove reply
          </IntentButtonForm>
        ) : null}
      </section>
    </>
  )
}
