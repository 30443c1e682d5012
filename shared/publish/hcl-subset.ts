import * as hclModule from 'hcl2-parser';

/**
 * A strict reader and writer of the part of HCL (HashiCorp Configuration Language) the Terraform targets write:
 * blocks with quoted labels, attributes whose values are strings, numbers (and products of numbers), booleans, lists of values and plain
 * references (`data.grafana_oncall_user.maya.id`), `#` and `//` line comments. Anything else (expressions,
 * heredocs, template interpolation, functions) is refused with its line number.
 *
 * Two passes: HashiCorp's own HCL v2 parser (hcl2-parser, the one the PagerDuty target reads with) judges whether
 * the text is HCL at all, then this reader reads the subset. Why both: that parser says neither where nor what is
 * wrong and turns references into template strings, while an interpreter needs the structure and the user a line
 * number; reading only the subset is also a check in itself: a hand edit that uses HCL beyond it is reported
 * rather than guessed at.
 */

// hcl2-parser is CommonJS that sets its exports at run time: under Node's ES module loader (the built CLI) its
// functions are only on the default export; bundlers and vitest give them as named exports.
type HclParser = { parseToObject(input: string): unknown };
const hashicorp = ((hclModule as unknown as { default?: HclParser }).default ?? hclModule) as HclParser;

/** A reference to another object's attribute, such as `grafana_oncall_on_call_shift.week.id`. */
export type HclRef = { ref: string };

/** An attribute value of the subset. */
export type HclValue = string | number | boolean | HclRef | HclValue[];

/** An attribute with the line it was read from (1-based; 0 for values built in memory). */
export type HclAttribute = { value: HclValue; line: number };

/** A block: `type "label" "label" { body }`. */
export type HclBlock = { type: string; labels: string[]; body: HclBody; line: number };

/** The attributes (in order) and nested blocks of a file or block. */
export type HclBody = { attributes: Map<string, HclAttribute>; blocks: HclBlock[] };

/** A problem reading HCL, with the line it is on. */
export class HclError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

type Token =
  | { kind: 'ident'; text: string; line: number }
  | { kind: 'string'; text: string; line: number }
  | { kind: 'number'; value: number; line: number }
  | { kind: 'ref'; text: string; line: number }
  | { kind: 'punct'; text: string; line: number }
  | { kind: 'newline'; line: number };

const IDENT = /[A-Za-z_][A-Za-z0-9_-]*/y;
const NUMBER = /-?\d+(\.\d+)?/y;
const WHOLE_REF = /^"\$\{([A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)+)\}"/;

/** Splits HCL text into tokens, refusing what the subset does not hold. */
function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      out.push({ kind: 'newline', line });
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      throw new HclError(line, 'block comments are not read by this checker; use # comments');
    } else if (c === '"' && WHOLE_REF.test(text.slice(i, i + 400))) {
      // The Terraform 0.11 spelling of a reference, `"${opsgenie_schedule.test.id}"`, as older provider docs write it.
      const match = WHOLE_REF.exec(text.slice(i, i + 400))!;
      out.push({ kind: 'ref', text: match[1]!, line });
      i += match[0].length;
    } else if (c === '"') {
      let value = '';
      i++;
      for (;;) {
        const d = text[i];
        if (d === undefined || d === '\n') throw new HclError(line, 'unterminated string');
        if (d === '"') break;
        if (d === '\\') {
          const e = text[i + 1];
          const escapes: Record<string, string> = { n: '\n', t: '\t', '"': '"', '\\': '\\' };
          if (e === undefined || escapes[e] === undefined)
            throw new HclError(line, `unknown escape \\${e ?? ''}`);
          value += escapes[e];
          i += 2;
        } else if ((d === '$' || d === '%') && text[i + 1] === d && text[i + 2] === '{') {
          value += `${d}{`;
          i += 3;
        } else if ((d === '$' || d === '%') && text[i + 1] === '{') {
          throw new HclError(line, 'template interpolation is not read by this checker');
        } else {
          value += d;
          i++;
        }
      }
      i++;
      out.push({ kind: 'string', text: value, line });
    } else if ('{}[]=,.*'.includes(c)) {
      out.push({ kind: 'punct', text: c, line });
      i++;
    } else {
      IDENT.lastIndex = i;
      NUMBER.lastIndex = i;
      const ident = IDENT.exec(text);
      const number = ident ? null : NUMBER.exec(text);
      if (ident) {
        out.push({ kind: 'ident', text: ident[0], line });
        i += ident[0].length;
      } else if (number) {
        out.push({ kind: 'number', value: Number(number[0]), line });
        i += number[0].length;
      } else throw new HclError(line, `unexpected character "${c}"`);
    }
  }
  out.push({ kind: 'newline', line });
  return out;
}

