import { z } from "zod";
import { uuid } from "./common";

/** A grant to publish to IATI, or whose IATI record to check. */
export const iatiGrantInput = z.object({ grantId: uuid });
export type IatiGrantInput = z.infer<typeof iatiGrantInput>;
