/**
 * Disputes: the same attribute of the same entity, for the same scope, period (as_of) and unit, given different values
 * by different facts. A time series (different as_of), a price in two currencies (different units), two events
 * (different scopes) and attributes that hold several values at once (websites, stock listings) are not disputes; nor
 * are two dates of which one is the other at a finer precision (1971 and 1971-02-16), nor two numbers equal to six
 * significant digits.
 */
import { MULTI_VALUED_ATTRIBUTES } from '../../model/types.ts';
import { type Sql, sql } from '../sql.ts';

/**
 * A CTE body listing each disputed group (entity_id, attr, u, a, s) among the facts `where` selects; join facts to it
 * on entity_id, attr, coalesce(unit, ''), coalesce(as_of, ''), coalesce(scope, '').
 */
export function disputedGroups(where: Sql): Sql {
  return sql`
    WITH f AS (
      SELECT DISTINCT entity_id, attr, value, coalesce(unit, '') AS u, coalesce(as_of, '') AS a, coalesce(scope, '') AS s
      FROM facts WHERE (${where}) AND NOT list_contains(${MULTI_VALUED_ATTRIBUTES}::VARCHAR[], attr)
    )
    SELECT DISTINCT x.entity_id, x.attr, x.u, x.a, x.s FROM f x JOIN f y
      ON y.entity_id = x.entity_id AND y.attr = x.attr AND y.u = x.u AND y.a = x.a AND y.s = x.s AND x.value < y.value
    WHERE NOT (regexp_matches(x.value, '^\\d{4}(-\\d{2}){0,2}$') AND regexp_matches(y.value, '^\\d{4}(-\\d{2}){0,2}$')
        AND (starts_with(y.value, x.value) OR starts_with(x.value, y.value)))
      AND NOT coalesce(abs(TRY_CAST(x.value AS DOUBLE) - TRY_CAST(y.value AS DOUBLE))
        <= 1e-6 * greatest(abs(TRY_CAST(x.value AS DOUBLE)), abs(TRY_CAST(y.value AS DOUBLE))), false)`;
}
