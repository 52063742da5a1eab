/**
 * The cac-filings connector's own table (its DDL is migrations/001_genai_filings.sql): each CAC list record, a service
 * filed (备案) or an app or feature registered (登记): the list it appeared in and when that was published, 属地 as the
 * list gives it ("国资委" for central state-owned enterprises) and the province it resolves to, the provider as named
 * and the organisation it resolves to, the city its legal name registers it in, the filing date and the id's date.
 */
import type { TableSpec } from '../../model/tables.ts';

export const GENAI_FILINGS = {
  name: 'genai_filings',
  columns: [
    ['dataset', 'varchar'],
    ['filing_id', 'varchar'],
    ['kind', 'varchar'],
    ['list_id', 'varchar'],
    ['list_date', 'varchar'],
    ['seq', 'integer'],
    ['province_label', 'varchar'],
    ['province_id', 'varchar'],
    ['service', 'varchar'],
    ['provider', 'varchar'],
    ['provider_id', 'varchar'],
    ['name_city_id', 'varchar'],
    ['filed_on', 'varchar'],
    ['id_date', 'varchar'],
    ['source_id', 'varchar'],
    ['line', 'integer'],
  ],
  key: ['dataset', 'filing_id'],
} as const satisfies TableSpec;
