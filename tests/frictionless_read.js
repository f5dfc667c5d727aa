// Read a data package's first resource as Frictionless's JavaScript library (npm `datapackage`) reads it, typed
// by its Table Schema, and print the headers and the rows as JSON; tests/test_opendata_readers.py runs it.
"use strict";
const path = require("path");
const { Package } = require("datapackage");

async function main(descriptor) {
  const dataPackage = await Package.load(descriptor, { basePath: path.dirname(descriptor) });
  if (!dataPackage.valid) throw new Error(`invalid data package: ${dataPackage.errors.join("; ")}`);
  const resource = dataPackage.resources[0];
  const rows = await resource.read({ keyed: true, cast: true });
  process.stdout.write(JSON.stringify({ headers: resource.headers, rows }));
}

main(process.argv[2]).catch((error) => {
  process.stderr.write(`${error.stack || error}\n${JSON.stringify(error.errors || [])}\n`);
  process.exit(1);
});
