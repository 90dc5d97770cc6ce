/** A table's heading row from its column names; an empty name is a column without a heading (e.g. the actions). */
export function TableHead({ columns }: { columns: readonly string[] }) {
  return (
    <thead>
      <tr>{columns.map((column, i) => (column ? <th key={i}>{column}</th> : <th key={i} />))}</tr>
    </thead>
  );
}
