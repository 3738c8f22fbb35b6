import type { ReactNode } from 'react'

/**
 * A card that is a section of the page, named by its own h2 heading (`id` is the heading's id, so
 * the section is a landmark screen readers list by that name). `className` adds to "card".
 */
export function CardSection({
  id,
  title,
  className,
  children,
}: {
  id: string
  title: ReactNode
  className?: string
  children?: ReactNode
}) {
  return (
    <section className={className ? `card ${className}` : 'card'} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  )
}
