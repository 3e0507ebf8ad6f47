import { z } from "zod";
import { fiscalYear } from "./common";

export const budgetOverviewInput = z.object({ fiscalYear });
