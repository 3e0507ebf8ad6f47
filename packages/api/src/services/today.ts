// One home for "today in Ottawa" (packages/domain), shared with the demo seed, which dates its present-day portfolio by it.
export { todayInOttawa } from "@portal/domain";
