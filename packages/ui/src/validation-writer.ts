// The zod-free module: this writer is installed by the root layouts, on every page.
import { labelKey, type ValidationWriter } from "@portal/domain/message-writer";
import type { ErrorTranslator } from "./refusal-format";

/**
 * Writes validation messages from the `validation` catalogue of one language: the validator's sentence, its field's
 * label in that language ("la ville"), or zod's own issue by its code.
 */
export function validationWriter(t: ErrorTranslator): ValidationWriter {
  return (key, params) => {
    const values = { ...params };
    if (typeof values.label === "string") {
      const label = `labels.${labelKey(values.label)}`;
      if (t.has(label)) values.label = t(label);
    }
    if (key.startsWith("zod.")) return t(t.has(key) ? key : "zod.custom", values);
    const message = `messages.${key}`;
    return t.has(message) ? t(message, values) : key;
  };
}
