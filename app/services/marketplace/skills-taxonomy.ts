/**
 * The skills the seed data and profiles use. The marketplace issue grows this into the full
 * taxonomy with synonyms; names here stay stable so existing data keeps matching.
 */
export const SKILLS = [
  'JavaScript', 'TypeScript', 'React', 'Remix', 'Next.js', 'Vue.js', 'Angular', 'Svelte', 'Node.js', 'Express',
  'HTML', 'CSS', 'Tailwind CSS', 'Sass', 'Accessibility', 'Python', 'Django', 'Flask', 'FastAPI', 'Ruby',
  'Ruby on Rails', 'PHP', 'Laravel', 'WordPress', 'Shopify', 'Java', 'Spring Boot', 'Kotlin', 'Android', 'Swift',
  'iOS', 'Flutter', 'React Native', 'Go', 'Rust', 'C#', '.NET', 'C++', 'SQL', 'PostgreSQL',
  'MySQL', 'SQLite', 'MongoDB', 'Redis', 'GraphQL', 'REST APIs', 'Docker', 'Kubernetes', 'AWS', 'Google Cloud',
  'Azure', 'Terraform', 'Linux', 'DevOps', 'CI/CD', 'Cybersecurity', 'Penetration Testing', 'Machine Learning', 'Data Science', 'Data Analysis',
  'Pandas', 'TensorFlow', 'PyTorch', 'Natural Language Processing', 'Computer Vision', 'Power BI', 'Tableau', 'Excel', 'Blockchain', 'Solidity',
  'UI Design', 'UX Research', 'Figma', 'Adobe Photoshop', 'Adobe Illustrator', 'Logo Design', 'Brand Identity', 'Illustration', 'Motion Graphics', 'Video Editing',
  '3D Modeling', 'Copywriting', 'Technical Writing', 'Content Writing', 'Blog Writing', 'Proofreading', 'Translation', 'SEO', 'Social Media Marketing', 'Email Marketing',
  'Google Ads', 'Market Research', 'Bookkeeping', 'Accounting', 'Financial Modeling', 'Project Management', 'Virtual Assistance', 'Customer Support', 'Voice Over', 'Game Development',
] as const

const byLowerName = new Map(SKILLS.map((skill) => [skill.toLowerCase(), skill]))

/** Splits "react, node.js" into canonical names; unknown names are returned separately. */
export function parseSkillList(text: string): { skills: string[]; unknown: string[] } {
  const parts = text
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter(Boolean)
  const skills = new Set<string>()
  const unknown: string[] = []
  for (const part of parts) {
    const canonical = byLowerName.get(part.toLowerCase())
    if (canonical) skills.add(canonical)
    else unknown.push(part)
  }
  return { skills: [...skills], unknown }
}
