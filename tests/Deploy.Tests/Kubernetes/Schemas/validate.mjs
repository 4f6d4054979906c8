// Validates Kubernetes objects against the schemas of the Kubernetes API, the Gateway API and KEDA (the
// kubernetes-models packages, generated from their OpenAPI documents and CRDs).
//   node validate.mjs objects.json     a JSON array of objects, each with apiVersion and kind
// Prints one line per problem ("Kind/name: /spec/...: must be integer") and exits 1 if there was any.
import { readFileSync } from "node:fs";

const packages = [
  { group: /^gateway\.networking\.k8s\.io\//, module: (g, v, k) => `@kubernetes-models/gateway-api/${g}/${v}/${k}` },
  { group: /^keda\.sh\//, module: (g, v, k) => `@kubernetes-models/keda/${g}/${v}/${k}` },
  { group: /^[a-z0-9.]+\/v/, module: (g, v, k) => `kubernetes-models/${g}/${v}/${k}` },
  { group: /^v1$/, module: (_, v, k) => `kubernetes-models/${v}/${k}` },
];

const objects = JSON.parse(readFileSync(process.argv[2], "utf8"));
const problems = [];
for (const object of objects) {
  const name = `${object.kind}/${object.metadata?.name ?? "?"}`;
  const known = packages.find(p => p.group.test(object.apiVersion ?? ""));
  if (!known) { problems.push(`${name}: no schema for apiVersion ${object.apiVersion}`); continue; }
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : ["", object.apiVersion];
  let model;
  try {
    model = (await import(known.module(group, version, object.kind)))[object.kind];
  } catch {
    problems.push(`${name}: ${object.apiVersion} has no kind ${object.kind}`);
    continue;
  }
  try {
    new model(object).validate();
  } catch (error) {
    for (const line of String(error.message).split(/,\s*(?=data)/)) problems.push(`${name}: ${line.replace(/^data/, "")}`);
  }
}
for (const problem of problems) console.log(problem);
console.log(`${objects.length} objects checked, ${problems.length} problems`);
process.exit(problems.length === 0 ? 0 : 1);
