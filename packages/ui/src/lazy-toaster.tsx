"use client";

import dynamic from "next/dynamic";

/**
 * The toaster, loaded after the page has hydrated: toasts only follow an action, so sonner need not be part of any
 * page's first-load JavaScript. Both root layouts mount this one.
 */
export const LazyToaster = dynamic(() => import("./toaster").then((m) => m.Toaster), { ssr: false });
