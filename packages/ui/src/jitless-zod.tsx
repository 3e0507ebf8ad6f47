/**
 * Zod 4 probes `new Function("")` once to decide whether to compile its parsers. The page CSP forbids eval, so the
 * probe (although caught) is reported as a violation; setting zod's global config before any bundle runs skips it
 * in the browser (zod reads `globalThis.__zod_globalConfig`). Rendered first in both root layouts, with the nonce.
 */
export function JitlessZod({ nonce }: { nonce: string | undefined }) {
  return (
    <script
      nonce={nonce}
      // A constant string: nothing from the request reaches this script.
      dangerouslySetInnerHTML={{ __html: "globalThis.__zod_globalConfig={jitless:true};" }}
    />
  );
}
