'use strict';
// grpc-js peer implementing vigil.interop.v1.Interop and grpc.health.v1.Health, for Vigil's client tests.
// Usage: node interop-server.js [--port N]
// Prints "LISTENING <port>", then "CANCELLED <Method>" for every call the client cancels.
const { once } = require('node:events');
const { constants: http2 } = require('node:http2');
const grpc = require('@grpc/grpc-js');
const { interop, health } = require('./lib/protos');
const { option, serve } = require('./lib/serve');

const SERVING_NAMES = new Set(['', 'vigil.interop.v1.Interop']);

// Reports a client's cancellation once. grpc-js alone cannot tell it reliably, so two signals:
// - the call's 'cancelled' event; grpc-js also fires it after a normal end, so it only counts while
//   the handler is still running (a RST_STREAM mid-call, or an expired deadline);
// - the HTTP/2 reset code: a grpc-js client cancels with END_STREAM then RST_STREAM, so the handler
//   may already have answered that apparent half-close when the reset lands. grpc-js keeps the
//   HTTP/2 stream private (call.call.stream in 1.14), hence the guarded access.
// call.outcome is set by the handler when it ends the call: 'ok' or 'error'.
function track(call, method) {
  let reported = false;
  const report = () => {
    if (reported) return;
    reported = true;
    process.stdout.write(`CANCELLED ${method}\n`);
  };
  call.outcome = null;
  call.on('cancelled', () => {
    if (!call.outcome) report();
  });
  // After an error status the client resets the stream by design, so only an 'ok' end is suspect.
  const stream = call.call?.stream;
  stream?.once?.('close', () => {
    if (call.outcome === 'ok' && stream.rstCode !== http2.NGHTTP2_NO_ERROR) report();
  });
}

// Resolves true after `ms`, or false as soon as the call is cancelled.
function sleep(ms, call) {
  return new Promise((resolve) => {
    if (call.cancelled) return resolve(false);
    const onCancel = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      call.off('cancelled', onCancel);
      resolve(true);
    }, ms);
    call.once('cancelled', onCancel);
  });
}

const failure = (req) => ({ code: req.fail_code, details: req.fail_message });
const echo = (req, authorization = '') => ({
  text: req.text,
  sequence: req.sequence,
  payload: req.payload,
  authorization,
});

// Ends a streaming-response call with an error status.
function fail(call, status) {
  call.outcome = 'error';
  call.emit('error', status);
}

function finish(call) {
  call.outcome = 'ok';
  call.end();
}

// Awaits 'drain' when write() reports a full buffer, so a slow reader slows this writer.
async function write(call, message) {
  if (!call.write(message)) await once(call, 'drain');
}

const interopHandlers = {
  async Unary(call, callback) {
    track(call, 'Unary');
    const req = call.request;
    if (req.delay_ms > 0 && !(await sleep(req.delay_ms, call))) return;
    if (req.fail_code !== 0) {
      call.outcome = 'error';
      return callback(failure(req));
    }
    call.outcome = 'ok';
    const authorization = call.metadata.get('authorization')[0] ?? '';
    callback(null, echo(req, String(authorization)));
  },

  async ServerStream(call) {
    track(call, 'ServerStream');
    const req = call.request;
    try {
      for (let i = 0; i < req.count; i++) {
        if (i > 0 && req.delay_ms > 0 && !(await sleep(req.delay_ms, call))) return;
        if (call.cancelled) return;
        await write(call, { text: req.text, sequence: i });
      }
    } catch {
      return; // the call failed underneath; grpc-js has ended it
    }
    if (req.fail_code !== 0) fail(call, failure(req));
    else finish(call);
  },

  ClientStream(call, callback) {
    track(call, 'ClientStream');
    let count = 0;
    let text = '';
    let firstFailure = null;
    const payloads = [];
    call.on('data', (req) => {
      count++;
      text = req.text;
      payloads.push(req.payload);
      if (req.fail_code !== 0 && !firstFailure) firstFailure = failure(req);
    });
    call.on('end', () => {
      if (call.cancelled) return;
      call.outcome = firstFailure ? 'error' : 'ok';
      if (firstFailure) return callback(firstFailure);
      callback(null, { text, sequence: count, payload: Buffer.concat(payloads) });
    });
  },

  Bidi(call) {
    track(call, 'Bidi');
    // Requests are handled strictly in order; reading pauses while one is in progress, so a
    // delay or a full write buffer pushes back on the client.
    let over = false;
    let chain = Promise.resolve();
    const enqueue = (step) => {
      chain = chain
        .then(() => (over || call.cancelled ? undefined : step()))
        .catch(() => {
          over = true; // a failed write means the call is over; grpc-js reports its status
        });
    };
    call.on('data', (req) => {
      call.pause();
      enqueue(async () => {
        if (req.delay_ms > 0 && !(await sleep(req.delay_ms, call))) return;
        if (req.fail_code !== 0) {
          over = true;
          return fail(call, failure(req));
        }
        await write(call, echo(req));
        call.resume();
      });
    });
    call.on('end', () => enqueue(() => finish(call)));
  },
};

const healthHandlers = {
  Check(call, callback) {
    track(call, 'Check');
    const { service } = call.request;
    if (!SERVING_NAMES.has(service)) {
      call.outcome = 'error';
      return callback({ code: grpc.status.NOT_FOUND, details: `unknown service "${service}"` });
    }
    call.outcome = 'ok';
    callback(null, { status: 'SERVING' });
  },

  // Statuses never change in this server, so Watch sends one update and then idles until cancelled.
  Watch(call) {
    track(call, 'Watch');
    call.write({ status: SERVING_NAMES.has(call.request.service) ? 'SERVING' : 'SERVICE_UNKNOWN' });
  },
};

function main() {
  const port = Number(option(process.argv.slice(2), 'port', '0'));
  const server = new grpc.Server();
  server.addService(interop.Interop.service, interopHandlers);
  server.addService(health.Health.service, healthHandlers);
  serve(server, port);
}

main();
