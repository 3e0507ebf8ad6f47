/** Where a page of a list falls among its rows. Pages count from 1. */
export interface PageWindow {
  page: number;
  pages: number;
  /** 1-based positions of the first and last row shown; both 0 when nothing is shown. */
  first: number;
  last: number;
  /** The page asked for lies after the last page (e.g. `?page=99` on a list of 12): nothing is shown. */
  beyondEnd: boolean;
}

export function pageWindow({ page, pageSize, total }: { page: number; pageSize: number; total: number }): PageWindow {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const beyondEnd = total > 0 && page > pages;
  if (total === 0 || beyondEnd) return { page, pages, first: 0, last: 0, beyondEnd };
  return { page, pages, first: (page - 1) * pageSize + 1, last: Math.min(total, page * pageSize), beyondEnd };
}
