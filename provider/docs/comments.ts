import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as ts from "typescript";

/**
 * The TSDoc comments of the schema files, by schema variable and property:
 * `comments.get("ChargerInputSchema")?.get("ocppIdentity")`. The comments are
 * the single source of field documentation: editors show them through the
 * inferred types, and the reference is generated from them.
 */
export function schemaComments(...dirs: string[]): Map<string, Map<string, string>> {
  const result = new Map<string, Map<string, string>>();
  for (const file of dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith(".ts")).map((f) => join(dir, f)))) {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
    source.forEachChild(function visit(node): void {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
        const props = new Map<string, string>();
        collect(node.initializer, props);
        if (props.size) result.set(node.name.text, props);
      }
      node.forEachChild(visit);
    });
  }
  return result;
}

function collect(node: ts.Node, into: Map<string, string>): void {
  const isShapeCall = ts.isCallExpression(node) && /\.(strictObject|looseObject|object)$/.test(node.expression.getText());
  if (isShapeCall || ts.isObjectLiteralExpression(node)) {
    const shape = isShapeCall ? (node as ts.CallExpression).arguments[0] : node;
    if (shape && ts.isObjectLiteralExpression(shape)) {
      for (const prop of shape.properties) {
        const name = prop.name && (ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name)) ? prop.name.text : undefined;
        const doc = ts.getJSDocCommentsAndTags(prop).map((d) => (ts.isJSDoc(d) ? ts.getTextOfJSDocComment(d.comment) ?? "" : "")).join(" ");
        if (name && doc) into.set(name, doc.replace(/\s+/g, " ").trim());
      }
    }
    return;
  }
  node.forEachChild((child) => collect(child, into));
}
