import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { EditItemLink, PortfolioGallery, PortfolioItemForm } from '~/components/profiles/portfolio'
import { listPortfolioItems } from '~/models/portfolio.server'
import { readUploadForm } from '~/http/upload-form.server'
import {
  MAX_PORTFOLIO_IMAGE_BYTES,
  MAX_PORTFOLIO_IMAGES,
  PortfolioItemSchema,
} from '~/services/marketplace/portfolio-schemas'
import { addPortfolioItem } from '~/services/marketplace/portfolio.server'
import { requireRole } from '~/http/auth.server'
import { redirectWithToast } from '~/http/toast.server'

export const meta: MetaFunction = () => [{ title: 'Portfolio · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'freelancer')
  return json({ userId: user.id, items: await listPortfolioItems(user.id) })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'freelancer')
  const { formData, oversized } = await readUploadForm(request, {
    maxFileBytes: MAX_PORTFOLIO_IMAGE_BYTES,
    maxFiles: MAX_PORTFOLIO_IMAGES,
  })
  const submission = parseWithZod(formData, { schema: PortfolioItemSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const result = await addPortfolioItem(user.id, submission.value, formData, oversized.has('images'))
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 })
  return redirectWithToast('/settings/portfolio', {
    kind: 'success',
    message: `“${submission.value.title}” is in your portfolio.`,
  })
}

export default function PortfolioSettings() {
  const { userId, items } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <h2>Portfolio</h2>
      <p className="muted">
        Work samples clients see on <Link to={`/freelancers/${userId}`}>your public profile</Link>.
      </p>
      {items.length ? (
        <PortfolioGallery items={items} actions={(item) => <EditItemLink item={item} />} />
      ) : (
        <p className="empty">Your portfolio is empty. Add your first work sample below.</p>
      )}
      <section aria-labelledby="add-portfolio-heading">
        <h3 id="add-portfolio-heading">Add a work sample</h3>
        <PortfolioItemForm
          key={items.length}
          id="portfolio-add"
          lastResult={lastResult}
          submitLabel="Add to portfolio"
        />
      </section>
    </>
  )
}
