import type { ReactNode } from "react";

/**
 * A wide table scrolls sideways in its own box on a phone. Keyboard users must reach that box to scroll it (WCAG
 * 2.1.1), so it is a focusable region with a name: spread `scrollRegion(label)` on the wrapper, or use <TableWrap>.
 */
export function scrollRegion(label: string) {
  return { role: "region", tabIndex: 0, "aria-label": label } as const;
}

export function TableWrap({
  label,
  labelledBy,
  children,
}: {
  label?: string;
  labelledBy?: string;
  children: ReactNode;
}) {
  return labelledBy ? (
    <div className="mb-table-wrap" role="region" tabIndex={0} aria-labelledby={labelledBy}>
      {children}
    </div>
  ) : (
    <div className="mb-table-wrap" {...scrollRegion(label ?? "")}>
      {children}
    </div>
  );
}
