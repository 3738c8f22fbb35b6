import { getFormProps, type DefaultValue, type FormMetadata, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import type { ComponentProps, ReactNode } from 'react'
import type { z } from 'zod'
import { Field, SelectField, TextareaField } from '~/components/ui/field'
import { PROFILE_CURRENCIES } from '~/domain/currency-digits'
import { AVAILABILITY_LABELS } from '~/services/accounts/profile-fields'
import { COMPLETE_BIO_CHARS } from '~/services/marketplace/profile-completeness'
import { useZodForm, type FormConstraint } from '~/components/ui/use-zod-form'
import { AdminProfileConstraint } from '~/components/ui/form-constraints/admin-profile'
import { ClientProfileConstraint } from '~/components/ui/form-constraints/client-profile'
import { FreelancerProfileConstraint } from '~/components/ui/form-constraints/freelancer-profile'
import { SubmitButton } from '~/components/ui/submit-button'
import { FormAlert } from '~/components/ui/form-alert'

type FormProps = { lastResult?: SubmissionResult<string[]> | null; defaultValue: Record<string, string> }

function useProfileForm<Schema extends z.ZodObject>(
  constraint: FormConstraint<Schema>,
  { lastResult, defaultValue }: FormProps,
) {
  return useZodForm(constraint, {
    id: 'profile',
    lastResult,
    defaultValue: defaultValue as DefaultValue<z.input<Schema>>,
  })
}

/** The error summary's names for the profile fields whose label is not their name in words. */
const PROFILE_FIELD_LABELS = { name: 'Full name', bio: 'About you', languages: 'Languages you speak' }

/** Every role's profile form: the full name first, then the role's own fields, then Save (and `after` it). */
function ProfileForm<Schema extends Record<string, unknown>>({
  form,
  fullName,
  children,
  after,
  long,
}: {
  form: FormMetadata<Schema, string[]>
  fullName: ComponentProps<typeof Field>['meta']
  children?: ReactNode
  after?: ReactNode
  /** A long form (the freelancer's): one refused field is summarised at the top too. */
  long?: boolean
}) {
  return (
    <Form method="post" {...getFormProps(form)} className="form-stack">
      <FormAlert form={form} long={long} labels={PROFILE_FIELD_LABELS} />
      <Field label="Full name" meta={fullName} autoComplete="name" />
      {children}
      <SubmitButton>Save profile</SubmitButton>
      {after}
    </Form>
  )
}

export function AdminProfileForm(props: FormProps) {
  const [form, fields] = useProfileForm(AdminProfileConstraint, props)
  return <ProfileForm form={form} fullName={fields.name} />
}

export function ClientProfileForm(props: FormProps) {
  const [form, fields] = useProfileForm(ClientProfileConstraint, props)
  return (
    <ProfileForm form={form} fullName={fields.name}>
      <Field
        label="Company"
        meta={fields.company}
        autoComplete="organization"
        hint="Shown to freelancers on your projects."
      />
      <Field label="Country" meta={fields.country} autoComplete="country-name" />
    </ProfileForm>
  )
}

const EXPERIENCE_OPTIONS = [
  { value: 'entry', label: 'Entry level' },
  { value: 'intermediate', label: 'Intermediate' },
  { value: 'expert', label: 'Expert' },
]

const AVAILABILITY_OPTIONS = Object.entries(AVAILABILITY_LABELS).map(([value, label]) => ({ value, label }))

export function FreelancerProfileForm({
  timeZones,
  skillNames,
  savedSkills,
  ratePanel,
  checkPanel,
  ...props
}: FormProps & {
  timeZones: readonly string[]
  /** The taxonomy's skill names the field suggests (from the loader: the taxonomy stays on the server). */
  skillNames: readonly string[]
  savedSkills: readonly string[]
  /** Shown beside the rate: where the saved rate sits among accepted rates. */
  ratePanel?: ReactNode
  /** Shown after the save button (Enter still saves): the Check button (intent=check) and its suggestions. */
  checkPanel?: ReactNode
}) {
  const [form, fields] = useProfileForm(FreelancerProfileConstraint, props)
  return (
    <ProfileForm form={form} fullName={fields.name} after={checkPanel} long>
      <Field
        label="Headline"
        meta={fields.headline}
        hint="One line clients read first, e.g. “React developer for SaaS dashboards”."
      />
      <TextareaField
        label="About you"
        meta={fields.bio}
        rows={6}
        hint={`What you do and for whom. ${COMPLETE_BIO_CHARS} characters or more count towards a complete profile, which clients see first.`}
      />
      <div className="field-row">
        <Field label="Hourly rate" meta={fields.hourlyRate} inputMode="decimal" />
        <SelectField
          label="Currency"
          meta={fields.currency}
          options={PROFILE_CURRENCIES.map((code) => ({ value: code, label: code }))}
        />
      </div>
      {ratePanel}
      <SelectField label="Experience level" meta={fields.experienceLevel} options={EXPERIENCE_OPTIONS} />
      <Field
        label="Skills"
        meta={fields.skills}
        list="skill-names"
        hint="Separate skills with commas, e.g. React, TypeScript, Node.js. Common short forms such as JS or k8s are understood."
      />
      <datalist id="skill-names">
        {skillNames.map((skill) => (
          <option key={skill} value={skill} />
        ))}
      </datalist>
      {savedSkills.length ? (
        <div className="resolved-skills">
          <p className="field__hint" id="saved-skills-heading">
            On your profile as:
          </p>
          <ul className="tags" aria-labelledby="saved-skills-heading">
            {savedSkills.map((skill) => (
              <li key={skill}>{skill}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <SelectField label="Availability" meta={fields.availability} options={AVAILABILITY_OPTIONS} />
      <SelectField
        label="Time zone"
        meta={fields.timeZone}
        options={[
          { value: '', label: 'Not set' },
          ...timeZones.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') })),
        ]}
      />
      <Field
        label="Languages you speak"
        meta={fields.languages}
        hint="Separate languages with commas, e.g. English, Urdu."
      />
      <Field label="Country" meta={fields.country} autoComplete="country-name" />
    </ProfileForm>
  )
}
