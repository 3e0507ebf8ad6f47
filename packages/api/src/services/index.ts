export * from "./grants/list-grants";
export * from "./grants/get-grant";
export * from "./grants/grant-scope";
export * from "./budgets/budget-overview";