/** A cursor over tokens that parses bodies, blocks and values. */
class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private skipNewlines(): void {
    while (this.peek()?.kind === 'newline') this.at++;
  }

  private lastLine(): number {
    return this.tokens[this.tokens.length - 1]?.line ?? 1;
  }

  private expectPunct(text: string): Token {
    const t = this.peek();
    if (!t || t.kind !== 'punct' || t.text !== text)
      throw new HclError(t?.line ?? this.lastLine(), `expected "${text}"`);
    this.at++;
    return t;
  }

  body(closing: boolean): HclBody {
    const body: HclBody = { attributes: new Map(), blocks: [] };
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (!t) {
        if (closing) throw new HclError(this.lastLine(), 'a block is not closed with "}"');
        return body;
      }
      if (t.kind === 'punct' && t.text === '}') {
        if (!closing) throw new HclError(t.line, 'unexpected "}"');
        this.at++;
        return body;
      }
      if (t.kind !== 'ident') throw new HclError(t.line, 'expected an attribute name or a block type');
      this.at++;
      const next = this.peek();
      if (next?.kind === 'punct' && next.text === '=') {
        this.at++;
        if (body.attributes.has(t.text)) throw new HclError(t.line, `attribute "${t.text}" is given twice`);
        const value = this.value();
        body.attributes.set(t.text, { value, line: t.line });
        const end = this.peek();
        if (end && end.kind !== 'newline' && !(end.kind === 'punct' && end.text === '}'))
          throw new HclError(end.line, `unexpected text after the value of "${t.text}"`);
      } else {
        const labels: string[] = [];
        while (this.peek()?.kind === 'string') labels.push((this.tokens[this.at++] as { text: string }).text);
        this.expectPunct('{');
        body.blocks.push({ type: t.text, labels, body: this.body(true), line: t.line });
      }
    }
  }

  value(): HclValue {
    this.skipNewlines();
    const t = this.peek();
    if (!t) throw new HclError(this.lastLine(), 'expected a value');
    this.at++;
    if (t.kind === 'string') return t.text;
    if (t.kind === 'ref') return { ref: t.text };
    if (t.kind === 'number') {
      // A product of whole numbers (`60 * 60 * 24`) is read too: the provider's own examples write durations so.
      let value = t.value;
      while (this.peek()?.kind === 'punct' && (this.peek() as { text: string }).text === '*') {
        this.at++;
        const factor = this.peek();
        if (factor?.kind !== 'number') throw new HclError(t.line, 'expected a number after "*"');
        value *= factor.value;
        this.at++;
      }
      const after = this.peek();
      if (after?.kind === 'ident' || (after?.kind === 'punct' && after.text === '.'))
        throw new HclError(t.line, 'expected a plain number');
      return value;
    }
    if (t.kind === 'ident') {
      if (t.text === 'true' || t.text === 'false') return t.text === 'true';
      const parts = [t.text];
      while (this.peek()?.kind === 'punct' && (this.peek() as { text: string }).text === '.') {
        this.at++;
        const part = this.peek();
        if (part?.kind !== 'ident') throw new HclError(t.line, 'expected a name after "."');
        parts.push(part.text);
        this.at++;
      }
      if (parts.length < 2) throw new HclError(t.line, `"${t.text}" is not a value this checker reads`);
      return { ref: parts.join('.') };
    }
    if (t.kind === 'punct' && t.text === '[') {
      const items: HclValue[] = [];
      for (;;) {
        this.skipNewlines();
        const n = this.peek();
        if (n?.kind === 'punct' && n.text === ']') {
          this.at++;
          return items;
        }
        items.push(this.value());
        this.skipNewlines();
        const sep = this.peek();
        if (sep?.kind === 'punct' && sep.text === ',') this.at++;
        else if (!(sep?.kind === 'punct' && sep.text === ']'))
          throw new HclError(sep?.line ?? t.line, 'expected "," or "]" in a list');
      }
    }
    throw new HclError(t.line, 'expected a string, number, boolean, reference or list');
  }
}

