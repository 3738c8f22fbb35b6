/**
 * Judged searches, typed as clients and freelancers type them. For each: `top`, the results that
 * must be among the first five; `ok`, other results that are fine to show; `not`, results that must
 * not be on the first page. Keys are those of projects.ts and freelancers.ts.
 */
export type Kind =
  | 'title'
  | 'skill'
  | 'plural/verb'
  | 'abbreviation/synonym'
  | 'typo'
  | 'case/punctuation'
  | 'multi-word'
  | 'name'
  | 'place'
  | 'stop words'
  | 'long'

export type JudgedQuery = { q: string; kind: Kind; top: string[]; ok?: string[]; not?: string[] }

export const PROJECT_QUERIES: readonly JudgedQuery[] = [
  // Job titles, as people search for work they do.
  { q: 'react developer', kind: 'title', top: ['react-dashboard', 'nextjs-ecommerce'], ok: ['react-native-app'] },
  { q: 'logo designer', kind: 'title', top: ['logo-bakery', 'brand-identity'] },
  { q: 'wordpress expert', kind: 'title', top: ['wordpress-site', 'woocommerce-shop'] },
  { q: 'python developer', kind: 'title', top: ['django-api', 'python-scraper', 'ml-churn', 'flask-fix'] },
  { q: 'video editor', kind: 'title', top: ['video-youtube'], ok: ['motion-explainer'] },
  { q: 'copywriter', kind: 'title', top: ['copywriter'] },
  { q: 'virtual assistant', kind: 'title', top: ['virtual-assistant'] },
  { q: 'data analyst', kind: 'title', top: ['data-analyst'], ok: ['sql-optimise'] },
  { q: 'devops engineer', kind: 'title', top: ['aws-devops'], ok: ['k8s-migration', 'docker-setup', 'linux-admin'] },
  { q: 'ios developer', kind: 'title', top: ['ios-swift'], ok: ['react-native-app'] },
  { q: 'android developer', kind: 'title', top: ['android-kotlin'], ok: ['react-native-app', 'flutter-app'] },
  { q: 'flutter developer', kind: 'title', top: ['flutter-app'] },
  { q: 'laravel developer', kind: 'title', top: ['php-laravel'] },
  { q: 'shopify developer', kind: 'title', top: ['shopify-theme'] },
  { q: 'technical writer', kind: 'title', top: ['technical-writer'] },
  { q: 'translator', kind: 'title', top: ['translation-es'] },
  { q: 'bookkeeper', kind: 'title', top: ['bookkeeping'] },
  { q: 'project manager', kind: 'title', top: ['project-manager'] },
  { q: 'game developer', kind: 'title', top: ['unity-game'] },
  { q: 'seo specialist', kind: 'title', top: ['seo-audit', 'local-seo'] },
  { q: 'social media manager', kind: 'title', top: ['social-manager'], ok: ['facebook-ads'] },
  { q: 'ui designer', kind: 'title', top: ['ui-ux-app'], ok: ['figma-website'] },
  { q: 'illustrator', kind: 'title', top: ['illustrations'] },
  { q: 'voice over', kind: 'title', top: ['voice-over'] },
  { q: 'proofreader', kind: 'title', top: ['proofreading'] },
  // One skill.
  { q: 'kubernetes', kind: 'skill', top: ['k8s-migration'], ok: ['aws-devops'] },
  { q: 'docker', kind: 'skill', top: ['docker-setup', 'k8s-migration'] },
  { q: 'figma', kind: 'skill', top: ['ui-ux-app', 'figma-website'] },
  { q: 'java', kind: 'skill', top: ['java-spring'], not: ['js-bugfix', 'react-native-app', 'vue-admin'] },
  { q: 'javascript', kind: 'skill', top: ['js-bugfix', 'react-native-app', 'vue-admin'], not: ['java-spring'] },
  { q: 'typescript', kind: 'skill', top: ['typescript-sdk', 'react-dashboard', 'angular-upgrade'] },
  { q: 'rust', kind: 'skill', top: ['rust-cli'] },
  { q: 'solidity', kind: 'skill', top: ['solidity-contract'] },
  { q: 'salesforce', kind: 'skill', top: ['salesforce-admin'], not: ['lead-generation'] },
  { q: 'blender', kind: 'skill', top: ['3d-product'] },
  { q: 'photoshop', kind: 'skill', top: ['photoshop-retouch'] },
  { q: 'mailchimp', kind: 'skill', top: ['email-marketing'] },
  { q: 'cypress', kind: 'skill', top: ['qa-automation'] },
  { q: 'terraform', kind: 'skill', top: ['aws-devops'] },
  { q: 'quickbooks', kind: 'skill', top: ['bookkeeping'] },
  // Plurals and verb forms.
  {
    q: 'designers',
    kind: 'plural/verb',
    top: ['ui-ux-app'],
    ok: ['logo-bakery', 'figma-website', 'wordpress-site', 'brand-identity'],
  },
  {
    q: 'developing apps',
    kind: 'plural/verb',
    top: ['android-kotlin', 'flutter-app'],
    ok: ['ios-swift', 'unity-game', 'react-native-app', 'node-api'],
  },
  { q: 'logos', kind: 'plural/verb', top: ['logo-bakery', 'brand-identity'] },
  { q: 'illustrating', kind: 'plural/verb', top: ['illustrations'] },
  { q: 'editing videos', kind: 'plural/verb', top: ['video-youtube'] },
  { q: 'translating', kind: 'plural/verb', top: ['translation-es'] },
  { q: 'scraping', kind: 'plural/verb', top: ['python-scraper'] },
  { q: 'retouching photos', kind: 'plural/verb', top: ['photoshop-retouch'] },
  { q: 'automated testing', kind: 'plural/verb', top: ['qa-automation'] },
  { q: 'chatbots', kind: 'plural/verb', top: ['llm-chatbot'] },
  // Abbreviations and synonyms.
  {
    q: 'js',
    kind: 'abbreviation/synonym',
    top: ['js-bugfix', 'react-native-app', 'vue-admin'],
    // Node.js and Next.js work is JavaScript work.
    ok: ['nextjs-ecommerce', 'node-api', 'typescript-sdk', 'react-dashboard'],
    not: ['java-spring'],
  },
  { q: 'k8s', kind: 'abbreviation/synonym', top: ['k8s-migration'] },
  { q: 'ML', kind: 'abbreviation/synonym', top: ['ml-churn'], not: ['wordpress-site'] },
  { q: 'seo', kind: 'abbreviation/synonym', top: ['seo-audit', 'local-seo'], ok: ['blog-writer'] },
  { q: 'UX', kind: 'abbreviation/synonym', top: ['ui-ux-app', 'ux-research'] },
  { q: 'ts', kind: 'abbreviation/synonym', top: ['typescript-sdk', 'react-dashboard', 'angular-upgrade'] },
  { q: 'golang', kind: 'abbreviation/synonym', top: ['golang-service'] },
  { q: 'AI', kind: 'abbreviation/synonym', top: ['llm-chatbot'], ok: ['ml-churn', 'cv-detection'] },
  { q: 'ppc', kind: 'abbreviation/synonym', top: ['google-ads'] },
  { q: 'va', kind: 'abbreviation/synonym', top: ['virtual-assistant'] },
  {
    q: 'reactjs',
    kind: 'abbreviation/synonym',
    top: ['react-dashboard', 'nextjs-ecommerce'],
    ok: ['react-native-app'],
  },
  { q: 'aws', kind: 'abbreviation/synonym', top: ['aws-devops'] },
  { q: 'LLM', kind: 'abbreviation/synonym', top: ['llm-chatbot'] },
  { q: 'pen test', kind: 'abbreviation/synonym', top: ['pentest'] },
  // Typos.
  { q: 'pyhton', kind: 'typo', top: ['django-api', 'python-scraper', 'ml-churn', 'flask-fix'] },
  { q: 'javscript', kind: 'typo', top: ['js-bugfix', 'react-native-app', 'vue-admin'] },
  { q: 'wordpres', kind: 'typo', top: ['wordpress-site', 'woocommerce-shop'] },
  { q: 'kubernets', kind: 'typo', top: ['k8s-migration'] },
  { q: 'photshop', kind: 'typo', top: ['photoshop-retouch'] },
  { q: 'logo desing', kind: 'typo', top: ['logo-bakery', 'brand-identity'] },
  { q: 'andriod app', kind: 'typo', top: ['android-kotlin'], ok: ['react-native-app'] },
  // Case and punctuation.
  { q: 'REACT', kind: 'case/punctuation', top: ['react-dashboard', 'nextjs-ecommerce'], ok: ['react-native-app'] },
  { q: 'C#', kind: 'case/punctuation', top: ['csharp-dotnet', 'unity-game'] },
  { q: '.NET', kind: 'case/punctuation', top: ['csharp-dotnet'] },
  { q: 'Node.js', kind: 'case/punctuation', top: ['node-api', 'typescript-sdk'] },
  { q: 'C++', kind: 'case/punctuation', top: ['cpp-embedded'] },
  { q: 'UI/UX', kind: 'case/punctuation', top: ['ui-ux-app', 'ux-research'] },
  { q: 'next.js', kind: 'case/punctuation', top: ['nextjs-ecommerce'] },
  { q: 'Vue.JS', kind: 'case/punctuation', top: ['vue-admin'] },
  { q: 'wordpress,', kind: 'case/punctuation', top: ['wordpress-site', 'woocommerce-shop'] },
  { q: 'ci/cd', kind: 'case/punctuation', top: ['aws-devops'] },
  // Several words that name one skill.
  { q: 'react native', kind: 'multi-word', top: ['react-native-app'] },
  { q: 'machine learning', kind: 'multi-word', top: ['ml-churn'], ok: ['cv-detection'] },
  { q: 'google ads', kind: 'multi-word', top: ['google-ads'] },
  { q: 'spring boot', kind: 'multi-word', top: ['java-spring'] },
  { q: 'computer vision', kind: 'multi-word', top: ['cv-detection'] },
  { q: 'email marketing', kind: 'multi-word', top: ['email-marketing'] },
  { q: 'brand identity', kind: 'multi-word', top: ['brand-identity', 'logo-bakery'] },
  { q: 'penetration testing', kind: 'multi-word', top: ['pentest'] },
  { q: 'power bi', kind: 'multi-word', top: ['data-analyst'] },
  { q: 'financial modelling', kind: 'multi-word', top: ['financial-model'] },
  // Stop words and sentences.
  { q: 'I need a logo for my bakery', kind: 'stop words', top: ['logo-bakery'] },
  {
    q: 'looking for a python developer',
    kind: 'stop words',
    top: ['django-api', 'python-scraper'],
    ok: ['ml-churn', 'flask-fix'],
  },
  { q: 'someone to build my wordpress website', kind: 'stop words', top: ['wordpress-site'] },
  {
    q: 'the best react developer',
    kind: 'stop words',
    top: ['react-dashboard'],
    ok: ['nextjs-ecommerce', 'react-native-app'],
  },
  { q: 'help with my shopify store', kind: 'stop words', top: ['shopify-theme'] },
  // Long queries.
  {
    q: 'experienced react native developer to build an ios and android food delivery app with payments',
    kind: 'long',
    top: ['react-native-app'],
  },
  {
    q: 'we need a technical seo audit and keyword research to grow organic traffic for our saas',
    kind: 'long',
    top: ['seo-audit'],
  },
  {
    q: 'migrate docker services to kubernetes with helm charts and autoscaling on a managed cluster',
    kind: 'long',
    top: ['k8s-migration'],
  },
]

