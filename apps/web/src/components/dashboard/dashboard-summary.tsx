import { Card } from "@portal/ui";

/** The dashboard's counts, one card per section, each a link to its section further down the page. */
export function DashboardSummary({
  label,
  items,
}: {
  label: string;
  items: { id: string; label: string; total: string }[];
}) {
  return (
    <nav aria-label={label}>
      <ul className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        {items.map((item) => (
          <li key={item.id}>
            <Card className="h-full">
              <a
                href={`#${item.id}`}
                className="flex h-full flex-col gap-1 rounded-lg px-4 py-3 hover:bg-muted/50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                data-testid={`summary-${item.id}`}
              >
                <span className="text-2xl font-semibold tabular-nums">{item.total}</span>
                <span className="text-sm text-muted-foreground">{item.label}</span>
              </a>
            </Card>
          </li>
        ))}
      </ul>
    </nav>
  );
}
