/** Name conversions shared by every emitter. */

function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0);
}

/** `Restart all` → `restartAll`, `Add-on SSO` → `addOnSso`, `config-vars` → `configVars`. */
export function camelCase(text: string): string {
  const parts = words(text).map((word) => word.toLowerCase());
  return parts.map((word, i) => (i === 0 ? word : capitalise(word))).join('');
}

/** `add-on-attachment` → `AddOnAttachment`. */
export function pascalCase(text: string): string {
  return capitalise(camelCase(text));
}

/** `add-on` → `add_on`: used for path slot names as the docs show them. */
export function snakeCase(text: string): string {
  return words(text)
    .map((word) => word.toLowerCase())
    .join('_');
}

export function capitalise(word: string): string {
  return word.length === 0 ? word : word[0]?.toUpperCase() + word.slice(1);
}

/** Names that a fluent node must never expose as an action. */
export const RESERVED_ACTIONS = new Set([
  'then',
  'catch',
  'finally',
  'constructor',
  'toString',
  'valueOf',
  'toJSON',
  'path',
]);
