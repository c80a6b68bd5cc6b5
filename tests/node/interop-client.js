'use strict';
// grpc-js peer that runs one interop case against a server and prints one JSON line of what it saw.
// Usage: node interop-client.js <host:port> <case>
// Exit 0: the case reached its expected observation. Exit 1: anything else (message on stderr).
const { once } = require('node:events');
const grpc = require('@grpc/grpc-js');
const { interop, health } = require('./lib/protos');

const CASE_TIMEOUT_MS = 30_000;
const TOKEN = 'Bearer interop-token';
const UNARY_TEXT = 'héllo wörld ✓';
const FAIL_MESSAGE = 'accès refusé: ключ недействителен ✓ 100%';

const insecure = grpc.credentials.createInsecure();
const clients = [];

function connect(address, Client, options = {}) {
  const client = new Client(address, insecure, options);
  clients.push(client);
  return client;
}

// Promisified unary call: resolves with the reply, rejects with the grpc-js status error.
function unary(client, method, request, { metadata = new grpc.Metadata(), deadline } = {}) {
  return new Promise((resolve, reject) => {
    client[method](request, metadata, { deadline }, (err, reply) => (err ? reject(err) : resolve(reply)));
  });
}

// For cases that expect a failure: the status as plain data, { code: 0 } if the call succeeded.
async function statusOf(promise) {
  try {
    await promise;
    return { code: grpc.status.OK, details: '' };
  } catch (err) {
    if (err.code === undefined) throw err;
    return { code: err.code, details: err.details };
  }
}

// Awaits 'drain' when write() reports a full buffer; rejects if the call errors meanwhile.
async function write(call, message) {
  if (!call.write(message)) await once(call, 'drain');
}

function pattern(length, value) {
  return Buffer.from(Array.from({ length }, (_, i) => value(i) & 0xff));
}

async function echoCase(address, options, payload) {
  const client = connect(address, interop.Interop, options);
  const metadata = new grpc.Metadata();
  metadata.set('authorization', TOKEN);
  const reply = await unary(client, 'Unary', { text: UNARY_TEXT, sequence: 42, payload }, { metadata });
  return {
    observed: {
      text: reply.text,
      sequence: reply.sequence,
      payloadLength: reply.payload.length,
      payloadOk: reply.payload.equals(payload),
      authorization: reply.authorization,
    },
    expected: { text: UNARY_TEXT, sequence: 42, payloadLength: payload.length, payloadOk: true, authorization: TOKEN },
  };
}

