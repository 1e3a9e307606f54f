// The API reference at /docs, rendered from the public schema itself (graphql-js), once per process.
// Chosen over SpectaQL, graphql-markdown and Magidoc, which build a static site in a separate step
// (SpectaQL pulls in grunt and sass; the other two need Docusaurus or SvelteKit). A page rendered from
// the schema the API serves needs no build step, cannot drift from it, and runs under a CSP with no
// script at all. Descriptions are plain text with `code` spans; they are escaped, never trusted as HTML.
import {
  astFromValue,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  print,
} from "graphql";

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A description as HTML: escaped, `code` spans kept, paragraphs on blank lines. */
export function describe(text: string | null | undefined): string {
  if (!text) return "";
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/`([^`]+)`/g, "<code>$1</code>")}</p>`)
    .join("");
}

const anchor = (name: string) => `type-${name}`;

/** A type reference (`[Media!]!`) with its named type linked. */
function typeRef(type: { toString(): string }, named: GraphQLNamedType): string {
  const text = escapeHtml(type.toString());
  const name = escapeHtml(named.name);
  return text.replace(name, `<a href="#${anchor(named.name)}">${name}</a>`);
}

/** ` = W342`: a default as a query writes it (the enum's name, not its internal value "w342"). */
function defaultText(input: GraphQLArgument | GraphQLInputField): string {
  if (input.defaultValue === undefined) return "";
  const literal = astFromValue(input.defaultValue, input.type);
  return ` = <code>${escapeHtml(literal ? print(literal) : JSON.stringify(input.defaultValue))}</code>`;
}

function argumentList(args: readonly GraphQLArgument[]): string {
  if (!args.length) return "";
  const rows = args.map(
    (arg) =>
      `<li><code>${escapeHtml(arg.name)}</code>: <code>${typeRef(arg.type, getNamedType(arg.type))}</code>${defaultText(arg)}${describe(arg.description)}</li>`,
  );
  return `<ul class="args">${rows.join("")}</ul>`;
}

function fieldEntry(field: GraphQLField<unknown, unknown> | GraphQLInputField, owner: string): string {
  const args = "args" in field ? argumentList(field.args) : "";
  const deprecated = field.deprecationReason ? `<p class="deprecated">Deprecated: ${escapeHtml(field.deprecationReason)}</p>` : "";
  const byDefault = "args" in field ? "" : defaultText(field);
  return `<li id="${anchor(owner)}-${escapeHtml(field.name)}"><code class="field">${escapeHtml(field.name)}</code>: <code>${typeRef(field.type, getNamedType(field.type))}</code>${byDefault}${describe(field.description)}${deprecated}${args}</li>`;
}

function kindOf(type: GraphQLNamedType): string {
  if (isObjectType(type)) return "type";
  if (isInterfaceType(type)) return "interface";
  if (isInputObjectType(type)) return "input";
  if (isEnumType(type)) return "enum";
  if (isUnionType(type)) return "union";
  return "scalar";
}

function typeSection(type: GraphQLNamedType, implementers: readonly string[] = []): string {
  const parts = [`<h3 id="${anchor(type.name)}"><span class="kind">${kindOf(type)}</span> ${escapeHtml(type.name)}</h3>`, describe(type.description)];
  if (isObjectType(type) && type.getInterfaces().length) {
    parts.push(
      `<p>Implements ${type
        .getInterfaces()
        .map((face) => `<a href="#${anchor(face.name)}">${escapeHtml(face.name)}</a>`)
        .join(", ")}.</p>`,
    );
  }
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
    parts.push(
      `<ul class="fields">${Object.values(type.getFields())
        .map((field) => fieldEntry(field, type.name))
        .join("")}</ul>`,
    );
  }
  if (isInterfaceType(type) && implementers.length) {
    parts.push(`<p>Implemented by ${implementers.map((name) => `<a href="#${anchor(name)}">${escapeHtml(name)}</a>`).join(", ")}.</p>`);
  }
  if (isEnumType(type)) {
    parts.push(
      `<ul class="values">${type
        .getValues()
        .map((value) => `<li><code>${escapeHtml(value.name)}</code>${describe(value.description)}</li>`)
        .join("")}</ul>`,
    );
  }
  return `<section class="type">${parts.join("")}</section>`;
}

