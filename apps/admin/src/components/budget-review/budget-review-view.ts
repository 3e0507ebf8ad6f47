import type { getApi } from "@/server/caller";

/** One fiscal year's budget review, as the budget review service returns it (api.budgetReview.review). */
export type BudgetReviewView = Awaited<ReturnType<Awaited<ReturnType<typeof getApi>>["budgetReview"]["review"]>>;
