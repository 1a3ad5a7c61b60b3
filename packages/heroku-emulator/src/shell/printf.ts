/**
 * `printf FORMAT [ARG...]` and `echo -e` escapes, as far as one-off commands need them:
 * `%s %b %d %i %u %c %x %X %o %%`, an optional width, and the usual backslash escapes.
 */

const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  e: '\x1b',
  '\\': '\\',
};

/** Replaces backslash escapes (`\n`, `\t`, `\0NNN`, ...) in `text`. */
export function expandEscapes(text: string): string {
  return text.replace(/\\(0[0-7]{0,3}|x[0-9a-fA-F]{1,2}|.)/g, (whole, code: string) => {
    if (code.startsWith('0')) return String.fromCharCode(Number.parseInt(code.slice(1) || '0', 8));
    if (code.startsWith('x') && code.length > 1) {
      return String.fromCharCode(Number.parseInt(code.slice(1), 16));
    }
    return ESCAPES[code] ?? whole;
  });
}

/** Formats like `printf(1)`: the format is reused while arguments remain. */
export function formatPrintf(format: string, args: readonly string[]): string {
  let output = '';
  let next = 0;

  do {
    const start = next;
    output += expandEscapes(format).replace(
      /%([-0 ]?)(\d*)([sbdiucxXo%])/g,
      (_whole, flag: string, width: string, conversion: string) => {
        if (conversion === '%') return '%';
        const value = formatOne(conversion, args[next++] ?? '');
        return pad(value, flag, Number(width || 0));
      },
    );
    // A format without conversions prints once, whatever the arguments.
    if (next === start) break;
  } while (next < args.length);

  return output;
}

function formatOne(conversion: string, arg: string): string {
  switch (conversion) {
    case 's':
      return arg;
    case 'b':
      return expandEscapes(arg);
    case 'c':
      return arg.slice(0, 1);
    case 'x':
      return toInteger(arg).toString(16);
    case 'X':
      return toInteger(arg).toString(16).toUpperCase();
    case 'o':
      return toInteger(arg).toString(8);
    default:
      return String(toInteger(arg));
  }
}

function toInteger(arg: string): number {
  const value = Number.parseInt(arg, 10);
  return Number.isNaN(value) ? 0 : value;
}

function pad(value: string, flag: string, width: number): string {
  if (value.length >= width) return value;
  if (flag === '-') return value.padEnd(width);
  return value.padStart(width, flag === '0' ? '0' : ' ');
}
