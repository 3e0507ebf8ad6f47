import { z } from "zod";
import { validationMessage, type ValidationParams } from "./message-writer";

export {
  labelKey,
  setValidationWriter,
  validationMessage,
  type ValidationParams,
  type ValidationWriter,
} from "./message-writer";

/** A zod `error` option naming a catalogue message: `z.string({ ...msg("enterAmount") })` or `.min(1, msg(...))`. */
export function msg(key: string, params: ValidationParams = {}): { error: () => string } {
  return { error: () => validationMessage(key, params) };
}

// zod's own messages (a schema without a message of its own: a missing field, a list too long) come from the same
// catalogue, by issue code, so nothing reaches a reader in zod's English.
z.config({
  customError: (issue) => {
    const params: ValidationParams = {};
    if ("maximum" in issue && (typeof issue.maximum === "number" || typeof issue.maximum === "bigint"))
      params.maximum = Number(issue.maximum);
    if ("minimum" in issue && (typeof issue.minimum === "number" || typeof issue.minimum === "bigint"))
      params.minimum = Number(issue.minimum);
    const code = issue.code ?? "custom";
    return validationMessage(`zod.${code}`, params);
  },
});
