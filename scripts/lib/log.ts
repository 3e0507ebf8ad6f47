/** The launcher's own lines, told apart from the apps' prefixed output. */
export function say(message: string): void {
  console.log(`[portal] ${message}`);
}

export function warn(message: string): void {
  console.error(`[portal] ${message}`);
}

/** A URL safe to print: the password is replaced. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}
