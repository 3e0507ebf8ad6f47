"use client";

import { setValidationWriter } from "@portal/domain/message-writer";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import type { ErrorTranslator } from "./refusal-format";
import { validationWriter } from "./validation-writer";

/**
 * Makes the browser's validators speak the page's language: forms validate with the API's own schemas, whose
 * messages are catalogue keys written when an issue is found. Installed in an effect, so it only ever runs in the
 * browser (the server writes each request's messages in that request's language).
 */
export function ValidationMessages() {
  const t = useTranslations("validation") as unknown as ErrorTranslator;
  useEffect(() => setValidationWriter(validationWriter(t)), [t]);
  return null;
}
