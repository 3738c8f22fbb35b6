/** A project's skills as tags; nothing when it lists none. */
export function SkillTags({ skills }: { skills: readonly string[] }) {
  return skills.length ? (
    <ul className="tags" aria-label="Skills">
      {skills.map((skill) => (
        <li key={skill}>{skill}</li>
      ))}
    </ul>
  ) : null
}
