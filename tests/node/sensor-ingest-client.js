'use strict';
// grpc-js sensor: opens vigil.v1.SensorIngest, says hello, sends one batch, waits for its ack and prints one JSON
// line of what it saw. Usage: VIGIL_TOKEN=<ingest token> node sensor-ingest-client.js <host:port> <cluster> [token]
// The token goes as 'authorization: Bearer <token>' metadata; the environment keeps it out of process listings, an
// argument overrides it, and with neither the call carries no token.
// Exit 0: the batch was acknowledged. Exit 1: anything else (message on stderr, starting 'stream ended with CODE').
const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const PROTOS = path.join(__dirname, '../../src/Vigil.Contracts/Protos');
const definition = protoLoader.loadSync('vigil/v1/sensor_ingest.proto',
  { includeDirs: [PROTOS], keepCase: true, longs: String, enums: String, defaults: true, oneofs: true });
const { SensorIngest } = grpc.loadPackageDefinition(definition).vigil.v1;

const [address, cluster, argumentToken] = process.argv.slice(2);
const token = argumentToken || process.env.VIGIL_TOKEN;
const client = new SensorIngest(address, grpc.credentials.createInsecure());
const metadata = new grpc.Metadata();
if (token) metadata.set('authorization', `Bearer ${token}`);
const call = client.Stream(metadata, { deadline: Date.now() + 30_000 });
const seen = { welcome: null, acknowledgedThrough: null };

const now = BigInt(Date.now()) * 1_000_000n;
const context = {
  node: 'node-js', cluster, container_id: 'c0ffee', container_name: 'web', image: 'nginx:1.27',
  pod_uid: '0b1e2c3d-0000-4000-8000-000000000001', pod_namespace: 'shop', pod_name: 'web-0', time_unix_nano: now.toString(),
};
const nginx = { pid: 10, ppid: 1, binary: '/usr/sbin/nginx', args: ['-g', 'daemon off;'] };
const shell = { pid: 20, ppid: 10, binary: '/bin/sh', args: ['-c', 'id'], uid: 33, user: 'www-data' };

call.on('data', (reply) => {
  if (reply.welcome) {
    seen.welcome = reply.welcome;
    call.write({ batch: { sequence: '1', events: [{ event_id: '1', runtime: { context, process: shell, ancestors: [nginx], exec: {} } }] } });
  } else if (reply.ack) {
    seen.acknowledgedThrough = reply.ack.acknowledged_through;
    if (reply.ack.acknowledged_through === '1') call.end();
  }
});
call.on('status', (status) => {
  if (status.code === grpc.status.OK && seen.acknowledgedThrough === '1') {
    console.log(JSON.stringify(seen));
    process.exit(0);
  }
  console.error(`stream ended with ${status.code} ${status.details}; saw ${JSON.stringify(seen)}`);
  process.exit(1);
});
call.on('error', () => { /* reported by 'status' */ });
call.write({ hello: { sensor_id: 'sensor/node-js', node: 'node-js', cluster, version: 'grpc-js', incarnation: `js-${process.pid}` } });
