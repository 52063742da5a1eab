/** A `sql` template tag: values become bound parameters ($1, $2 …), never text in the statement. */
import type { DuckDBValue } from '@duckdb/node-api';

export type SqlValue = string | number | boolean | null | bigint | Date | readonly string[];

/** A statement and its parameters, built only through `sql` and `raw`. */
export interface Sql {
  readonly text: string;
  readonly params: readonly SqlValue[];
}

const RAW = Symbol('raw');
/** Trusted SQL text (identifiers from typed constants in store/); never pass user input here. */
export interface RawSql {
  readonly [RAW]: string;
}
export function raw(text: string): RawSql {
  return { [RAW]: text };
}

function isRaw(value: unknown): value is RawSql {
  return typeof value === 'object' && value !== null && RAW in value;
}
function isSql(value: unknown): value is Sql {
  return typeof value === 'object' && value !== null && 'text' in value && 'params' in value;
}

/** Builds a parameterised statement. Nested `sql` fragments are spliced with their parameters renumbered. */
export function sql(strings: TemplateStringsArray, ...values: (SqlValue | RawSql | Sql)[]): Sql {
  let text = strings[0] ?? '';
  const params: SqlValue[] = [];
  values.forEach((value, i) => {
    if (isRaw(value)) {
      text += value[RAW];
    } else if (isSql(value)) {
      text += value.text.replace(/\$(\d+)/g, (_m, n: string) => `$${Number(n) + params.length}`);
      params.push(...value.params);
    } else {
      params.push(value);
      text += `$${params.length}`;
    }
    text += strings[i + 1] ?? '';
  });
  return { text, params };
}

/** Joins fragments with a separator (e.g. AND-ed conditions). */
export function join(parts: readonly Sql[], separator: string): Sql {
  let text = '';
  const params: SqlValue[] = [];
  parts.forEach((part, i) => {
    if (i > 0) text += separator;
    text += part.text.replace(/\$(\d+)/g, (_m, n: string) => `$${Number(n) + params.length}`);
    params.push(...part.params);
  });
  return { text, params };
}

/** A text as an SQL string literal (for a path or a name in SQL that takes no parameter, such as ATTACH or COPY). */
export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * The statement with its parameters written in as literals (text and finite numbers only): for statements sent
 * together as one text, which DuckDB runs in one call only when it has no parameters (with parameters, the binding
 * sends each statement but the last on its own, a round trip each).
 */
export function inlined(query: Sql): string {
  return query.text.replace(/\$(\d+)/g, (_m, n: string) => {
    const value = query.params[Number(n) - 1];
    if (typeof value === 'string') return literal(value);
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    throw new Error(`parameter $${n} of this statement cannot be written as a literal`);
  });
}

/** Converts parameters to what the DuckDB binding accepts. */
export function toDuckParams(params: readonly SqlValue[]): DuckDBValue[] {
  return params.map((p) => {
    if (p instanceof Date) return p.toISOString();
    if (Array.isArray(p)) return JSON.stringify(p);
    return p as DuckDBValue;
  });
}
