import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { validateXML } from "xmllint-wasm";
import type { IatiProblem } from "./iati-rules";

/** The official 2.03 schemas ship with the package (packages/api/data/iati), next to the code that uses them. */
const SCHEMA_DIR = new URL("../../../data/iati/", import.meta.url);

type SchemaFile = { fileName: string; contents: string };
let schemas: Record<"activities" | "organisations" | "common" | "xml", SchemaFile> | undefined;

function loadSchemas() {
  const read = (fileName: string): SchemaFile => ({
    fileName,
    contents: readFileSync(new URL(fileName, SCHEMA_DIR), "utf8"),
  });
  schemas ??= {
    activities: read("iati-activities-schema.xsd"),
    organisations: read("iati-organisations-schema.xsd"),
    common: read("iati-common.xsd"),
    xml: read("xml.xsd"),
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
