// Check schemas/ in an ECMA-262 JSON Schema validator (ajv, Draft 2020-12, strict mode, regexes
// with the u flag): every schema of every format compiles (schemas/ and schemas/v<N>/), every
// document of the bundled datasets is valid against its declared format's schemas
// (datapackage.json and each record), and ajv's verdict on every case of a corpus is the one
// Python's jsonschema gave.
//
// A maintainer's tool, run by hand (it needs node and ajv, which the tests do not):
//
//   mkdir -p /tmp/ajv && (cd /tmp/ajv && npm init -y && npm install ajv@8)
//   PYTHONPATH=src:scripts python scripts/ecma_corpus.py /tmp/corpus.jsonl
//   node scripts/check_schemas_ecma.mjs --ajv /tmp/ajv /tmp/corpus.jsonl
//
// Without a corpus file only the schemas and the datasets are checked. Exits 1 on any failure.
// The corpus is JSON Lines, one case to a line, read a line at a time: at some 570 MB it is
// more than a string Node can hold, so it cannot be read whole.

import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const at = args.indexOf("--ajv");
if (at < 0 || !args[at + 1]) {
  console.error("usage: node scripts/check_schemas_ecma.mjs --ajv DIR_WITH_NODE_MODULES [CORPUS.jsonl]");
  process.exit(2);
}
const require = createRequire(path.join(path.resolve(args[at + 1]), "package.json"));
const Ajv2020 = require("ajv/dist/2020").default;
const corpusFile = args.filter((_, i) => i !== at && i !== at + 1)[0];

let failures = 0;
function fail(message) {
  failures += 1;
  console.log(`FAIL ${message}`);
}

// strict: true turns every strict-mode complaint into a compile error; the logger catches any
// complaint that is only logged. strictRequired is off (as in ajv's defaults): it cannot see a
// property defined beside the anyOf that requires it (datapackage's licenses: name or path), a
// limitation of ajv's (https://github.com/ajv-validator/ajv/issues/1571).
const logger = { log() {}, warn: (...m) => fail(`ajv warns: ${m.join(" ")}`), error: (...m) => fail(`ajv: ${m.join(" ")}`) };
const options = { allErrors: true, unicodeRegExp: true, logger };
const ajv = new Ajv2020({ ...options, strict: true, strictRequired: false });
// a schema that strict mode refuses is still checked, compiled without it
const lax = new Ajv2020({ ...options, strict: false });
// Each format's schemas: the newest format's in schemas/, an older one's in schemas/v<N>/ (each
// $id names its format, so all are added to one ajv and each $ref resolves within its format).
const schemasDir = path.join(root, "schemas");
const versionDirs = fs.readdirSync(schemasDir).filter((n) => /^v[0-9]+$/.test(n)).sort();
const ids = {}; // by the file's path in schemas/ less ".schema.json": "events", "v2/events"
for (const dir of ["", ...versionDirs]) {
  for (const name of fs.readdirSync(path.join(schemasDir, dir)).filter((n) => n.endsWith(".schema.json")).sort()) {
    const schema = JSON.parse(fs.readFileSync(path.join(schemasDir, dir, name), "utf8"));
    ids[path.posix.join(dir, name.replace(/\.schema\.json$/, ""))] = schema.$id;
    ajv.addSchema(schema);
    lax.addSchema(schema);
  }
}
const validators = {};
for (const [kind, id] of Object.entries(ids)) {
  try {
    validators[kind] = ajv.getSchema(id);
  } catch (error) {
    fail(`${kind}.schema.json does not compile in strict mode: ${error.message}`);
    try {
      validators[kind] = lax.getSchema(id);
    } catch (laxError) {
      fail(`${kind}.schema.json does not compile: ${laxError.message}`);
    }
  }
}
console.log(`ajv ${require("ajv/package.json").version}, node ${process.version}: compiled ${Object.keys(validators).length} of ${Object.keys(ids).length} schemas (${["newest", ...versionDirs].join(", ")})`);

// A dataset's files are checked against the schemas of the format its datapackage.json
// declares (1 without rightsdata_format; format 1's are format 2's), as validate(schema=True).
function schemasOf(folder) {
  const descriptor = path.join(folder, "datapackage.json");
  if (!fs.existsSync(descriptor)) return "";
  const declared = Math.max(JSON.parse(fs.readFileSync(descriptor, "utf8")).rightsdata_format ?? 1, 2);
  return versionDirs.includes(`v${declared}`) ? `v${declared}/` : "";
}

const datasets = path.join(root, "datasets");
for (const dataset of fs.readdirSync(datasets).sort()) {
  const skipped = [];
  let count = 0;
  const prefix = schemasOf(path.join(datasets, dataset));
  for (const file of fs.readdirSync(path.join(datasets, dataset)).filter((n) => n.endsWith(".json")).sort()) {
    const kind = file.replace(/\.json$/, "");
    const validate = validators[prefix + kind];
    if (!validate) {
      skipped.push(file);
      continue;
    }
    const content = JSON.parse(fs.readFileSync(path.join(datasets, dataset, file), "utf8"));
    const documents = kind === "datapackage" ? [content] : content;
    documents.forEach((document, index) => {
      count += 1;
      if (!validate(document)) fail(`${dataset}/${file}[${index}]: ${ajv.errorsText(validate.errors)}`);
    });
  }
  console.log(`datasets/${dataset}: ${count} documents checked against ${prefix ? `schemas/${prefix}` : "schemas/"}${skipped.length ? ` (no schema: ${skipped.join(", ")})` : ""}`);
}

if (corpusFile) {
  const perKind = {};
  const disagreements = new Map(); // the label less the field, to group a class of them
  const lines = readline.createInterface({ input: fs.createReadStream(corpusFile, "utf8"), crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number += 1;
    if (!line.trim()) continue;
    let parsed;
    try {
      parsed = JSON.parse(line);
    } catch (error) {
      fail(`${corpusFile}:${number}: not a case in JSON (${error.message}); the corpus is JSON Lines, as scripts/ecma_corpus.py writes it`);
      continue;
    }
    if (Array.isArray(parsed) || typeof parsed?.kind !== "string") {
      fail(`${corpusFile}:${number}: not a case (a corpus of one JSON array is an old one: write it again with scripts/ecma_corpus.py)`);
      continue;
    }
    const { kind, label, path: where, document, schema } = parsed;
    const tally = (perKind[kind] ??= { cases: 0, disagree: 0 });
    tally.cases += 1;
    if (!validators[kind]) continue; // (reported)
    const verdict = validators[kind](document);
    if (verdict === schema) continue;
    tally.disagree += 1;
    const key = `${kind} ${label.replace(/^[^:]*: /, "")}: ajv ${verdict ? "valid" : "invalid"}, jsonschema ${schema ? "valid" : "invalid"}`;
    const value = (where ?? []).reduce((holder, step) => holder[step], document);
    if (!disagreements.has(key)) disagreements.set(key, { count: 0, label, value });
    disagreements.get(key).count += 1;
  }
  for (const [key, { count, label, value }] of disagreements) {
    fail(`${key} (${count}x; e.g. ${label}: ${JSON.stringify(value)})`);
  }
  for (const [kind, { cases: n, disagree }] of Object.entries(perKind)) {
    console.log(`corpus ${kind}: ${n} cases, ${disagree} disagree with jsonschema`);
  }
}
console.log(failures ? `${failures} failure(s)` : "ok");
process.exit(failures ? 1 : 0);
