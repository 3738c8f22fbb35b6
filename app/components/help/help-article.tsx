import { Link } from '@remix-run/react'
import { parseHelpText, sectionId, type HelpBlock, type HelpTopic } from '~/services/help/topics'

function HelpText({ text }: { text: string }) {
  return (
    <>
      {parseHelpText(text).map((part, index) =>
        part.kind === 'link' ? (
          <Link key={index} to={part.to}>
            {part.text}
          </Link>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  )
}

function Block({ block }: { block: HelpBlock }) {
  if (block.kind === 'p') {
    return (
      <p>
        <HelpText text={block.text} />
      </p>
    )
  }
  const items = block.items.map((item) => (
    <li key={item}>
      <HelpText text={item} />
    </li>
  ))
  return block.kind === 'steps' ? <ol>{items}</ol> : <ul>{items}</ul>
}

/** One help topic: its sections, each a heading with paragraphs and lists. */
export function HelpArticle({ topic }: { topic: HelpTopic }) {
  return (
    <article className="card help-article" aria-labelledby="help-topic-title">
      {topic.sections.map((section) => (
        <section key={section.heading} id={sectionId(section.heading)}>
          <h2>{section.heading}</h2>
          {section.blocks.map((block, index) => (
            <Block key={index} block={block} />
          ))}
        </section>
      ))}
    </article>
  )
}
