import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { type ComponentType, createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { twMerge } from "tailwind-merge";
import { describe, expect, it } from "vitest";
import { Alert } from "./alert";
import { Badge } from "./badge";
import { Button } from "./button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "./card";
import { Input, Label, Select } from "./form";
import { Skeleton } from "./skeleton";
import { Table, TableCaption, TableCell, TableHead, TableRow } from "./table";

/**
 * `cn` joins classes without resolving Tailwind conflicts, so an element must never get two classes of one kind
 * ("text-sm text-xs"): which one wins would depend on the stylesheet's order, not on the caller. tailwind-merge, a dev
 * dependency only, is the judge here: for every class list a component can produce, it must find nothing to drop.
 */
const COMPONENTS: Record<string, ComponentType<Record<string, unknown>>> = {
  Alert,
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  Input,
  Label,
  Select,
  Skeleton,
  Table,
  TableCaption,
  TableCell,
  TableHead,
  TableRow,
} as never;

const repository = fileURLToPath(new URL("../../..", import.meta.url));
const SOURCE_ROOTS = ["apps/web/src", "apps/admin/src", "packages/ui/src"];
const PROBE = "cn-probe";

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : tsxFiles(path);
    return entry.name.endsWith(".tsx") ? [path] : [];
  });
}

/** The classes of the component's own element, rendered with `props`. */
function classesOf(name: string, props: Record<string, unknown>): string[] {
  const className = [PROBE, props.className].filter(Boolean).join(" ");
  const html = renderToStaticMarkup(createElement(COMPONENTS[name]!, { ...props, className }));
  const own = [...html.matchAll(/class="([^"]*)"/g)].map((m) => m[1]!).find((c) => c.split(" ").includes(PROBE));
  return (own ?? "").split(/\s+/).filter((c) => c && c !== PROBE);
}

/** The classes tailwind-merge would drop: two of one kind, the earlier loses. */
function conflicts(classes: string[]): string[] {
  const kept = new Set(twMerge(classes.join(" ")).split(" "));
  return [...new Set(classes)].filter((c) => !kept.has(c));
}

// An opening tag of one of the components, with its attributes (quoted strings and {…} expressions, one level deep).
const TAG = new RegExp(
  `<(${Object.keys(COMPONENTS).join("|")})(?![\\w.])((?:[^>"{}]|"[^"]*"|\\{(?:[^{}]|\\{[^{}]*\\})*\\})*)>`,
  "g",
);
// The props that choose a component's own classes: literal strings, bare flags and {true}/{false}.
const STRING_PROP = /\b(className|tone|variant|size|scope)="([^"]*)"/g;
const FLAG_PROP = /\s(numeric|row|alignTop|wide)(?:=\{(true|false)\})?(?=[\s/>]|$)/g;

interface Site {
  where: string;
  name: string;
  props: Record<string, unknown>;
  dynamicClassName: boolean;
}

function sites(): Site[] {
  return SOURCE_ROOTS.flatMap((root) => tsxFiles(join(repository, root))).flatMap((file) => {
    const text = readFileSync(file, "utf8");
    return [...text.matchAll(TAG)].map((match) => {
      const attributes = match[2]!;
      const props: Record<string, unknown> = {};
      for (const [, key, value] of attributes.matchAll(STRING_PROP)) props[key!] = value;
      for (const [, key, value] of attributes.matchAll(FLAG_PROP)) props[key!] = value !== "false";
      const line = text.slice(0, match.index).split("\n").length;
      return {
        where: `${relative(repository, file)}:${line}`,
        name: match[1]!,
        props,
        dynamicClassName: /\bclassName=\{/.test(attributes),
      };
    });
  });
}

describe("class names never conflict (cn does not merge them)", () => {
  it("no component's own variants conflict", () => {
    const variants: [string, Record<string, unknown>][] = [
      ...["default", "secondary", "outline", "ghost", "destructive", "link"].flatMap((variant) =>
        ["default", "sm", "lg", "icon"].map((size): [string, Record<string, unknown>] => ["Button", { variant, size }]),
      ),
      ...["neutral", "info", "success", "warning", "danger"].map((tone): [string, Record<string, unknown>] => [
        "Badge",
        { tone },
      ]),
      ...["danger", "info", "warning"].map((tone): [string, Record<string, unknown>] => ["Alert", { tone }]),
      ...["default", "muted", "code"].flatMap((tone) =>
        [true, false].map((wide): [string, Record<string, unknown>] => ["Input", { tone, wide }]),
      ),
      ...["col", "row"].flatMap((scope) =>
        [true, false].map((numeric): [string, Record<string, unknown>] => ["TableHead", { scope, numeric }]),
      ),
      ...[true, false].flatMap((numeric) =>
        [true, false].map((alignTop): [string, Record<string, unknown>] => ["TableCell", { numeric, alignTop }]),
      ),
      ["CardHeader", { row: true }],
      ["CardHeader", { row: false }],
      ...Object.keys(COMPONENTS).map((name): [string, Record<string, unknown>] => [name, {}]),
    ];
    const found = variants
      .map(([name, props]) => ({ name, props, dropped: conflicts(classesOf(name, props)) }))
      .filter((v) => v.dropped.length > 0);
    expect(found).toEqual([]);
  });

  it("no call site's className conflicts with the component's classes", () => {
    const all = sites();
    expect(all.length).toBeGreaterThan(100);
    const found = all
      .filter((site) => typeof site.props.className === "string")
      .map((site) => ({ where: site.where, dropped: conflicts(classesOf(site.name, site.props)) }))
      .filter((site) => site.dropped.length > 0);
    expect(found).toEqual([]);
  });

  it("the only classNames worked out at run time are these, checked here by hand", () => {
    // SectionCard: `scroll-mt-20` on a Card, whose classes have no scroll margin.
    const dynamic = sites()
      .filter((site) => site.dynamicClassName)
      .map((site) => site.where.replace(/:\d+$/, ""));
    expect(dynamic).toEqual(["packages/ui/src/section-card.tsx"]);
    expect(conflicts(classesOf("Card", { className: "scroll-mt-20" }))).toEqual([]);
  });

  it("the check finds a conflict where there is one", () => {
    expect(conflicts(classesOf("Input", { className: "text-xs" }))).toEqual(["text-sm"]);
    expect(conflicts(classesOf("CardHeader", { className: "gap-3" }))).toEqual(["gap-1"]);
    const [site] = sites().filter(
      (s) => s.name === "Input" && s.where.startsWith("apps/web/src/components/treaty/treaty-filters.tsx"),
    );
    expect(site?.props).toMatchObject({ wide: false, className: "w-44" });
    expect(conflicts(classesOf("Input", { className: "w-44" }))).toEqual(["w-full"]);
  });
});
