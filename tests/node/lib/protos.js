'use strict';
// Loads the .proto files the C# projects use, so both sides share one contract.
const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

// keepCase: field names match the .proto (snake_case); longs as strings: no int64 precision loss;
// enums as names: readable JSON output.
const LOAD_OPTIONS = { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true };

function load(relativePath) {
  const definition = protoLoader.loadSync(path.join(__dirname, relativePath), LOAD_OPTIONS);
  return grpc.loadPackageDefinition(definition);
}

module.exports = {
  health: load('../../../src/Vigil.Grpc/Protos/grpc/health/v1/health.proto').grpc.health.v1,
  interop: load('../../Vigil.Grpc.Tests/Protos/vigil/interop/v1/interop.proto').vigil.interop.v1,
  bench: load('../../Vigil.Benchmarks/Protos/vigil/bench/v1/bench.proto').vigil.bench.v1,
};
