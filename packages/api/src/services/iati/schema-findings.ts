import { iatiFinding, type IatiFindingKey, type IatiProblem } from "./iati-findings";

/** `{http://www.w3.org/XML/1998/namespace}lang` → `xml:lang`, `{…}name` → `name`: names as the file writes them. */
function localName(name: string): string {
  return name.replace("{http://www.w3.org/XML/1998/namespace}", "xml:").replace(/^\{[^}]*\}/, "");
}

/** libxml2's "( a, b, c )" as a list of tags, "<a>, <b> or <c>" in each language. */
function expectedList(list: string) {
  const tags = list
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name.length > 0 && name !== "##other{*}*")
    .map((name) => `<${localName(name)}>`);
  const inLocale = (locale: "en" | "fr") => new Intl.ListFormat(locale, { type: "disjunction" }).format(tags);
  return { en: inLocale("en"), fr: inLocale("fr") };
}

type Reading = [IatiFindingKey, Record<string, string>];

/**
 * The shapes of libxml2's schema complaints (its English, "Element 'x', attribute 'y': …"), each read into a
 * catalogue finding with its element, attribute, value and expected elements. What matches none is still a finding,
 * naming its element, with libxml2's own words as detail.
 */
const SHAPES: { pattern: RegExp; read: (m: RegExpMatchArray) => Reading }[] = [
  {
    pattern:
      /^Element '([^']+)'(?:, attribute '([^']+)')?: '(.*)' is not a valid value of the (?:atomic|list|union) type '([^']+)'/,
    read: (m) => ["schemaInvalidValue", { element: m[1]!, attribute: m[2] ?? "none", value: m[3]!, type: m[4]! }],
  },
  {
    pattern: /^Element '([^']+)'(?:, attribute '([^']+)')?: \[facet '[^']+'\] The value '(.*?)'/,
    read: (m) => ["schemaValueNotAllowed", { element: m[1]!, attribute: m[2] ?? "none", value: m[3]! }],
  },
  {
    pattern: /^Element '([^']+)', attribute '([^']+)': The attribute '[^']+' is not allowed/,
    read: (m) => ["schemaAttributeNotAllowed", { element: m[1]!, attribute: m[2]! }],
  },
  {
    pattern: /^Element '([^']+)': The attribute '([^']+)' is required but missing/,
    read: (m) => ["schemaAttributeMissing", { element: m[1]!, attribute: m[2]! }],
  },
  {
    pattern: /^Element '([^']+)': This element is not expected\. Expected is (?:one of )?\( (.+) \)/,
    read: (m) => ["schemaElementNotExpected", { element: m[1]!, expected: m[2]! }],
  },
  {
    pattern: /^Element '([^']+)': This element is not expected/,
    read: (m) => ["schemaElementNotExpectedAnywhere", { element: m[1]! }],
  },
  {
    pattern: /^Element '([^']+)': Missing child element\(s\)\. Expected is (?:one of )?\( (.+) \)/,
    read: (m) => ["schemaChildMissing", { element: m[1]!, expected: m[2]! }],
  },
  { pattern: /^Element '([^']+)'/, read: (m) => ["schemaOther", { element: m[1]! }] },
];

/** One complaint of the XSD validator as a finding; `message` is libxml2's, without its "Schemas validity error" lead. */
export function schemaFinding(message: string, line: number | undefined): IatiProblem {
  const detail = message.replace(/^Schemas validity error : /, "").trim();
  const shape = SHAPES.find(({ pattern }) => pattern.test(detail));
  const [key, found] = shape
    ? shape.read(detail.match(shape.pattern)!)
    : (["schemaOther", { element: "?" }] as Reading);
  const params = {
    ...found,
    element: localName(found.element!),
    ...(found.attribute ? { attribute: found.attribute === "none" ? "none" : localName(found.attribute) } : {}),
    ...(found.expected ? { expected: expectedList(found.expected) } : {}),
    line: line === undefined ? "?" : String(line),
  };
  return iatiFinding("schema", key, params, detail);
}
