import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { validateXML } from "xmllint-wasm";
import { type IatiProblem } from "./iati-findings";
import { schemaFinding } from "./schema-findings";

/**
 * The official 2.03 schemas ship with the package (packages/api/data/iati). Found from the working directory upwards
 * (the repository root in tests, apps/web or apps/admin under Next.js), not through import.meta.url, which bundlers
 * rewrite into paths node:fs cannot open.
 */
function schemaDir(): string {
  let dir = process.cwd();
  for (let depth = 0; depth < 6; depth++) {
    const candidate = path.join(dir, "packages", "api", "data", "iati");
    // Not traced: the schemas reach the build output through outputFileTracingIncludes (next.config.ts), and a
    // dynamic path here would make Next trace, and copy into the standalone server, the whole repository.
    if (existsSync(/*turbopackIgnore: true*/ path.join(candidate, "iati-common.xsd"))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error("IATI schemas not found: packages/api/data/iati is missing from this deployment");
}

const SCHEMA_FILES = {
  activities: "iati-activities-schema.xsd",
  organisations: "iati-organisations-schema.xsd",
  common: "iati-common.xsd",
  xml: "xml.xsd",
} as const;

type SchemaFile = { fileName: string; contents: string };
let schemas: Record<keyof typeof SCHEMA_FILES, SchemaFile> | undefined;

function loadSchemas() {
  const dir = schemaDir();
  const read = (fileName: string): SchemaFile => ({
    fileName,
    contents: readFileSync(/*turbopackIgnore: true*/ `${dir}${path.sep}${fileName}`, "utf8"),
  });
  schemas ??= {
    activities: read(SCHEMA_FILES.activities),
    organisations: read(SCHEMA_FILES.organisations),
    common: read(SCHEMA_FILES.common),
    xml: read(SCHEMA_FILES.xml),
  };
  return schemas;
}

/**
 * Validates an iati-activities or iati-organisations document against the official XSD, in-process (libxml2 compiled
 * to WebAssembly). Returns the schema's complaints, none when the document is valid.
 */
export async function schemaProblems(
  xml: string,
  kind: "activities" | "organisations" = "activities",
): Promise<IatiProblem[]> {
  // Each run starts a WebAssembly worker (tenths of a second): the same bytes are validated once per process.
  const key = `${kind}:${createHash("sha256").update(xml).digest("base64url")}`;
  const known = verdicts.get(key);
  if (known) return known;
  const problems = await validate(xml, kind);
  if (verdicts.size >= MAX_VERDICTS) verdicts.delete(verdicts.keys().next().value!);
  verdicts.set(key, problems);
  return problems;
}

const MAX_VERDICTS = 1000;
const verdicts = new Map<string, IatiProblem[]>();

async function validate(xml: string, kind: "activities" | "organisations"): Promise<IatiProblem[]> {
  const files = loadSchemas();
  const result = await validateXML({
    xml: [{ fileName: `iati-${kind}.xml`, contents: xml }],
    schema: [files[kind]],
    preload: [files.common, files.xml],
    maxMemoryPages: 4096,
  });
  return result.errors.map((error) => schemaFinding(error.message, error.loc?.lineNumber));
}
