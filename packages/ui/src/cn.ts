import { type ClassValue, clsx } from "clsx";

/**
 * Joins class names. It does not resolve Tailwind conflicts (tailwind-merge did, 8.3 KiB of every page's first load;
 * see ARCHITECTURE.md, "Forms"): a component offers a prop for each thing a caller may change in its own classes
 * (`tone`, `wide`, `row`, `numeric`, `alignTop`), and `cn.test.ts` fails if any call site's classes still conflict.
 */
export function cn(...inputs: ClassValue[]) {
  return clsx(inputs);
}