const cases = {
  unary: (address) => echoCase(address, {}, pattern(256, (i) => i)),

  'unary-gzip': (address) =>
    echoCase(
      address,
      { 'grpc.default_compression_algorithm': 2, 'grpc.default_compression_level': 2 },
      pattern(65536, (i) => i * 7)
    ),

  async 'server-stream'(address) {
    const client = connect(address, interop.Interop);
    const call = client.ServerStream({ text: 'stream', count: 100 });
    let count = 0;
    let inOrder = true;
    let text = '';
    call.on('data', (reply) => {
      if (reply.sequence !== count) inOrder = false;
      // Report the text once, but only if every reply carried the same one.
      text = count === 0 || reply.text === text ? reply.text : '<varies>';
      count++;
    });
    await once(call, 'end');
    return {
      observed: { count, inOrder, text },
      expected: { count: 100, inOrder: true, text: 'stream' },
    };
  },

  async 'client-stream'(address) {
    const client = connect(address, interop.Interop);
    let call;
    const replied = new Promise((resolve, reject) => {
      call = client.ClientStream((err, reply) => (err ? reject(err) : resolve(reply)));
    });
    const payloads = Array.from({ length: 100 }, (_, i) => Buffer.alloc(1024, i % 256));
    const writing = (async () => {
      for (let i = 0; i < payloads.length; i++) await write(call, { text: `part-${i}`, payload: payloads[i] });
      call.end();
    })();
    // A failed call only rejects `replied` (grpc-js emits no 'error' here), so await both together.
    const [, reply] = await Promise.all([writing, replied]);
    if (!reply.payload.equals(Buffer.concat(payloads))) throw new Error('payload is not the concatenation of the requests');
    return {
      observed: { sequence: reply.sequence, text: reply.text, payloadLength: reply.payload.length },
      expected: { sequence: 100, text: 'part-99', payloadLength: 100 * 1024 },
    };
  },

  async 'bidi-10k'(address) {
    const total = 10_000;
    const client = connect(address, interop.Interop);
    const call = client.Bidi();
    let received = 0;
    let inOrder = true;
    let textsOk = true;
    call.on('data', (reply) => {
      if (reply.sequence !== received) inOrder = false;
      if (reply.text !== `m${received}`) textsOk = false;
      received++;
    });
    const writing = (async () => {
      for (let i = 0; i < total; i++) await write(call, { text: `m${i}`, sequence: i });
      call.end();
    })();
    await Promise.all([writing, once(call, 'end')]);
    return {
      observed: { received, inOrder, textsOk },
      expected: { received: total, inOrder: true, textsOk: true },
    };
  },

  async error(address) {
    const client = connect(address, interop.Interop);
    const observed = await statusOf(unary(client, 'Unary', { fail_code: 7, fail_message: FAIL_MESSAGE }));
    return { observed, expected: { code: grpc.status.PERMISSION_DENIED, details: FAIL_MESSAGE } };
  },

  async deadline(address) {
    const client = connect(address, interop.Interop);
    const started = Date.now();
    const { code } = await statusOf(unary(client, 'Unary', { delay_ms: 5000 }, { deadline: started + 300 }));
    return { observed: { code, elapsedMs: Date.now() - started }, expected: { code: grpc.status.DEADLINE_EXCEEDED } };
  },

  async cancel(address) {
    const client = connect(address, interop.Interop);
    const call = client.Bidi();
    const status = new Promise((resolve) => call.on('status', resolve));
    call.on('error', () => {}); // CANCELLED is the expected outcome; 'status' reports it
    call.write({ text: 'cancel-me', sequence: 1 });
    const [first] = await once(call, 'data');
    const echoed = first.text === 'cancel-me' && first.sequence === 1;
    // grpc-js cancels by sending END_STREAM and then RST_STREAM, and an idle server may finish the
    // call on that apparent half-close before the reset lands. A request the server is still
    // delaying makes the cancellation reliably arrive mid-call.
    await new Promise((resolve) => call.write({ text: 'hold', sequence: 2, delay_ms: 60_000 }, resolve));
    call.cancel();
    const { code } = await status;
    return { observed: { echoed, code }, expected: { echoed: true, code: grpc.status.CANCELLED } };
  },

  async 'too-large'(address) {
    const client = connect(address, interop.Interop, { 'grpc.max_send_message_length': -1 });
    const payload = Buffer.alloc(5 * 1024 * 1024, 0x5a);
    const observed = await statusOf(unary(client, 'Unary', { text: 'big', payload }));
    return { observed, expected: { code: grpc.status.RESOURCE_EXHAUSTED } };
  },

  async health(address) {
    const client = connect(address, health.Health);
    const reply = await unary(client, 'Check', { service: '' }, { deadline: Date.now() + 5000 });
    return { observed: { status: reply.status }, expected: { status: 'SERVING' } };
  },

  async 'health-unknown'(address) {
    const client = connect(address, health.Health);
    const { code } = await statusOf(unary(client, 'Check', { service: 'no.such.Service' }, { deadline: Date.now() + 5000 }));
    return { observed: { code }, expected: { code: grpc.status.NOT_FOUND } };
  },
};

function die(message) {
  process.stderr.write(`interop-client: ${message}\n`);
  process.exit(1);
}

async function main() {
  const [address, name] = process.argv.slice(2);
  if (!address || !Object.hasOwn(cases, name)) die(`usage: interop-client.js <host:port> <${Object.keys(cases).join('|')}>`);

  const guard = setTimeout(() => die(`case ${name} timed out after ${CASE_TIMEOUT_MS} ms`), CASE_TIMEOUT_MS);
  let result;
  try {
    result = await cases[name](address);
  } catch (err) {
    die(`case ${name} failed: ${err.message}`); // grpc-js messages read "<code> <NAME>: <details>"
  }
  clearTimeout(guard);

  const line = JSON.stringify(result.observed);
  const wrong = Object.keys(result.expected).filter((key) => result.observed[key] !== result.expected[key]);
  if (wrong.length > 0) die(`case ${name}: unexpected ${wrong.join(', ')}: got ${line}, expected ${JSON.stringify(result.expected)}`);
  process.stdout.write(`${line}\n`);

  // Close politely so a cancel's RST_STREAM reaches the server, but never linger.
  for (const client of clients) client.close();
  setTimeout(() => process.exit(0), 200).unref();
}

main();
