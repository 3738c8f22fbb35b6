import { bareIntents, parseIntent } from '~/http/intent.server'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { portfolioImageUrl, PortfolioItemForm } from '~/components/profiles/portfolio'
import { IntentButtonForm } from '~/components/ui/intent-button-form'
import { readUploadForm } from '~/http/upload-form.server'
import {
  MAX_PORTFOLIO_IMAGE_BYTES,
  MAX_PORTFOLIO_IMAGES,
  PortfolioItemSchema,
  RemoveImageSchema,
} from '~/services/marketplace/portfolio-schemas'
import {
  deleteItemAndImages,
  editPortfolioItem,
  findOwnPortfolioItem,
  removeImageFromItem,
} from '~/services/marketplace/portfolio.server'
import { requireRole } from '~/http/auth.server'
import { redirectWithToast } from '~/http/toast.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.item.title ?? 'Portfolio item'} · MegiLance` },
]

async function requireOwnItem(request: Request, itemId: string | undefined) {
  const user = await requireRole(request, 'freelancer')
  const item = await findOwnPortfolioItem(user.id, itemId)
  if (!item) throw new Response('Not found', { status: 404 })
  return item
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  return json({ item: await requireOwnItem(request, params.itemId) })
}

const IntentSchema = /* @__PURE__ */ bareIntents('save', 'remove-image', 'delete')

export async function action({ request, params }: ActionFunctionArgs) {
  const item = await requireOwnItem(request, params.itemId)
  const back = `/settings/portfolio/${item.id}`
  const { formData, oversized } = await readUploadForm(request, {
    maxFileBytes: MAX_PORTFOLIO_IMAGE_BYTES,
    maxFiles: MAX_PORTFOLIO_IMAGES,
  })
  const { intent } = parseIntent(formData, IntentSchema)
  if (intent === 'save') {
    const submission = parseWithZod(formData, { schema: PortfolioItemSchema })
    if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
    const result = await editPortfolioItem(item, submission.value, formData, oversized.has('images'))
    if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 })
    return redirectWithToast('/settings/portfolio', {
      kind: 'success',
      message: `“${submission.value.title}” is saved.`,
    })
  }
  if (intent === 'remove-image') {
    const submission = parseWithZod(formData, { schema: RemoveImageSchema })
    if (submission.status !== 'success' || !(await removeImageFromItem(item, submission.value.uploadId))) {
      throw new Response('Not found', { status: 404 })
    }
    return redirectWithToast(back, { kind: 'success', message: 'The image is removed.' })
  }
  await deleteItemAndImages(item)
  return redirectWithToast('/settings/portfolio', {
    kind: 'success',
    message: `“${item.title}” is deleted from your portfolio.`,
  })
}

export default function EditPortfolioItem() {
  const { item } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <p>
        <Link to="/settings/portfolio">← Portfolio</Link>
      </p>
      <h2>Edit “{item.title}”</h2>
      <PortfolioItemForm
        key={item.updatedAt}
        id="portfolio-edit"
        lastResult={lastResult}
        defaultValue={{ title: item.title, description: item.description, links: item.links.join('\n') }}
        submitLabel="Save changes"
        imageCount={item.images.length}
      />
      {item.images.length ? (
        <section aria-labelledby="item-images-heading">
          <h3 id="item-images-heading">Images</h3>
          <ul className="portfolio-images-edit">
            {item.images.map((image, i) => (
              <li key={image.uploadId}>
                {/* eslint-disable-next-line jsx-a11y/img-redundant-alt -- "image N" matches its "Remove image N" button */}
                <img src={portfolioImageUrl(image.uploadId)} alt={`${item.title}, image ${i + 1}`} />
                <Form method="post">
                  <input type="hidden" name="uploadId" value={image.uploadId} />
                  <button type="submit" name="intent" value="remove-image" className="button button--ghost">
                    Remove image {i + 1}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="delete-item-heading">
        <h3 id="delete-item-heading">Delete this work sample</h3>
        <p className="muted">It disappears from your public profile with its images. This cannot be undone.</p>
        <IntentButtonForm intent="delete" className="button button--danger button--wrap">
          Delete “{item.title}”
        </IntentButtonForm>
      </section>
    </>
  )
}
