/**
 * JSON schema → validator code. Each body schema becomes straight-line checks;
 * nothing is interpreted at run time.
 */
import { deref, type JsonSchema, type SchemaDocument, typesOf } from './schema.js';

const TYPE_TEST: Record<string, (v: string) => string> = {
  string: (v) => `typeof ${v} === 'string'`,
  integer: (v) => `Number.isInteger(${v})`,
  number: (v) => `(typeof ${v} === 'number' && Number.isFinite(${v}))`,
  boolean: (v) => `typeof ${v} === 'boolean'`,
  null: (v) => `${v} === null`,
  object: (v) => `isObj(${v})`,
  array: (v) => `Array.isArray(${v})`,
};

const TYPE_WORD: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  null: 'null',
  object: 'an object',
  array: 'an array',
};

/**
 * Emits the statements that check `v` (an expression) whose path is `p`: the
 * contents of a template literal such as `body.updates[${n1}]`.
 */
export function emitChecks(
  document: SchemaDocument,
  schema: JsonSchema,
  v: string,
  p: string,
  indent: string,
  depth = 0,
): string[] {
  if (depth > 12) return [];
  const s = deref(document, schema);
  const lines: string[] = [];
  const at = (line: string) => lines.push(indent + line);

  const choices = s.anyOf ?? s.oneOf;
  if (choices !== undefined) {
    const branches = choices.map((choice) => {
      const x = `x${depth}`;
      const q = `q${depth}`;
      const body = emitChecks(document, choice, x, `${'${'}${q}}`, `${indent}    `, depth + 1);
      const params = `${x}: unknown, ${q}: string, out: ValidationIssue[]`;
      return `${indent}  (${params}) => {\n${body.join('\n')}\n${indent}  },`;
    });
    const nullOk = typesOf(s).includes('null') ? `${v} !== null && ` : '';
    at(`if (${nullOk}${v} !== undefined) anyOf(${v}, \`${p}\`, out, [`);
    lines.push(...branches);
    at(']);');
    return lines;
  }

  const types = typesOf(s);
  const rest = constraintChecks(document, s, v, p, `${indent}  `, depth);
  if (types.length > 0) {
    const test = types.map((type) => TYPE_TEST[type]?.(v) ?? 'true').join(' || ');
    const words = types.map((type) => TYPE_WORD[type] ?? type).join(' or ');
    at(`if (!(${test})) {`);
    at(`  fail(out, \`${p}\`, 'type', \`must be ${words}, not \${kindOf(${v})}\`);`);
    if (rest.length > 0) {
      at('} else {');
      lines.push(...rest);
    }
    at('}');
  } else if (rest.length > 0) {
    at('{');
    lines.push(...rest);
    at('}');
  }
  return lines;
}

function constraintChecks(
  document: SchemaDocument,
  s: JsonSchema,
  v: string,
  p: string,
  indent: string,
  depth: number,
): string[] {
  const lines: string[] = [];
  const at = (line: string) => lines.push(indent + line);
  const values = s.enum?.filter((value) => value !== null);
  if (values !== undefined && values.length > 0) {
    const list = JSON.stringify(values);
    at(`if (${v} !== null && !${list}.includes(${v} as never)) {`);
    at(`  fail(out, \`${p}\`, 'enum', 'must be one of ${values.map(String).join(', ')}');`);
    at('}');
  }
  if (s.pattern !== undefined) {
    const re = String(new RegExp(s.pattern));
    at(`if (typeof ${v} === 'string' && !${re}.test(${v})) {`);
    at(`  fail(out, \`${p}\`, 'pattern', ${JSON.stringify(`must match ${re}`)});`);
    at('}');
  }
  bound(at, s.minimum, `typeof ${v} === 'number' && ${v} <`, 'minimum', 'be at least', v, p);
  bound(at, s.maximum, `typeof ${v} === 'number' && ${v} >`, 'maximum', 'be at most', v, p);
  bound(
    at,
    s.minLength,
    `typeof ${v} === 'string' && ${v}.length <`,
    'minLength',
    'have at least',
    v,
    p,
    ' characters',
  );
  bound(
    at,
    s.maxLength,
    `typeof ${v} === 'string' && ${v}.length >`,
    'maxLength',
    'have at most',
    v,
    p,
    ' characters',
  );
  bound(
    at,
    s.minItems,
    `Array.isArray(${v}) && ${v}.length <`,
    'minItems',
    'have at least',
    v,
    p,
    ' items',
  );
  bound(
    at,
    s.maxItems,
    `Array.isArray(${v}) && ${v}.length >`,
    'maxItems',
    'have at most',
    v,
    p,
    ' items',
  );
  if (s.items !== undefined) {
    const item = `i${depth}`;
    const index = `n${depth}`;
    const body = emitChecks(
      document,
      s.items,
      item,
      `${p}[${'${'}${index}}]`,
      `${indent}  `,
      depth + 1,
    );
    if (body.length > 0) {
      at(`if (Array.isArray(${v})) ${v}.forEach((${item}: unknown, ${index}: number) => {`);
      lines.push(...body);
      at('});');
    }
  }
  if (
    s.properties !== undefined ||
    s.patternProperties !== undefined ||
    s.additionalProperties === false
  ) {
    lines.push(...objectChecks(document, s, v, p, indent, depth));
  }
  return lines;
}

function bound(
  at: (line: string) => void,
  limit: number | undefined,
  test: string,
  rule: string,
  verb: string,
  _v: string,
  p: string,
  unit = '',
): void {
  if (limit === undefined) return;
  at(`if (${test} ${limit}) fail(out, \`${p}\`, '${rule}', 'must ${verb} ${limit}${unit}');`);
}

function objectChecks(
  document: SchemaDocument,
  s: JsonSchema,
  v: string,
  p: string,
  indent: string,
  depth: number,
): string[] {
  const lines: string[] = [];
  const at = (line: string) => lines.push(indent + line);
  const o = `o${depth}`;
  at(`if (isObj(${v})) {`);
  at(`  const ${o} = ${v};`);
  for (const name of s.required ?? []) {
    at(`  if (${o}[${JSON.stringify(name)}] === undefined) {`);
    at(`    fail(out, \`${p}.${name}\`, 'required', 'is required');`);
    at('  }');
  }
  for (const [name, property] of Object.entries(s.properties ?? {})) {
    const value = `${o}[${JSON.stringify(name)}]`;
    const body = emitChecks(document, property, value, `${p}.${name}`, `${indent}    `, depth + 1);
    if (body.length === 0) continue;
    at(`  if (${value} !== undefined) {`);
    lines.push(...body);
    at('  }');
  }
  const patterns = Object.entries(s.patternProperties ?? {});
  if (patterns.length > 0 || s.additionalProperties === false) {
    const known = Object.keys(s.properties ?? {});
    const k = `k${depth}`;
    at(`  for (const ${k} of Object.keys(${o})) {`);
    if (known.length > 0) at(`    if (${JSON.stringify(known)}.includes(${k})) continue;`);
    for (const [pattern, schema] of patterns) {
      const re = String(new RegExp(pattern));
      const body = emitChecks(
        document,
        schema,
        `${o}[${k}]`,
        `${p}.${'${'}${k}}`,
        `${indent}      `,
        depth + 1,
      );
      at(`    if (${re}.test(${k})) {`);
      lines.push(...body);
      at('      continue;');
      at('    }');
    }
    if (s.additionalProperties === false) {
      at(
        `    fail(out, \`${p}.${'${'}${k}}\`, 'additionalProperties', 'is not an allowed field');`,
      );
    }
    at('  }');
  }
  at('}');
  return lines;
}
