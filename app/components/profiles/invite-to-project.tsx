import { Form, Link } from '@remix-run/react'
import { CardSection } from '~/components/ui/card-section'

/**
 * On a freelancer's profile, for a signed-in client: invite them to one of the client's open
 * projects (the project page's own "Invite", addressed by id), or post a project first.
 */
export function InviteToProject({
  freelancer,
  projects,
}: {
  freelancer: { id: string; name: string }
  projects: { id: string; title: string }[]
}) {
  return (
    <CardSection id="invite-heading" title={`Invite ${freelancer.name}`}>
      {projects.length ? (
        <>
          <p className="muted">They get a notification with a link to the project and can send you a proposal.</p>
          <ul className="link-list">
            {projects.map((project) => (
              <li key={project.id}>
                <Form method="post" action={`/projects/${project.id}`}>
                  <input type="hidden" name="freelancerId" value={freelancer.id} />
                  <button type="submit" name="intent" value="invite" className="button button--secondary button--wrap">
                    Invite to “{project.title}”
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>
          You have no open project to invite them to. <Link to="/projects/new">Post a project</Link>, then invite{' '}
          {freelancer.name} from here or from its page.
        </p>
      )}
    </CardSection>
  )
}
