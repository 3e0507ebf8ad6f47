import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repository = fileURLToPath(new URL("../../..", import.meta.url));
const SOURCE_ROOTS = ["apps/web/src", "apps/admin/src", "packages/ui/src"];

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : tsxFiles(path);
    return entry.name.endsWith(".tsx") ? [relative(repository, path)] : [];
  });
}

/**
 * The one kind of fixed id: the target of a link that is written into a page (`href="#main"`), which has to be the
 * same on every render. Every other element anchor is an `anchor` prop of SectionCard or DashboardSection, named
 * for what it is; labels, hints, errors and headings take generated ids.
 */
const FRAGMENT_TARGETS: { file: string; id: string; why: string }[] = [
  { file: "packages/ui/src/app-shell.tsx", id: "main", why: 'the skip link ("Skip to content") points at #main' },
];

// id, htmlFor and the ARIA attributes that point at ids, with a value written in the file: a quoted one (`id="amount"`,
// `htmlFor={"q"}`) or a template that starts with text (`id={`report-${name}`}`: derived from data, not generated).
const FIXED_ID =
  /(?<![\w-])(id|htmlFor|aria-labelledby|aria-describedby|aria-controls|aria-owns)=(?:"([^"]*)"|\{["']([^"']*)["']\}|\{`(?!\$\{)([^`]*)`\})/g;

// describedBy(id, error) sets an input's id and points it at `${id}-error`: its id is written in the file too.
const FIXED_DESCRIBED_BY = /describedBy\(\s*(?:["']|`(?!\$\{))/g;

describe("element ids are generated, never fixed", () => {
  // The same form can be open twice (a "Pay" form per instalment) and the same card can sit on a page twice: a fixed
  // id then points one label at the other's input. Forms take theirs from useFieldIds, headings from useId.
  it("no .tsx file in the apps or the ui package writes an id (or a reference to one) as a literal", () => {
    const offenders = SOURCE_ROOTS.flatMap((root) => tsxFiles(join(repository, root))).flatMap((file) =>
      readFileSync(join(repository, file), "utf8")
        .split("\n")
        .flatMap((line, index) =>
          [...line.matchAll(FIXED_ID), ...line.matchAll(FIXED_DESCRIBED_BY)]
            .filter(([, , quoted, braced]) => {
              const value = quoted ?? braced;
              return !FRAGMENT_TARGETS.some((target) => target.file === file && target.id === value);
            })
            .map((match) => `${file}:${index + 1}: ${match[0]}`),
        ),
    );
    expect(offenders).toEqual([]);
  });

  it("each fixed fragment target is still where the list says, and a link still names it", () => {
    for (const target of FRAGMENT_TARGETS) {
      const text = readFileSync(join(repository, target.file), "utf8");
      expect(text, target.why).toContain(`id="${target.id}"`);
      expect(text, target.why).toContain(`href="#${target.id}"`);
    }
  });

  it("the check finds what it is meant to find", () => {
    const found = (line: string) => [...line.matchAll(FIXED_ID), ...line.matchAll(FIXED_DESCRIBED_BY)].map((m) => m[0]);
    expect(found('<Input id="amount" />')).toEqual(['id="amount"']);
    expect(found('<Label htmlFor={"q"}>')).toEqual(['htmlFor={"q"}']);
    expect(found('<p aria-describedby="hint">')).toEqual(['aria-describedby="hint"']);
    expect(found('<Table data-testid="grants-table">')).toEqual([]);
    expect(found('<Input id={fieldId("amount")} />')).toEqual([]);
    expect(found("<h2 id={`${titleId}`}>")).toEqual([]);
    expect(found("<h2 id={`${titleId}-hint`}>")).toEqual([]);
    expect(found("<Input id={`report-${name}`} />")).toEqual(["id={`report-${name}`}"]);
    expect(found("<Select {...describedBy(`link-${name}`, error)} />")).toEqual(["describedBy(`"]);
    expect(found('<Input {...describedBy("amount", error)} />')).toEqual(['describedBy("']);
    expect(found("<Input {...describedBy(fieldId(name), error)} />")).toEqual([]);
  });
});