/**
 * Reads HCL text of the subset into its top-level body.
 * Throws `HclError` naming the line for anything outside the subset.
 */
export function parseHcl(text: string): HclBody {
  const body = new Parser(tokenize(text)).body(false);
  const [parsed, error] = hashicorp.parseToObject(text) as [unknown, unknown];
  if (error || parsed === null) throw new HclError(1, "not valid HCL: HashiCorp's parser refuses the file");
  return body;
}

/** A string in HCL quotes, with `${` and `%{` escaped so they stay literal. */
function quote(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, '$${')
    .replace(/%\{/g, '%%{');
  return `"${escaped}"`;
}

/** One value as HCL text; a short list of plain values stays on one line, others go one item a line. */
function renderValue(value: HclValue, indent: string): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const flat = value.every((v) => !Array.isArray(v));
    const oneLine = `[${value.map((v) => renderValue(v, indent)).join(', ')}]`;
    if (flat && oneLine.length <= 80) return oneLine;
    const inner = indent + '  ';
    return `[\n${value.map((v) => `${inner}${renderValue(v, inner)},`).join('\n')}\n${indent}]`;
  }
  return value.ref;
}

/** An attribute or a nested block, for `renderBlock`. */
export type HclItem =
  [name: string, value: HclValue] | { block: string; labels?: string[]; items: HclItem[] };

/**
 * One block as HCL text with its attributes aligned as `terraform fmt` aligns them.
 * Why a writer here: the reader above must read back exactly what the compilers write.
 */
export function renderBlock(type: string, labels: string[], items: HclItem[], indent = ''): string {
  const head = [type, ...labels.map(quote)].join(' ');
  const width = Math.max(0, ...items.map((item) => (Array.isArray(item) ? item[0].length : 0)));
  const inner = indent + '  ';
  const lines = items.map((item) =>
    Array.isArray(item)
      ? `${inner}${item[0].padEnd(width)} = ${renderValue(item[1], inner)}`
      : renderBlock(item.block, item.labels ?? [], item.items, inner),
  );
  return `${indent}${head} {\n${lines.join('\n')}\n${indent}}`;
}

/** A resource or data label from an id: letters, digits, `_` and `-`, starting with a letter or `_`. */
export function hclLabel(id: string): string {
  const cleaned = id.replace(/[^A-Za-z0-9_-]/g, '_');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}

/** The attribute `name` of a body, or an `HclError` at `line` when it is missing. */
export function requireAttribute(body: HclBody, name: string, line: number): HclAttribute {
  const attribute = body.attributes.get(name);
  if (!attribute) throw new HclError(line, `"${name}" is missing`);
  return attribute;
}

/** A string attribute, or an `HclError` naming it. */
export function stringAttribute(body: HclBody, name: string, line: number): string {
  const a = requireAttribute(body, name, line);
  if (typeof a.value !== 'string') throw new HclError(a.line, `"${name}" must be a string`);
  return a.value;
}

/** An integer attribute, or an `HclError` naming it. */
export function integerAttribute(body: HclBody, name: string, line: number): number {
  const a = requireAttribute(body, name, line);
  if (typeof a.value !== 'number' || !Number.isInteger(a.value))
    throw new HclError(a.line, `"${name}" must be a whole number`);
  return a.value;
}

/** An optional string attribute (undefined when absent), or an `HclError` when it is not a string. */
export function optionalString(body: HclBody, name: string): string | undefined {
  const a = body.attributes.get(name);
  if (!a) return undefined;
  if (typeof a.value !== 'string') throw new HclError(a.line, `"${name}" must be a string`);
  return a.value;
}

/**
 * The label a reference `<prefix>.<label>.id` names (`data.opsgenie_user.maya.id` → `maya`), or an HclError at
 * `line`. Why here: every Terraform target links its resources to users and schedules by such references.
 */
export function refLabel(value: HclValue | undefined, prefix: string, line: number): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new HclError(line, `expected a reference ${prefix}.<name>.id`);
  const parts = value.ref.split('.');
  const wanted = prefix.split('.');
  if (parts.length !== wanted.length + 2 || parts.at(-1) !== 'id' || wanted.some((p, i) => parts[i] !== p))
    throw new HclError(line, `expected a reference ${prefix}.<name>.id, got ${value.ref}`);
  return parts[wanted.length]!;
}
