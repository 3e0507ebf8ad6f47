/**
 * Resolves once `url` answers HTTP at all (any status: a redirect to the sign-in page counts), rejects after
 * `timeoutMs`, or as soon as `gaveUp` settles (the server process exited, so waiting longer is pointless).
 */
export async function waitForHttp(
  url: string,
  options: { timeoutMs: number; gaveUp?: Promise<unknown> },
): Promise<void> {
  let abandoned = false;
  void options.gaveUp?.then(() => {
    abandoned = true;
  });
  const deadline = Date.now() + options.timeoutMs;
  while (!abandoned) {
    try {
      await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${options.timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`the server for ${url} exited before answering`);
}
