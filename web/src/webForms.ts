// The HTML a marketer pastes into a landing page: a plain form that posts to this platform (LEAD-1);
// the gateway accepts form-encoded posts from any origin on the submissions path.
const FIELDS: [name: string, type: string][] = [
  ['first_name', 'text'], ['last_name', 'text'], ['company', 'text'], ['email', 'email'], ['phone', 'tel'],
  ['state', 'text'], ['country', 'text'], ['number_of_locations', 'number'], ['message', 'textarea'],
]

export function embedSnippet(slug: string, origin = location.origin): string {
  const inputs = FIELDS.map(([name, type]) => type === 'textarea'
    ? `  <label>${name} <textarea name="${name}"></textarea></label>`
    : `  <label>${name} <input type="${type}" name="${name}"></label>`)
  return [
    `<form method="post" action="${origin}/api/v1/web-forms/${slug}/submissions">`,
    `  <input type="hidden" name="landing_page" value="${slug}">`,
    ...inputs,
    '  <input type="text" name="website" tabindex="-1" autocomplete="off" style="display:none">',
    '  <button type="submit">Send</button>',
    '</form>',
  ].join('\n')
}
