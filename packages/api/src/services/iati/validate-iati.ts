import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { validateXML } from "xmllint-wasm";
import type { IatiProblem } from "./iati-rules";

/**
 * The official 2.03 schemas ship with the package (packages/api/data/iati). Each is named in full so that bundlers
 * (Turbopack in the apps) see the file and ship it with the server code.
 */
const SCHEMA_FILES = {
  activities: ["iati-activities-schema.xsd", new URL("../../../data/iati/iati-activities-schema.xsd", import.meta.url)],
  organisations: [
    "iati-organisations-schema.xsd",
    new URL("../../../data/iati/iati-organisations-schema.xsd", import.meta.url),
  ],
  common: ["iati-common.xsd", new URL("../../../data/iati/iati-common.xsd", import.meta.url)],
  xml: ["xml.xsd", new URL("../../../data/iati/xml.xsd", import.meta.url)],
} as const;

type SchemaFile = { fileName: string; contents: string };
let schemas: Record<keyof typeof SCHEMA_FILES, SchemaFile> | undefined;

function loadSchemas() {
  const read = ([fileName, url]: readonly [string, URL]): SchemaFile => ({
    fileName,
    // Through its href: a bundler's URL object is not always the URL class node:fs accepts.
    contents: readFileSync(fileURLToPath(url.href), "utf8"),
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
  return result.errors.map((error) => ({
    rule: "schema" as const,
    message: error.loc ? `Line ${error.loc.lineNumber}: ${error.message}` : error.message,
  }));
}