export const TALENT_QUERIES: readonly JudgedQuery[] = [
  // Job titles, as clients search for people.
  { q: 'react developer', kind: 'title', top: ['maria-react', 'aisha-fullstack'], ok: ['li-rn'] },
  { q: 'logo designer', kind: 'title', top: ['omar-logo'], ok: ['sophie-graphic'] },
  { q: 'wordpress expert', kind: 'title', top: ['emily-wordpress'] },
  { q: 'python developer', kind: 'title', top: ['raj-python', 'sven-scraping', 'david-ml'] },
  { q: 'video editor', kind: 'title', top: ['jake-video'], ok: ['zoe-motion'] },
  { q: 'copywriter', kind: 'title', top: ['claire-copy'] },
  { q: 'virtual assistant', kind: 'title', top: ['joy-va'] },
  { q: 'data analyst', kind: 'title', top: ['laura-data'] },
  { q: 'devops engineer', kind: 'title', top: ['ivan-devops'], ok: ['carlos-linux'] },
  { q: 'ios developer', kind: 'title', top: ['james-ios'], ok: ['li-rn'] },
  { q: 'android developer', kind: 'title', top: ['olga-android'], ok: ['li-rn', 'diego-flutter'] },
  { q: 'graphic designer', kind: 'title', top: ['sophie-graphic'], ok: ['omar-logo'] },
  { q: 'translator', kind: 'title', top: ['lucia-translator'] },
  { q: 'accountant', kind: 'title', top: ['robert-accountant'] },
  { q: 'scrum master', kind: 'title', top: ['michael-pm'] },
  { q: 'game developer', kind: 'title', top: ['yusuf-unity'] },
  { q: 'voice actor', kind: 'title', top: ['grace-voice'] },
  { q: 'ux researcher', kind: 'title', top: ['kofi-research'], ok: ['hannah-uiux'] },
  // One skill.
  { q: 'kubernetes', kind: 'skill', top: ['ivan-devops'] },
  { q: 'figma', kind: 'skill', top: ['hannah-uiux'] },
  { q: 'java', kind: 'skill', top: ['peter-java'], ok: ['java-script-dev'], not: ['tom-frontend', 'li-rn'] },
  { q: 'javascript', kind: 'skill', top: ['tom-frontend', 'li-rn', 'java-script-dev'], not: ['peter-java'] },
  { q: 'blender', kind: 'skill', top: ['lucas-3d'] },
  { q: 'solidity', kind: 'skill', top: ['eth-solidity'] },
  { q: 'django', kind: 'skill', top: ['raj-python'] },
  { q: 'laravel', kind: 'skill', top: ['ahmed-php'] },
  { q: 'quickbooks', kind: 'skill', top: ['robert-accountant'] },
  // Plurals and verb forms.
  {
    q: 'designers',
    kind: 'plural/verb',
    top: ['hannah-uiux', 'omar-logo', 'sophie-graphic'],
    ok: ['emily-wordpress', 'nina-shopify', 'zoe-motion'],
  },
  {
    q: 'developing apps',
    kind: 'plural/verb',
    top: ['olga-android', 'li-rn', 'diego-flutter'],
    ok: ['james-ios', 'aisha-fullstack', 'tom-frontend', 'maria-react'],
  },
  { q: 'illustrations', kind: 'plural/verb', top: ['mia-illustrator'] },
  { q: 'editing podcasts', kind: 'plural/verb', top: ['ben-audio'] },
  { q: 'translating', kind: 'plural/verb', top: ['lucia-translator'] },
  { q: 'proofreading', kind: 'plural/verb', top: ['helen-proofreader'] },
  // Abbreviations and synonyms.
  {
    q: 'js',
    kind: 'abbreviation/synonym',
    top: ['tom-frontend', 'li-rn', 'java-script-dev'],
    ok: ['aisha-fullstack', 'maria-react'],
    not: ['peter-java'],
  },
  { q: 'k8s', kind: 'abbreviation/synonym', top: ['ivan-devops'] },
  { q: 'ML', kind: 'abbreviation/synonym', top: ['david-ml'] },
  { q: 'seo', kind: 'abbreviation/synonym', top: ['alex-seo'], ok: ['nathan-writer'] },
  { q: 'UX', kind: 'abbreviation/synonym', top: ['hannah-uiux', 'kofi-research'] },
  { q: 'nlp', kind: 'abbreviation/synonym', top: ['priya-nlp'] },
  { q: 'golang', kind: 'abbreviation/synonym', top: ['mark-golang', 'sara-rust'] },
  { q: 'va', kind: 'abbreviation/synonym', top: ['joy-va'] },
  { q: 'pentester', kind: 'abbreviation/synonym', top: ['fatima-security'] },
  // Typos.
  { q: 'pyhton', kind: 'typo', top: ['raj-python', 'sven-scraping', 'david-ml'] },
  { q: 'javscript', kind: 'typo', top: ['tom-frontend', 'li-rn', 'java-script-dev'] },
  { q: 'kubernets', kind: 'typo', top: ['ivan-devops'] },
  { q: 'illustrater', kind: 'typo', top: ['mia-illustrator'] },
  { q: 'wordpres developer', kind: 'typo', top: ['emily-wordpress'] },
  // Case and punctuation.
  { q: 'C#', kind: 'case/punctuation', top: ['anna-dotnet', 'yusuf-unity'] },
  { q: '.NET', kind: 'case/punctuation', top: ['anna-dotnet'] },
  { q: 'Node.js', kind: 'case/punctuation', top: ['aisha-fullstack'] },
  { q: 'C++', kind: 'case/punctuation', top: ['kenji-cpp'] },
  { q: 'UI/UX', kind: 'case/punctuation', top: ['hannah-uiux', 'kofi-research'] },
  { q: 'REACT NATIVE', kind: 'case/punctuation', top: ['li-rn'] },
  // Several words that name one skill.
  { q: 'machine learning', kind: 'multi-word', top: ['david-ml'], ok: ['chen-cv'] },
  { q: 'spring boot', kind: 'multi-word', top: ['peter-java'] },
  { q: 'google ads', kind: 'multi-word', top: ['rachel-ppc'] },
  { q: 'computer vision', kind: 'multi-word', top: ['chen-cv'] },
  { q: 'smart contracts', kind: 'multi-word', top: ['eth-solidity'] },
  // Names of freelancers.
  { q: 'Maria Kowalski', kind: 'name', top: ['maria-react'] },
  { q: 'kowalski', kind: 'name', top: ['maria-react'] },
  { q: 'Diego Fernandez', kind: 'name', top: ['diego-flutter'] },
  { q: 'lucia gomez', kind: 'name', top: ['lucia-translator'] },
  { q: 'Novak', kind: 'name', top: ['peter-java', 'alex-seo'] },
  // Places (the search reads the bio, where people say where they live).
  { q: 'berlin', kind: 'place', top: ['tom-frontend'] },
  { q: 'react developer poland', kind: 'place', top: ['maria-react'] },
  { q: 'india', kind: 'place', top: ['raj-python', 'priya-nlp'] },
  // Stop words and sentences.
  { q: 'I need someone to design a logo', kind: 'stop words', top: ['omar-logo'] },
  { q: 'looking for a react native developer', kind: 'stop words', top: ['li-rn'] },
  // Long queries.
  {
    q: 'experienced devops engineer to run kubernetes clusters on aws with terraform and helm for our startup',
    kind: 'long',
    top: ['ivan-devops'],
  },
]
