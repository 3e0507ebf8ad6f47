import { expect, type APIResponse, type Page } from "@playwright/test";

/** The headers every response of either app must carry. */
export function expectSecurityHeaders(response: APIResponse | { headers: () => Record<string, string> }) {
  const headers = response.headers();
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  // Served over plain http here: HSTS would be meaningless (and is sent only over https).
  expect(headers["strict-transport-security"]).toBeUndefined();
  return headers;
}

/** A page's CSP: scripts by nonce only, never 'unsafe-inline' or a wildcard. */
export function scriptPolicyOf(csp: string): { nonce: string; scriptSrc: string } {
  const scriptSrc =
    csp
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith("script-src ")) ?? "";
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("*");
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1] ?? "";
  expect(nonce.length).toBeGreaterThanOrEqual(16);
  return { nonce, scriptSrc };
}

/** Collects every CSP violation the browser reports on a page (console errors and violation events). */
export async function watchCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  await page.exposeFunction("__reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI}`,
      );
    });
  });
  return violations;
}
