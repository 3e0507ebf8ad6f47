export { createProgramme, updateProgramme } from "./save-programme";
export { openFiscalYear } from "./open-fiscal-year";
export { setAllocation } from "./set-allocation";
export { transferAllocation } from "./transfer-allocation";
export { programmeBudget } from "./programme-budget";
export { budgetAdministrationOverview } from "./budget-administration-overview";