/** The reference page for `schema`: operations first, then every other type by name. */
export function renderReference(schema: GraphQLSchema, options: { title: string; gettingStarted: string; playgroundPath: string }): string {
  const roots = [schema.getQueryType(), schema.getMutationType()].filter((type): type is NonNullable<typeof type> => Boolean(type));
  const rootNames = new Set(roots.map((type) => type.name));
  const others = Object.values(schema.getTypeMap())
    .filter((type) => !type.name.startsWith("__") && !rootNames.has(type.name))
    .sort((a, b) => a.name.localeCompare(b.name));
  const implementers = (name: string) =>
    others.filter((type) => isObjectType(type) && type.getInterfaces().some((face) => face.name === name)).map((type) => type.name);
  const sections = others.map((type) => typeSection(type, implementers(type.name)));
  const toc = [...roots, ...others]
    .map((type) => `<li><a href="#${anchor(type.name)}">${escapeHtml(type.name)}</a>${isScalarType(type) ? ' <span class="kind">scalar</span>' : ""}</li>`)
    .join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<meta name="description" content="The movierec GraphQL API: getting started, and every operation, type and field.">
<style>${STYLE}</style>
</head>
<body>
<header><strong>movierec API</strong> <a href="#getting-started">Getting started</a> <a href="#type-${roots[0]?.name ?? "Query"}">Reference</a> <a href="${escapeHtml(options.playgroundPath)}">Playground</a></header>
<nav aria-label="Types"><ul>${toc}</ul></nav>
<main>
<section id="getting-started">${options.gettingStarted}</section>
<h2>Operations</h2>
${roots.map((type) => typeSection(type)).join("\n")}
<h2>Types</h2>
${sections.join("\n")}
</main>
</body>
</html>
`;
}

const STYLE = `
:root { color-scheme: light dark; --fg: #1b1b1f; --muted: #5c5c66; --line: #d9d9e0; --accent: #b3261e; --code: #f3f3f6; }
@media (prefers-color-scheme: dark) { :root { --fg: #ececf1; --muted: #a5a5b0; --line: #33333b; --accent: #ff8a80; --code: #22222a; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: var(--fg); display: grid; grid-template-columns: minmax(12rem, 16rem) 1fr; grid-template-rows: auto 1fr; min-height: 100vh; }
header { grid-column: 1 / -1; display: flex; gap: 1.25rem; align-items: baseline; padding: .75rem 1.25rem; border-bottom: 1px solid var(--line); }
header a, nav a, main a { color: var(--accent); }
nav { border-right: 1px solid var(--line); padding: 1rem; font-size: .875rem; max-height: calc(100vh - 3rem); overflow: auto; position: sticky; top: 0; }
nav ul { list-style: none; margin: 0; padding: 0; }
main { padding: 1rem 2rem 4rem; max-width: 60rem; min-width: 0; overflow-wrap: break-word; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .9em; }
pre { background: var(--code); padding: .75rem 1rem; overflow-x: auto; border-radius: 6px; }
code { background: var(--code); padding: 0 .25em; border-radius: 4px; overflow-wrap: anywhere; }
.kind { color: var(--muted); font-weight: normal; font-size: .85em; }
.type { border-top: 1px solid var(--line); padding-top: .5rem; }
.fields, .values, .args { padding-left: 1.25rem; }
.fields > li { margin: .5rem 0; }
.fields p, .values p, .args p { margin: .15rem 0; color: var(--muted); }
.deprecated { color: var(--accent) !important; }
@media (max-width: 48rem) { body { grid-template-columns: minmax(0, 1fr); } header { flex-wrap: wrap; gap: .25rem 1rem; } nav { position: static; max-height: 12rem; border-right: 0; border-bottom: 1px solid var(--line); } main { padding: 1rem 1rem 3rem; } }
`;
