/**
 * SQL fragments for the numeric form of incident ids and content hashes in the DuckDB store (migration
 * 10). An id has the derived form `h:<32 lowercase hex digits>#<ordinal>` (derivedIdText in
 * @vigia/domain) or is any other text. Table incident_data keeps a derived-form id as numbers, `id_hash`
 * (the 32 hex digits as one UHUGEINT, first digit most significant) and `id_n` (the ordinal, INTEGER)
 * with `source_key` NULL, and any other id as the text `source_key` with the numbers NULL; the view
 * `incident` gives the text back as `source_id`. The choice depends on the text alone (not on
 * `source_id_derived`), so two ids are equal as texts exactly when their triples
 * (source_key, id_hash, id_n) are: joins on the triple match what joins on the text matched.
 * A content hash (32 hex digits) is a UHUGEINT the same way.
 */

/** The id text of the id columns with `prefix` (e.g. `c.`): `source_id` of view `incident`. */
export function sourceIdText(prefix = ''): string {
  return `coalesce(${prefix}source_key, printf('h:%032x#%d', ${prefix}id_hash, ${prefix}id_n))`;
}

/** A content hash (UHUGEINT) as the 32 lowercase hex digits it was stored as before migration 10. */
export function hashText(expr: string): string {
  return `printf('%032x', ${expr})`;
}

/**
 * The UHUGEINT of 32 hex digits (`text`, an SQL expression). DuckDB casts '0x…' texts of at most 16
 * digits only, so the halves are cast apart.
 */
export function hexToNumber(text: string): string {
  return `((CAST(CAST('0x' || substr(${text}, 1, 16) AS UBIGINT) AS UHUGEINT) << 64)
    | CAST(CAST('0x' || substr(${text}, 17, 16) AS UBIGINT) AS UHUGEINT))`;
}

/** The UHUGEINT of four UINTEGER words (SQL expressions), the first most significant. */
export function wordsToNumber(w0: string, w1: string, w2: string, w3: string): string {
  const u = (w: string) => `CAST(${w} AS UHUGEINT)`;
  return `((${u(w0)} << 96) | (${u(w1)} << 64) | (${u(w2)} << 32) | ${u(w3)})`;
}

/**
 * True when the id text `text` has the derived form and its ordinal fits an INTEGER, written exactly as
 * printf('%d') writes it (no leading zeros, no '+'): then {@link idHashOf}/{@link idNOf} give numbers
 * whose {@link sourceIdText} is `text` again. The cheap prefix test comes first (CASE evaluates the
 * pattern only on the rows that pass it).
 */
export function isDerivedForm(text: string): string {
  return `CASE WHEN starts_with(${text}, 'h:') THEN
      regexp_full_match(${text}, 'h:[0-9a-f]{32}#(0|-?[1-9][0-9]{0,9})')
      AND TRY_CAST(substr(${text}, 36) AS INTEGER) IS NOT NULL
    ELSE false END`;
}

/** `source_key` of the id text `text` (NULL when it has the derived form). */
export function sourceKeyOf(text: string): string {
  return `CASE WHEN ${isDerivedForm(text)} THEN NULL ELSE ${text} END`;
}

/** `id_hash` of the id text `text` (NULL unless it has the derived form). */
export function idHashOf(text: string): string {
  return `CASE WHEN ${isDerivedForm(text)} THEN ${hexToNumber(`substr(${text}, 3, 32)`)} END`;
}

/** `id_n` of the id text `text` (NULL unless it has the derived form). */
export function idNOf(text: string): string {
  return `CASE WHEN ${isDerivedForm(text)} THEN CAST(substr(${text}, 36) AS INTEGER) END`;
}

/** The id columns of incident_data, in order (the triple that identifies a source record). */
export const ID_COLUMNS = ['source_key', 'id_hash', 'id_n'] as const;

/**
 * The join condition "same id" between two relations with the id `columns` (by default the triple), by
 * their aliases: NULL-safe (each side has either the text or the numbers), so DuckDB still runs it as a
 * hash join.
 */
export function sameId(a: string, b: string, columns: readonly string[] = ID_COLUMNS): string {
  return columns.map((c) => `${a}.${c} IS NOT DISTINCT FROM ${b}.${c}`).join(' AND ');
}

/**
 * The condition "same id as the id text `text`" (an SQL expression, e.g. a parameter) on the id
 * columns of the relation with `prefix`: compares numbers, formats no text per row.
 */
export function sameIdAsText(text: string, prefix = ''): string {
  return `${prefix}source_key IS NOT DISTINCT FROM ${sourceKeyOf(text)}
    AND ${prefix}id_hash IS NOT DISTINCT FROM ${idHashOf(text)} AND ${prefix}id_n IS NOT DISTINCT FROM ${idNOf(text)}`;
}
