import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Form, Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { ErrorList, Field, TextareaField } from '~/components/ui/field'
import { MAX_PORTFOLIO_IMAGES } from '~/services/marketplace/portfolio-limits'
import { useZodForm } from '~/components/ui/use-zod-form'
import { PortfolioItemConstraint } from '~/components/ui/form-constraints/portfolio-item'
import { FormAlert } from '~/components/ui/form-alert'

export type PortfolioItemView = {
  id: string
  title: string
  description: string
  links: string[]
  images: Array<{ uploadId: string; originalName: string }>
}

export function portfolioImageUrl(uploadId: string): string {
  return `/portfolio/images/${uploadId}`
}

/** Work samples as cards: title, description, links and images. `actions` adds controls per item. */
export function PortfolioGallery({
  items,
  actions,
}: {
  items: PortfolioItemView[]
  actions?: (item: PortfolioItemView) => ReactNode
}) {
  return (
    <ul className="portfolio-grid">
      {items.map((item) => (
        <li key={item.id}>
          <article className="portfolio-item" aria-labelledby={`portfolio-${item.id}`}>
            <h3 id={`portfolio-${item.id}`}>{item.title}</h3>
            {item.images.length ? (
              <div className="portfolio-item__images">
                {item.images.map((image, i) => (
                  <a key={image.uploadId} href={portfolioImageUrl(image.uploadId)}>
                    {/* eslint-disable-next-line jsx-a11y/img-redundant-alt -- "image N" tells an item's images apart */}
                    <img src={portfolioImageUrl(image.uploadId)} alt={`${item.title}, image ${i + 1}`} loading="lazy" />
                  </a>
                ))}
              </div>
            ) : null}
            {item.description ? <p className="portfolio-item__description">{item.description}</p> : null}
            {item.links.length ? (
              <ul className="link-list">
                {item.links.map((link) => (
                  <li key={link}>
                    <a href={link} rel="noopener noreferrer nofollow" target="_blank">
                      {link}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
            {actions ? actions(item) : null}
          </article>
        </li>
      ))}
    </ul>
  )
}

type FormProps = {
  id: string
  lastResult?: SubmissionResult<string[]> | null
  defaultValue?: { title: string; description: string; links: string }
  submitLabel: string
  imageCount?: number
}

/** Add or edit a work sample; images are sent as multipart form data (works without JavaScript). */
export function PortfolioItemForm({ id, lastResult, defaultValue, submitLabel, imageCount = 0 }: FormProps) {
  const [form, fields] = useZodForm(PortfolioItemConstraint, { id, lastResult, defaultValue })
  const imageErrors = (lastResult?.error as Record<string, string[] | null> | undefined)?.images ?? undefined
  const inputId = `${id}-images`
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="form-stack">
      <FormAlert form={form} />
      <Field label="Title" meta={fields.title} />
      <TextareaField label="Description" meta={fields.description} rows={4} />
      <TextareaField
        label="Links"
        meta={fields.links}
        rows={3}
        hint="Web addresses of the work, one per line (https://…), at most 5."
      />
      <div className="field">
        <label htmlFor={inputId}>{imageCount ? 'Add images' : 'Images'}</label>
        <input
          id={inputId}
          type="file"
          name="images"
          multiple
          accept="image/png,image/jpeg,image/webp,image/gif"
          aria-describedby={`${inputId}-hint${imageErrors?.length ? ` ${inputId}-errors` : ''}`}
          aria-invalid={imageErrors?.length ? true : undefined}
        />
        <p id={`${inputId}-hint`} className="field__hint">
          PNG, JPEG, WebP or GIF, up to 5 MB and 50 megapixels each, at most {MAX_PORTFOLIO_IMAGES} per item
          {imageCount ? ` (this item has ${imageCount})` : ''}. Where a photo was taken and the camera’s details are
          removed.
        </p>
        <ErrorList id={`${inputId}-errors`} errors={imageErrors} />
      </div>
      <button type="submit" name="intent" value="save" className="button button--primary">
        {submitLabel}
      </button>
    </Form>
  )
}

export function EditItemLink({ item }: { item: PortfolioItemView }) {
  return (
    <p>
      <Link
        to={`/settings/portfolio/${item.id}`}
        className="button button--secondary"
        aria-label={`Edit ${item.title}`}
      >
        Edit
      </Link>
    </p>
  )
}
