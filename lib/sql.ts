/**
 * SQL built from fragments that carry their own parameters, so a condition written once
 * (permissions/ties.ts) can be put into any statement without counting `?`s by hand.
 * Placeholders are knex's `?`, as `em.execute` and `preparedRead` take them.
 */
export class Sql {
  constructor(readonly text: string, readonly values: readonly unknown[]) {}
}

/** `sql\`… ${value} …\``: a value becomes a `?` bound to it; an `Sql` is inlined with its own values. */
export function sql(strings: TemplateStringsArray, ...parts: unknown[]): Sql {
  let text = strings[0];
  const values: unknown[] = [];
  parts.forEach((part, i) => {
    if (part instanceof Sql) {
      text += part.text;
      values.push(...part.values);
    } else {
      text += '?';
      values.push(part);
    }
    text += strings[i + 1];
  });
  return new Sql(text, values);
}

/** Trusted SQL text with no values: a column or an alias, never client input. */
export function raw(text: string): Sql {
  return new Sql(text, []);
}

export function joinSql(parts: readonly Sql[], separator: string): Sql {
  return new Sql(parts.map((p) => p.text).join(separator), parts.flatMap((p) => p.values));
}

/** A Postgres array literal for `= any(?::uuid[])`, so one statement serves any batch size. */
export function uuidArray(ids: readonly (string | null | undefined)[]): string {
  return `{${ids.filter(Boolean).join(',')}}`;
}
