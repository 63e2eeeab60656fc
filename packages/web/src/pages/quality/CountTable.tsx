import { useLang } from '../../i18n/lang-context.js';

/** One row of a {@link CountTable}: a label and its count, with the code it stands for when there is one. */
export interface CountRow {
  code?: string;
  label: string;
  count: number;
}

/**
 * A titled two-column table of labels and counts (quarantine reasons, unclassified labels, interval
 * flags), or a line saying there are none. Rows with a code carry it as `data-code`.
 */
export function CountTable({
  title,
  empty,
  rows,
  heading = 'h2',
  testId,
}: {
  title: string;
  empty: string;
  rows: readonly CountRow[];
  heading?: 'h2' | 'h3';
  testId?: string;
}) {
  const { fmt } = useLang();
  const Heading = heading;
  return (
    <div>
      <Heading>{title}</Heading>
      {rows.length === 0 ? (
        <p data-testid={testId}>{empty}</p>
      ) : (
        <table data-testid={testId}>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code ?? r.label} data-code={r.code}>
                <th scope="row">{r.label}</th>
                <td className="num">{fmt.count(r.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
